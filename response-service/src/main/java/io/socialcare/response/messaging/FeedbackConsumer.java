package io.socialcare.response.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.ThemeShippedEvent;
import io.socialcare.response.service.CloseLoopService;
import io.socialcare.response.service.DeliveryWorker;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code theme.shipped} from {@code feedback} and tells each contributor once. Unreadable records go to
 * {@code feedback.dlq}; a repeated record queues nothing new.
 */
@ApplicationScoped
public class FeedbackConsumer {

    private final ObjectMapper mapper;
    private final CloseLoopService closeLoop;
    private final DeliveryWorker worker;
    private final DeadLetters deadLetters;

    public FeedbackConsumer(ObjectMapper mapper, CloseLoopService closeLoop, DeliveryWorker worker,
            DeadLetters deadLetters) {
        this.mapper = mapper;
        this.closeLoop = closeLoop;
        this.worker = worker;
        this.deadLetters = deadLetters;
    }

    @Incoming(EventTypes.TOPIC_FEEDBACK)
    public Uni<Void> consume(String value) {
        // every failure here sends the record to the dead-letter topic (failure-strategy=dead-letter-queue)
        return Uni.createFrom().deferred(() -> handle(value))
                .onFailure().invoke(e -> deadLetters.count(EventTypes.TOPIC_FEEDBACK));
    }

    private Uni<Void> handle(String value) {
        ThemeShippedEvent event;
        try {
            event = mapper.readValue(value, ThemeShippedEvent.class);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Unreadable theme event: " + e.getMessage(),
                    e));
        }
        return closeLoop.themeShipped(event).invoke(queued -> {
            if (!queued.isEmpty()) {
                worker.nudge();
            }
        }).replaceWithVoid();
    }
}
