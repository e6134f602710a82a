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

    private Db() {
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
