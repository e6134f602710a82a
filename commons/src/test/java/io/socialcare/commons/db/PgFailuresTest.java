package io.socialcare.commons.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/**
 * Which failures mean "the database is away, wait for it" (a valid record must not be dead-lettered because
 * PostgreSQL restarted) and which mean "this work failed" (retried a few times, then dead-lettered).
 */
class PgFailuresTest {

    private static PgException pg(String state) {
        return new PgException("failure " + state, "FATAL", state, null);
    }

    @Test
    void aRestartingOrUnreachableDatabaseIsUnavailable() {
        assertTrue(PgFailures.isUnavailable(pg("57P03")), "the database system is shutting down / starting up");
        assertTrue(PgFailures.isUnavailable(pg("57P01")), "terminating connection due to administrator command");
        assertTrue(PgFailures.isUnavailable(pg("08006")), "connection failure");
        assertTrue(PgFailures.isUnavailable(pg("53300")), "too many connections");
        assertTrue(PgFailures.isUnavailable(new ConnectException("Connection refused")));
        assertTrue(PgFailures.isUnavailable(new CompletionException(new RuntimeException("wrapped", pg("57P03")))),
                "found beneath the wrappers of the reactive session");
    }

    @Test
    void failuresOfTheWorkItselfAreNot() {
        assertFalse(PgFailures.isUnavailable(pg("23505")), "a unique violation is a race, retried as such");
        assertFalse(PgFailures.isUnavailable(pg("22P02")), "invalid text representation: the data is wrong");
        assertFalse(PgFailures.isUnavailable(pg("23502")), "not-null violation");
        assertFalse(PgFailures.isUnavailable(new IllegalArgumentException("bad mention")));
        assertFalse(PgFailures.isUnavailable(new RuntimeException("something else")));
    }
}
