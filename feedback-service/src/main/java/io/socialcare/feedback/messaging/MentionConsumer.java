package io.socialcare.feedback.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import io.socialcare.feedback.service.FeedbackIngest;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code mentions}. A record that is not a readable mention fails at once and goes to
 * {@code mentions.dlq}; a store error is retried a few times first. Processing is idempotent, since Kafka
 * delivers at least once.
 */
@ApplicationScoped
public class MentionConsumer {

    private final ObjectMapper mapper;
    private final FeedbackIngest ingest;

    public MentionConsumer(ObjectMapper mapper, FeedbackIngest ingest) {
        this.mapper = mapper;
        this.ingest = ingest;
    }

    @Incoming(EventTypes.TOPIC_MENTIONS)
    public Uni<Void> consume(String json) {
        MentionEvent mention;
        try {
            if (json == null) {
                throw new IllegalArgumentException("record without a value");
            }
            mention = mapper.readValue(json, MentionEvent.class);
            FeedbackIngest.validate(mention);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("unreadable mention: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return ingest.ingest(mention)
                .onFailure(f -> !(f instanceof IllegalArgumentException))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(3);
    }
}
