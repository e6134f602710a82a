package io.socialcare.response.client;

import java.time.Duration;

/**
 * What happened to one post to a channel.
 */
public sealed interface PostOutcome {

    /** The platform accepted the post. */
    record Posted(String externalPostId) implements PostOutcome {
    }

    /**
     * The platform did not take the post (5xx, 429, connection refused): trying again is safe. {@code after}
     * is the platform's Retry-After, or null for the worker's backoff.
     */
    record Retryable(String error, Duration after) implements PostOutcome {
    }

    /**
     * No answer in time or the connection broke after the request was sent: the platform may have taken the post.
     */
    record Unknown(String error) implements PostOutcome {
    }

    /** The platform refused for good (4xx, revoked token): {@code reason} is the reply's failure reason. */
    record Refused(String reason, String error) implements PostOutcome {
    }
}
