package io.socialcare.routing.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.CaseEvent;
import io.socialcare.routing.service.CareMetrics;

/**
 * Publishes case snapshots on {@code cases}. The events were already written to the outbox by the transaction
 * that caused them ({@code Snapshots.event}); after the commit the caller asks for a relay, and a periodic relay
 * publishes whatever could not be sent then (Kafka down, crash between commit and send).
 */
@ApplicationScoped
public class CaseEventPublisher {

    private final CaseOutbox outbox;
    private final CareMetrics metrics;

    public CaseEventPublisher(CaseOutbox outbox, CareMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * Counts the committed events (cases opened, transfers, escalations) and relays the outbox now when the committed
     * transaction produced events; never fails.
     */
    public Uni<Void> publish(List<CaseEvent> events) {
        if (events == null || events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        metrics.committed(events);
        return outbox.relay().replaceWithVoid();
    }

    @Scheduled(identity = "case-outbox-relay", every = "${routing.outbox.relay-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayPeriodically() {
        return outbox.relay().replaceWithVoid();
    }
}
