package io.socialcare.feedback.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The settings of the feedback service ({@code feedback.*}).
 */
@ConfigMapping(prefix = "feedback")
public interface FeedbackConfig {

    /** Cosine similarity (0–1) a contribution needs with a theme's terms to join it instead of opening a new theme. */
    @WithDefault("0.45")
    double similarityThreshold();

    /** Terms a contribution must share with a theme to join it (fewer when the contribution has fewer terms). */
    @WithDefault("2")
    int minSharedTerms();

    /**
     * Extra similarity a follow-up (a complaint without topic, a question) needs to join a theme; follow-ups never
     * open themes.
     */
    @WithDefault("0.15")
    double followUpMargin();

    /** At most this many words (plus single connectors such as "de") make a new theme's title. */
    @WithDefault("3")
    int titleWords();

    /** How often flagged themes and themes of stranded contributions get their aggregates rebuilt (scheduler period). */
    @WithDefault("60s")
    String recomputeEvery();

    /** At most this many flagged themes (and as many with stranded contributions) per scheduled recompute round. */
    @WithDefault("500")
    int recomputeBatch();

    /**
     * A contribution stored but not applied for less than this is in flight (its theme is recomputed later); an older
     * one was stranded by a crash and is counted by the recompute.
     */
    @WithDefault("PT1M")
    Duration recomputeGrace();

    /** How many of a brand's most recently active themes are compared with each new contribution. */
    @WithDefault("2000")
    int candidateThemes();

    /** For how many brands the consumer keeps the matching index (term counts of the candidate themes) in memory. */
    @WithDefault("1000")
    int indexedBrands();

    /**
     * How old a list snapshot of a brand may be when the brand changed meanwhile: the list is answered from it while a
     * new one is loaded in the background; an older snapshot is reloaded before answering.
     */
    @WithDefault("PT1S")
    Duration listMaxStaleness();

    /** A list snapshot older than this is reloaded in the background even if no change was counted (a safety net). */
    @WithDefault("PT5M")
    Duration listMaxAge();

    /** For how many brands lists are kept in memory (the least recently listed brand is dropped first). */
    @WithDefault("200")
    int listedBrands();

    /** How many times a batch of mentions is tried before each of its mentions is tried alone. */
    @WithDefault("3")
    int batchAttempts();

    /** How many keywords a theme shows (its most frequent terms). */
    @WithDefault("5")
    int keywords();

    /** How many sample contributions the theme detail shows (newest first). */
    @WithDefault("10")
    int samples();

    /** The CloudEvents {@code ce_source} of the events this service publishes. */
    @WithDefault("urn:socialcare:feedback-service")
    String eventSource();

    /** Age after which an unpublished {@code theme.shipped} event is picked up again by the relay. */
    @WithDefault("PT30S")
    Duration relayAfter();

    /** How often the relay looks for unpublished {@code theme.shipped} events (a scheduler period such as 10s). */
    @WithDefault("10s")
    String relayEvery();

    /** The dashboard's browser sign-in. */
    Dashboard dashboard();

    interface Dashboard {

        /** The OIDC issuer the dashboard signs in with (authorization code + PKCE); by default the one tokens come from. */
        @WithDefault("${quarkus.oidc.auth-server-url:http://127.0.0.1:8180/realms/socialcare}")
        String issuer();

        /** The public OIDC client of the dashboard (no secret). */
        @WithDefault("socialcare-dashboard")
        String clientId();
    }
}
