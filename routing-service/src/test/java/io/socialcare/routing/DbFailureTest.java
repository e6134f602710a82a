package io.socialcare.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import io.socialcare.routing.service.Db;
import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/**
 * Which failures mean "the database is away, wait for it" (a valid mention must not be dead-lettered because
 * PostgreSQL restarted) and which mean "this work failed" (retried a few times, then dead-lettered).
 */
class DbFailureTest {

    private static PgException pg(String state) {
        return new PgException("failure " + state, "FATAL", state, null);
    }

    @Test
    void aRestartingOrUnreachableDatabaseIsUnavailable() {
        assertTrue(Db.isUnavailable(pg("57P03")), "the database system is shutting down / starting up");
        assertTrue(Db.isUnavailable(pg("57P01")), "terminating connection due to administrator command");
        assertTrue(Db.isUnavailable(pg("08006")), "connection failure");
        assertTrue(Db.isUnavailable(pg("53300")), "too many connections");
        assertTrue(Db.isUnavailable(new ConnectException("Connection refused")));
        assertTrue(Db.isUnavailable(new CompletionException(new RuntimeException("wrapped", pg("57P03")))),
                "found beneath the wrappers of the reactive session");
    }

    @Test
    void failuresOfTheWorkItselfAreNot() {
        assertFalse(Db.isUnavailable(pg("23505")), "a unique violation is a race, retried as such");
        assertFalse(Db.isUnavailable(pg("22P02")), "invalid text representation: the data is wrong");
        assertFalse(Db.isUnavailable(pg("23502")), "not-null violation");
        assertFalse(Db.isUnavailable(new IllegalArgumentException("bad mention")));
        assertFalse(Db.isUnavailable(new RuntimeException("something else")));
    }
}
