package io.socialcare.listening.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of the listening service ({@code listening.*}).
 */
@ConfigMapping(prefix = "listening")
public interface ListeningConfig {

    /** How far in the future a mention's {@code publishedAt} may lie (clock skew of the sources). */
    @WithDefault("5m")
    Duration maxFutureSkew();

    /** The CloudEvents {@code ce_source} of the records this service publishes. */
    @WithDefault("/listening-service")
    String eventSource();

    /**
     * How long the ingest path may use a brand it read (keywords, name) before reading it again; a change made
     * through this instance is seen at once, one made through another replica within this time.
     */
    @WithDefault("5s")
    Duration brandCacheTtl();

    Relay relay();

    Meta meta();

    X x();

    Feeds feeds();

    Crisis crisis();

    Ingest ingest();

    interface Ingest {

        /**
         * Group commit of single mentions ({@code POST /api/v1/mentions}): at most this many rounds are stored at
         * once per instance; mentions that arrive meanwhile wait for the next round and are stored together, with
         * the round trips of one call. A mention never waits while fewer rounds run. 0 stores each on its own.
         */
        @WithDefault("2")
        int maxInFlight();
    }

    interface Crisis {

        /** Whether spike detection runs. */
        @WithDefault("true")
        boolean enabled();

        /** The window whose negative mentions are compared with the trailing rate. */
        @WithDefault("15m")
        Duration window();

        /** The period before the window that gives the usual rate. */
        @WithDefault("24h")
        Duration trailing();

        /** How many times the usual rate the window must exceed. */
        @WithDefault("3")
        double factor();

        /** The least number of negative mentions in the window that can make a crisis. */
        @WithDefault("20")
        int minCount();

        /** How often counter buckets that no window needs any more are removed (besides MongoDB's TTL index). */
        @WithDefault("10m")
        Duration cleanupEvery();
    }

    interface Feeds {

        /** How often every RSS/Atom feed is polled. */
        @WithDefault("5m")
        Duration every();

        /** Connect and read timeout of one feed request. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Relay {

        /** How often the relay looks for stored mentions that did not reach Kafka yet. */
        @WithDefault("2s")
        Duration every();

        /**
         * How long a publish attempt owns a mention before the relay may retry it; longer than the producer's
         * max.block.ms plus delivery.timeout.ms, so that the relay does not race an attempt still under way.
         */
        @WithDefault("10s")
        Duration lease();

        /** How many outbox entries (each one capture: a mention, a batch, a delivery) the relay takes per run. */
        @WithDefault("200")
        int batchSize();
    }

    interface Meta {

        /** The verify token Meta echoes in {@code hub.verify_token} when a webhook subscription is set up. */
        Optional<String> verifyToken();

        /** The Meta app secret that signs webhook deliveries ({@code X-Hub-Signature-256}). */
        Optional<String> appSecret();
    }

    interface X {

        /** The X consumer secret that answers CRC checks and signs webhook deliveries. */
        Optional<String> consumerSecret();
    }
}
