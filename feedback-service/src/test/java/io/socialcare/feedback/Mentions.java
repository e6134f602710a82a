package io.socialcare.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;

/**
 * Builds {@code mention.captured} records as listening-service publishes them, and puts them on the topic.
 */
public final class Mentions {

    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private String id = UUID.randomUUID().toString();
    private final String brand;
    private String channel = "x";
    private String externalId = UUID.randomUUID().toString();
    private String threadId;
    private String authorId = "author-" + UUID.randomUUID();
    private String handle;
    private String name = "Cliente";
    private String text = "Deberían ofrecer leche de almendras";
    private Instant at = Instant.now();
    private String customerRef;
    private String intent = "suggestion";
    private double score = 0.2;
    private List<String> topics = List.of();

    private Mentions(String brand) {
        this.brand = brand;
    }

    public static Mentions of(String brand) {
        return new Mentions(brand);
    }

    /** A brand id no other test uses. */
    public static String uniqueBrand(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Mentions id(String value) {
        id = value;
        return this;
    }

    public Mentions channel(String value) {
        channel = value;
        return this;
    }

    public Mentions thread(String value) {
        threadId = value;
        return this;
    }

    public Mentions externalId(String value) {
        externalId = value;
        return this;
    }

    public Mentions author(String value) {
        authorId = value;
        return this;
    }

    public Mentions handle(String value) {
        handle = value;
        return this;
    }

    public Mentions text(String value) {
        text = value;
        return this;
    }

    public Mentions at(Instant value) {
        at = value;
        return this;
    }

    public Mentions customerRef(String value) {
        customerRef = value;
        return this;
    }

    public Mentions intent(String value) {
        intent = value;
        return this;
    }

    public Mentions score(double value) {
        score = value;
        return this;
    }

    public Mentions topics(String... values) {
        topics = List.of(values);
        return this;
    }

    public String id() {
        return id;
    }

    public String key() {
        return EventTypes.mentionKey(brand, channel, authorId);
    }

    public MentionEvent build() {
        String label = score < -0.2 ? "negative" : score > 0.2 ? "positive" : "neutral";
        return new MentionEvent(id, brand, channel, externalId, threadId == null ? externalId : threadId, null,
                new MentionEvent.Author(authorId, handle == null ? "@" + authorId : handle, name), text, null, at,
                "es", customerRef, at.plusSeconds(1),
                new MentionEvent.Analysis("es", new MentionEvent.Sentiment(label, score), intent, "normal", topics));
    }

    public String json() {
        try {
            return JSON.writeValueAsString(build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the mention on {@code mentions}; returns its id. */
    public String send() {
        TestKafka.send(EventTypes.TOPIC_MENTIONS, key(), json());
        return id;
    }
}
