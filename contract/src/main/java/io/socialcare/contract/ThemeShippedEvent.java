package io.socialcare.contract;

import java.time.Instant;
import java.util.List;

/**
 * Value of a {@code theme.shipped} record on the {@code feedback} topic: every contributing customer with
 * the channel, thread and mention to answer, so that each is told once.
 */
public record ThemeShippedEvent(
        String themeId,
        String brand,
        String title,
        String product,
        String note,
        List<Contributor> contributors,
        Instant at) {

    public record Contributor(
            String customerKey,
            String mentionId,
            String channel,
            String externalId,
            String threadId,
            String authorHandle,
            String authorName) {
    }
}
