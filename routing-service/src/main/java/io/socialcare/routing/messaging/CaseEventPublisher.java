package io.socialcare.routing.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.socialcare.commons.messaging.Events;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.routing.config.RoutingConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes case snapshots on {@code cases} (key = case id, ce_type = the event's type), in order, after the
 * transaction that made them committed.
 */
@ApplicationScoped
public class CaseEventPublisher {

    private final MutinyEmitter<CaseEvent> emitter;
    private final RoutingConfig config;

    public CaseEventPublisher(@Channel(EventTypes.TOPIC_CASES) MutinyEmitter<CaseEvent> emitter,
            RoutingConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /** Sends the events one after the other; a failure is logged (the database already holds the change). */
    public Uni<Void> publish(List<CaseEvent> events) {
        if (events == null || events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(e -> emitter.sendMessage(
                        Events.message(e, e.id(), e.type(), config.eventSource()))
                        .onFailure().recoverWithUni(failure -> {
                            Log.errorf(failure, "Could not publish %s v%d of case %s", e.type(), e.version(), e.id());
                            return Uni.createFrom().voidItem();
                        }))
                .collect().last()
                .replaceWithVoid();
    }
}
