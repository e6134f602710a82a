package io.socialcare.contract;

import java.time.Instant;
import java.util.List;

/**
 * Value of a {@code mention.captured} record on the {@code mentions} topic: the mention as posted,
 * plus the suite's id, capture time and analysis.
 */
public record MentionEvent(
        String id,
        String brand,
        String channel,
        String externalId,
        String threadId,
        String inReplyTo,
        Author author,
        String text,
        String url,
        Instant publishedAt,
        String lang,
        String customerRef,
        Instant capturedAt,
        Analysis analysis) {

    public record Author(String id, String handle, String name) {
    }

    public record Analysis(String language, Sentiment sentiment, String intent, String urgency, List<String> topics) {
    }

    public record Sentiment(String label, double score) {
    }
}
