package io.socialcare.routing.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import org.hibernate.reactive.mutiny.Mutiny;

/** Small helpers around the reactive session and PostgreSQL errors. */
public final class Db {

    /** unique_violation, serialization_failure, deadlock_detected: the transaction can be retried as a whole. */
    private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01");

    /**
     * SQLSTATEs of a database that is away or refusing work for now: connection exceptions (class 08), shutdown in
     * progress (57P01 admin, 57P02 crash, 57P03 cannot connect now), too many connections and out of resources
     * (class 53).
     */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03");

    private Db() {
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
                return state != null && (state.startsWith("08") || state.startsWith("53") || UNAVAILABLE.contains(state));
            }
            // IOException covers refused and timed-out connects and closed channels
            if (t instanceof java.io.IOException || t instanceof io.vertx.sqlclient.ClosedConnectionException) {
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

    /** Now, at the precision PostgreSQL keeps (microseconds), so that stored and returned times agree. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Sends pending inserts and updates to the database (before native SQL, and to surface constraint errors). */
    public static Uni<Void> flush() {
        return Panache.getSession().flatMap(Mutiny.Session::flush);
    }

    /** True for a unique violation (another transaction won a race), a serialization failure or a deadlock. */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && RETRYABLE.contains(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && cve.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
