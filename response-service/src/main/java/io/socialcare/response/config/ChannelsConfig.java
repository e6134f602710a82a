package io.socialcare.response.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * Where each channel's replies go: {@code channels.<channel>.url}, {@code .token} and {@code .secret}
 * (environment {@code CHANNELS_X_URL}, {@code CHANNELS_FORUM_SECRET}, ...).
 */
@ConfigMapping(prefix = "channels")
public interface ChannelsConfig {

    /** Endpoint settings per channel name of the contract's enumeration. */
    @WithParentName
    Map<String, Endpoint> endpoints();

    interface Endpoint {

        /** Base URL of the channel's API (x, facebook, instagram) or the brand's partner webhook (others). */
        Optional<String> url();

        /** Bearer token sent as {@code Authorization} (platform APIs). */
        Optional<String> token();

        /** Secret for the {@code X-Signature-256} HMAC-SHA256 of webhook bodies. */
        Optional<String> secret();

        /**
         * Our own account on the platform, whose replies a lookup looks for after a post whose outcome is unknown:
         * the X user id, the Facebook page id, the Instagram user id (or username). Without it a post whose outcome
         * is unknown on x, facebook or instagram cannot be looked up and fails with {@code unknown_outcome}.
         */
        Optional<String> account();
    }
}
