package io.socialcare.response.client;

import java.time.Instant;

/**
 * What a lookup on the platform found after a post whose outcome was unknown.
 */
public sealed interface LookupOutcome {

    /** The reply is on the platform: {@code externalPostId} is its id, created at {@code createdAt} (if given). */
    record Found(String externalPostId, Instant createdAt) implements LookupOutcome {
    }

    /** The platform answered and the reply is not there: the post did not land, posting again is safe. */
    record Absent() implements LookupOutcome {
    }

    /** The platform could not tell (read API down, refused, too many posts to be sure): look again later. */
    record Failed(String error) implements LookupOutcome {
    }
}
