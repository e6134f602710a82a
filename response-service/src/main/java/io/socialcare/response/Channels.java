package io.socialcare.response;

import java.util.List;

/**
 * The channel enumeration of the contract and what each channel's API offers.
 */
public final class Channels {

    public static final String X = "x";
    public static final String FACEBOOK = "facebook";
    public static final String INSTAGRAM = "instagram";

    public static final List<String> ALL = List.of("x", "facebook", "instagram", "youtube", "tiktok", "linkedin",
            "blog", "forum", "review", "partner");

    private Channels() {
    }

    /**
     * True when the channel dedups on our {@code Idempotency-Key} (the partner-webhook channels), so that a post
     * whose outcome is unknown may be repeated without a second public reply.
     */
    public static boolean honoursIdempotencyKey(String channel) {
        return !X.equals(channel) && !FACEBOOK.equals(channel) && !INSTAGRAM.equals(channel);
    }
}
