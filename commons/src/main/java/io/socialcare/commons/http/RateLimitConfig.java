package io.socialcare.commons.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-client request limits of every service's HTTP API.
 */
@ConfigMapping(prefix = "socialcare.rate-limit")
public interface RateLimitConfig {

    /** Whether requests to /api are limited per client. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained requests per second one client (token subject and client id, or address) may make. */
    @WithDefault("500")
    double requestsPerSecond();

    /** Requests a client may make at once above the sustained rate. */
    @WithDefault("1000")
    int burst();

    /** Clients remembered at most; the least recently seen are forgotten first. */
    @WithDefault("100000")
    int maxClients();
}
