package io.socialcare.response.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.socialcare.response.config.ResponseConfig;

/**
 * Platform reply windows: private-message channels (configured in {@code response.windows.private-channels}) only
 * accept an answer within {@code response.windows.private-reply-window} (24 h) of the customer's message. Such a
 * reply is refused before anything is posted.
 */
@ApplicationScoped
public class ReplyWindows {

    public static final String OUTSIDE_WINDOW = "outside_reply_window";

    private final ResponseConfig config;

    public ReplyWindows(ResponseConfig config) {
        this.config = config;
    }

    /** True when a reply on {@code channel} to a message written at {@code mentionAt} can no longer be posted. */
    public boolean closed(String channel, Instant mentionAt, Instant now) {
        List<String> privateChannels = config.windows().privateChannels().orElse(List.of());
        return mentionAt != null && privateChannels.contains(channel)
                && now.isAfter(mentionAt.plus(config.windows().privateReplyWindow()));
    }

    public String explain(String channel) {
        return "Channel " + channel + " only accepts answers to a private message within "
                + config.windows().privateReplyWindow().toHours() + " h of it; that window has closed";
    }
}
