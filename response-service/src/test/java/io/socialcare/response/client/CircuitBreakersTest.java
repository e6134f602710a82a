package io.socialcare.response.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CircuitBreakersTest {

    @Test
    void opensPerChannelAfterConsecutiveFailuresAndClosesAfterASuccessfulTrial() throws Exception {
        CircuitBreakers breakers = new CircuitBreakers(2, Duration.ofMillis(300));
        breakers.failure("x");
        assertNull(breakers.acquire("x"), "one failure keeps it closed");
        breakers.failure("x");
        assertNotNull(breakers.acquire("x"), "open after two");
        assertNull(breakers.acquire("facebook"), "other channels are not affected");
        Thread.sleep(350);
        assertNull(breakers.acquire("x"), "half-open lets one trial through");
        assertNotNull(breakers.acquire("x"), "only one");
        breakers.success("x");
        assertNull(breakers.acquire("x"));
        assertNull(breakers.openUntil("x"));
    }

    @Test
    void failedTrialOpensAgain() throws Exception {
        CircuitBreakers breakers = new CircuitBreakers(1, Duration.ofMillis(200));
        breakers.failure("forum");
        Thread.sleep(250);
        assertNull(breakers.acquire("forum"));
        breakers.failure("forum");
        assertNotNull(breakers.acquire("forum"));
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertEquals(Duration.ofSeconds(7), ChannelClient.retryAfter("7"));
        assertNull(ChannelClient.retryAfter("soon"));
        Duration fromDate = ChannelClient.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT");
        assertNotNull(fromDate);
    }
}
