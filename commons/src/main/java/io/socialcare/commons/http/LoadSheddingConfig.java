package io.socialcare.commons.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much work one replica takes on at once. Above either bound a request to /api is answered at once with
 * {@code 503} and {@code Retry-After}, instead of queueing until the process runs out of memory or every answer is
 * late: an overloaded replica keeps answering quickly, and clients (or the load balancer) go elsewhere or come back.
 */
@ConfigMapping(prefix = "socialcare.load-shedding")
public interface LoadSheddingConfig {

    /** Whether requests beyond the bounds are refused. */
    @WithDefault("true")
    boolean enabled();

    /** Requests to /api being handled at once, at most. */
    @WithDefault("256")
    int maxRequests();

    /** Declared request bodies (Content-Length) being handled at once, at most. */
    @WithDefault("64M")
    MemorySize maxBodyBytes();

    /** The Retry-After of a refused request, in seconds. */
    @WithDefault("1")
    int retryAfterSeconds();
}
