package io.socialcare.routing.messaging;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.CaseEvent;
import io.socialcare.routing.service.CareMetrics;

/**
 * Publishes case snapshots on {@code cases}. The events were already written to the outbox by the transaction
 * that caused them; after the commit the caller asks for a relay, and a periodic relay publishes whatever could not
 * be sent then (Kafka down, crash between commit and send).
 */
@ApplicationScoped
public class CaseEventPublisher {

    private final CaseOutbox outbox;
    private final CareMetrics metrics;
    private final AtomicBoolean relaying = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public CaseEventPublisher(CaseOutbox outbox, CareMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * Counts the committed events (cases opened, transfers, escalations) and relays the outbox now when the committed
     * transaction produced events; completes when that relay pass is done; never fails.
     */
    public Uni<Void> publish(List<CaseEvent> events) {
        if (events == null || events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        metrics.committed(events);
        return outbox.relay().replaceWithVoid();
    }

    /**
     * Counts the committed events and has them relayed without waiting: one relay loop per replica runs while
     * commits keep asking for it, so a busy consumer never waits for Kafka and relay passes never pile up.
     */
    public void publishSoon(List<CaseEvent> events) {
        if (events == null || events.isEmpty()) {
            return;
        }
        metrics.committed(events);
        again.set(true);
        if (relaying.compareAndSet(false, true)) {
            relayLoop();
        }
    }

    private void relayLoop() {
        again.set(false);
        outbox.relay().subscribe().with(this::relayed, e -> relayed(0));
    }

    private void relayed(int claimed) {
        if (claimed >= CaseOutbox.ROWS || again.get()) {
            relayLoop();
            return;
        }
        relaying.set(false);
        // a request that arrived between the check above and the reset
        if (again.get() && relaying.compareAndSet(false, true)) {
            relayLoop();
        }
    }

    @Scheduled(identity = "case-outbox-relay", every = "${routing.outbox.relay-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayPeriodically() {
        return outbox.relay().replaceWithVoid();
    }
}
