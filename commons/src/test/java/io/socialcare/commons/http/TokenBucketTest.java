package io.socialcare.commons.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void allowsTheBurstThenRefillsAtTheRate() {
        long t = 0;
        TokenBucket bucket = new TokenBucket(3, 2, t);
        assertEquals(0, bucket.take(t));
        assertEquals(0, bucket.take(t));
        assertEquals(0, bucket.take(t));
        long wait = bucket.take(t);
        assertTrue(wait > 0 && wait <= 500_000_000L, "one token comes back after half a second at 2/s: " + wait);
        assertEquals(0, bucket.take(t + 500_000_000L));
        assertTrue(bucket.take(t + 500_000_000L) > 0, "and only one");
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 1000, 0);
        long later = 60_000_000_000L;
        assertEquals(0, bucket.take(later));
        assertEquals(0, bucket.take(later));
        assertTrue(bucket.take(later) > 0);
    }
}
