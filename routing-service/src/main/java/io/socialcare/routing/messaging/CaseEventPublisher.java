package io.socialcare.routing.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.CaseEvent;

/**
 * Publishes case snapshots on {@code cases}. The events were already written to the outbox by the transaction
 * that caused them ({@code Snapshots.event}); after the commit the caller asks for a relay, and a periodic relay
 * publishes whatever could not be sent then (Kafka down, crash between commit and send).
 */
@ApplicationScoped
public class CaseEventPublisher {

    private final CaseOutbox outbox;

    public CaseEventPublisher(CaseOutbox outbox) {
        this.outbox = outbox;
    }

    /** Relays the outbox now when the committed transaction produced events; never fails. */
    public Uni<Void> publish(List<CaseEvent> events) {
        if (events == null || events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return outbox.relay().replaceWithVoid();
    }

    @Scheduled(identity = "case-outbox-relay", every = "${routing.outbox.relay-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayPeriodically() {
        return outbox.relay().replaceWithVoid();
    }
}
