package io.socialcare.commons.db;

import java.util.Set;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** How to read a failure of the reactive PostgreSQL client. */
public final class PgFailures {

    /**
     * SQLSTATEs of a database that is away or refusing work for now: connection exceptions (class 08), shutdown in
     * progress (57P01 admin, 57P02 crash, 57P03 cannot connect now), too many connections and out of resources
     * (class 53).
     */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03");

    private PgFailures() {
    }

    /**
     * True when the failure says the database could not be reached or is restarting, not that this work is wrong:
     * the same work will succeed once it is back, so it must wait for it rather than be given up (dead-lettered).
     */
    public static boolean isUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null
                        && (state.startsWith("08") || state.startsWith("53") || UNAVAILABLE.contains(state));
            }
            // IOException covers refused and timed-out connects and closed channels
            if (t instanceof java.io.IOException || t instanceof ClosedConnectionException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Connection refused") || message.contains("Connection reset")
                    || message.contains("Connection is closed") || message.contains("Timeout")
                            && message.contains("connection"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
