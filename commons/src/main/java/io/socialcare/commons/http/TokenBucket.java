package io.socialcare.commons.http;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code ratePerSecond}. Thread-safe.
 */
final class TokenBucket {

    private final double capacity;
    private final double ratePerNano;
    private double tokens;
    private long last;

    TokenBucket(double capacity, double ratePerSecond, long nowNanos) {
        this.capacity = capacity;
        this.ratePerNano = ratePerSecond / 1_000_000_000.0;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /**
     * Takes one token; returns 0 when taken, else the nanoseconds until one will be available.
     */
    synchronized long take(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * ratePerNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / ratePerNano);
    }
}
