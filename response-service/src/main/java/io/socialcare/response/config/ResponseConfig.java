package io.socialcare.response.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of the response-service ({@code response.*}). Channel endpoints are in {@link ChannelsConfig}.
 */
@ConfigMapping(prefix = "response")
public interface ResponseConfig {

    /** CloudEvents {@code ce_source} of the records this service publishes. */
    @WithDefault("/response-service")
    String eventSource();

    /**
     * How long a poll of case snapshots waits for an unavailable database (retried with back-off) before its records
     * are given up to the dead-letter topic.
     */
    @WithDefault("PT5M")
    Duration databaseWait();

    Delivery delivery();

    Approval approval();

    Windows windows();

    CloseLoop closeLoop();

    interface CloseLoop {

        /**
         * The notice each contributor of a shipped theme gets, with {@code {{customer.name}}},
         * {@code {{theme.title}}} and {@code {{product}}}.
         */
        @WithDefault("Hola {{customer.name}}, nos pediste \"{{theme.title}}\" y ya está disponible en {{product}}. ¡Gracias por ayudarnos a mejorar!")
        String message();
    }

    interface Delivery {

        /** How often the delivery worker looks for due replies (a nudge after each insert comes on top). */
        @WithDefault("250ms")
        Duration pollInterval();

        /** Replies claimed at most per claim of the worker (one transaction). */
        @WithDefault("100")
        int batchSize();

        /**
         * Replies claimed and not yet recorded at most, per replica: posts (and lookups) run concurrently up to this
         * number, which is also the HTTP connection pool size per channel host.
         */
        @WithDefault("256")
        int maxInFlight();

        /**
         * Wait after a post whose outcome is unknown (x, facebook, instagram) before the platform is asked whether the
         * reply is there; lets a late post appear in the platform's read API before we conclude it is not.
         */
        @WithDefault("15s")
        Duration lookupDelay();

        /** How long lookups that keep failing are retried before the reply fails with {@code unknown_outcome}. */
        @WithDefault("24h")
        Duration lookupGiveUpAfter();

        /** Tolerance between our clock and the platform's when a lookup compares creation times. */
        @WithDefault("2m")
        Duration lookupClockSkew();

        /** Pages of the platform's listing a lookup reads at most before it gives up for now (counts as failed). */
        @WithDefault("10")
        int lookupMaxPages();

        /** Attempts (posts) before a reply is given up as failed with reason retries_exhausted. */
        @WithDefault("6")
        int maxAttempts();

        /** First retry delay; doubled on every attempt, with jitter. */
        @WithDefault("2s")
        Duration backoffBase();

        /** Longest retry delay (also the cap for a channel's Retry-After). */
        @WithDefault("10m")
        Duration backoffMax();

        /** Time allowed for a channel to answer a post. */
        @WithDefault("10s")
        Duration timeout();

        /** Time allowed to connect to a channel. */
        @WithDefault("3s")
        Duration connectTimeout();

        /** How long a claimed reply stays invisible to other workers while it is posted. */
        @WithDefault("2m")
        Duration lease();

        /** Consecutive failures of a channel that open its circuit breaker. */
        @WithDefault("5")
        int breakerFailureThreshold();

        /** How long an open circuit breaker refuses posts before it lets one trial through. */
        @WithDefault("30s")
        Duration breakerOpenFor();

        /** Age after which a finished reply whose event was not yet published is published again. */
        @WithDefault("10s")
        Duration republishAfter();

        /** Longest wait a channel's {@code Retry-After} may impose before the next attempt (a longer one is cut). */
        @WithDefault("10m")
        Duration retryAfterMax();

        /**
         * Circuit-breaker settings of one channel that differ from the defaults above
         * ({@code response.delivery.breakers.<channel>.failure-threshold}, {@code .open-for}).
         */
        java.util.Map<String, Breaker> breakers();
    }

    interface Breaker {

        /** Consecutive failures of this channel that open its breaker (default: breaker-failure-threshold). */
        java.util.Optional<Integer> failureThreshold();

        /** How long this channel's open breaker refuses posts (default: breaker-open-for). */
        java.util.Optional<Duration> openFor();
    }

    Metrics metrics();

    interface Metrics {

        /** How often gauges read from the store (pending approvals) are refreshed. */
        @WithDefault("15s")
        Duration refreshInterval();
    }

    interface Approval {

        /** Risk level from which a reply waits for a supervisor's approval (low, medium, high). */
        @WithDefault("high")
        String fromRisk();

        /** Whether every reply on a critical case waits for a supervisor's approval. */
        @WithDefault("true")
        boolean criticalCases();
    }

    interface Windows {

        /**
         * Channels that carry private messages and only allow answers within {@link #privateReplyWindow()} of
         * the customer's message (none by default).
         */
        java.util.Optional<java.util.List<String>> privateChannels();

        /** How long after the customer's message a private message may still be answered. */
        @WithDefault("24h")
        Duration privateReplyWindow();
    }
}
