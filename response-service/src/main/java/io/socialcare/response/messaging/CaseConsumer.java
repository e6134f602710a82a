package io.socialcare.response.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.response.service.CaseService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code cases} into the local case projection. A record that is not a readable case snapshot fails and
 * goes to {@code cases.dlq}; a repeated or older snapshot changes nothing.
 */
@ApplicationScoped
public class CaseConsumer {

    private final ObjectMapper mapper;
    private final CaseService cases;
    private final DeadLetters deadLetters;

    public CaseConsumer(ObjectMapper mapper, CaseService cases, DeadLetters deadLetters) {
        this.mapper = mapper;
        this.cases = cases;
        this.deadLetters = deadLetters;
    }

    @Incoming(EventTypes.TOPIC_CASES)
    public Uni<Void> consume(String value) {
        // every failure here sends the record to the dead-letter topic (failure-strategy=dead-letter-queue)
        return Uni.createFrom().deferred(() -> handle(value))
                .onFailure().invoke(e -> deadLetters.count(EventTypes.TOPIC_CASES));
    }

    private Uni<Void> handle(String value) {
        CaseEvent event;
        try {
            event = mapper.readValue(value, CaseEvent.class);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Unreadable case event: " + e.getMessage(), e));
        }
        return cases.apply(event);
    }
}
