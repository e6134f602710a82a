package io.socialcare.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A mention kept as product feedback (a suggestion, or a complaint that names a product or topic), attached to
 * one theme. Its id is the mention id, which makes storing it idempotent.
 */
public record Contribution(
        String mentionId,
        String themeId,
        String brand,
        String customerKey,
        String channel,
        String threadId,
        String externalId,
        String authorId,
        String authorHandle,
        String authorName,
        String text,
        double sentiment,
        String intent,
        String product,
        List<String> terms,
        Instant at) {

    public Contribution withTheme(String theme) {
        return new Contribution(mentionId, theme, brand, customerKey, channel, threadId, externalId, authorId,
                authorHandle, authorName, text, sentiment, intent, product, terms, at);
    }
}
