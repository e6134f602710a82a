package io.socialcare.response.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.socialcare.response.config.ResponseConfig;

/**
 * One circuit breaker per channel (SmallRye's {@code @CircuitBreaker} is per method, and one failing network must
 * not stop the others): after {@code breaker-failure-threshold} consecutive failures the channel is open for
 * {@code breaker-open-for}, then one trial post is let through; its success closes the breaker. State is per
 * replica, in memory.
 */
@ApplicationScoped
public class CircuitBreakers {

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final int threshold;
    private final Duration openFor;
    private final Map<String, Integer> thresholds = new HashMap<>();
    private final Map<String, Duration> openFors = new HashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    public CircuitBreakers(ResponseConfig config) {
        this(config.delivery().breakerFailureThreshold(), config.delivery().breakerOpenFor());
        config.delivery().breakers().forEach((channel, breaker) -> {
            breaker.failureThreshold().ifPresent(t -> thresholds.put(channel, t));
            breaker.openFor().ifPresent(d -> openFors.put(channel, d));
        });
    }

    public CircuitBreakers(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openFor = openFor;
    }

    private int threshold(String channel) {
        return thresholds.getOrDefault(channel, threshold);
    }

    private Duration openFor(String channel) {
        return openFors.getOrDefault(channel, openFor);
    }

    private static final class State {
        int failures;
        Instant openUntil;
        boolean trialInFlight;
        Instant trialStartedAt;
    }

    /**
     * Null when a post to the channel may go now (and, for a half-open breaker, takes the one trial slot);
     * otherwise the time to try again.
     */
    public synchronized Instant acquire(String channel) {
        State s = states.computeIfAbsent(channel, c -> new State());
        if (s.openUntil == null) {
            return null;
        }
        Instant now = clock.instant();
        if (now.isBefore(s.openUntil)) {
            return s.openUntil;
        }
        if (s.trialInFlight && now.isBefore(s.trialStartedAt.plus(openFor(channel)))) {
            return now.plus(openFor(channel));
        }
        // no trial running (or one that never reported back): let one through
        s.trialInFlight = true;
        s.trialStartedAt = now;
        return null;
    }

    public synchronized void success(String channel) {
        State s = states.computeIfAbsent(channel, c -> new State());
        if (s.openUntil != null) {
            Log.infof("Circuit breaker of channel %s closed", channel);
        }
        s.failures = 0;
        s.openUntil = null;
        s.trialInFlight = false;
    }

    public synchronized void failure(String channel) {
        State s = states.computeIfAbsent(channel, c -> new State());
        s.failures++;
        if (s.trialInFlight || s.failures >= threshold(channel)) {
            s.openUntil = clock.instant().plus(openFor(channel));
            s.trialInFlight = false;
            Log.warnf("Circuit breaker of channel %s open until %s after %d failures", channel, s.openUntil,
                    s.failures);
        }
    }

    /** True while the channel's breaker is open or half-open (not closed). */
    public synchronized boolean isOpen(String channel) {
        State s = states.get(channel);
        return s != null && s.openUntil != null;
    }

    /** The end of the channel's open period, or null when closed. */
    public synchronized Instant openUntil(String channel) {
        State s = states.get(channel);
        return s == null ? null : s.openUntil;
    }

    /** Releases a trial slot taken by {@link #acquire} without an outcome for the channel's health. */
    public synchronized void release(String channel) {
        State s = states.get(channel);
        if (s != null) {
            s.trialInFlight = false;
        }
    }
}
