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

    public CaseConsumer(ObjectMapper mapper, CaseService cases) {
        this.mapper = mapper;
        this.cases = cases;
    }

    @Incoming(EventTypes.TOPIC_CASES)
    public Uni<Void> consume(String value) {
        CaseEvent event;
        try {
            event = mapper.readValue(value, CaseEvent.class);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Unreadable case event: " + e.getMessage(), e));
        }
        return cases.apply(event);
    }
}
