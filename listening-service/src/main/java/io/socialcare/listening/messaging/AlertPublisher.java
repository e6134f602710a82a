package io.socialcare.listening.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.socialcare.commons.messaging.Events;
import io.socialcare.contract.EventTypes;
import io.socialcare.listening.CrisisAlert;
import io.socialcare.listening.config.ListeningConfig;
import io.socialcare.listening.repository.AlertRepository;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Sends stored crisis alerts to {@code alerts} (key: brand) and marks them published on the broker's ack. */
@ApplicationScoped
public class AlertPublisher {

    private final MutinyEmitter<CrisisAlert> emitter;
    private final AlertRepository repository;
    private final ListeningConfig config;

    public AlertPublisher(@Channel(EventTypes.TOPIC_ALERTS) MutinyEmitter<CrisisAlert> emitter,
            AlertRepository repository, ListeningConfig config) {
        this.emitter = emitter;
        this.repository = repository;
        this.config = config;
    }

    /** Sends the alert; on failure records the attempt (the relay takes it up again) and fails. */
    public Uni<Void> publish(CrisisAlert alert) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Events.message(alert, alert.brand(),
                        EventTypes.CRISIS_DETECTED, config.eventSource(), alert.id(), alert.detectedAt())))
                .onFailure().call(failure -> repository.markFailed(alert.id(), failure.getMessage(), Instant.now())
                        .onFailure().recoverWithNull())
                .chain(() -> repository.markPublished(alert.id(), Instant.now()));
    }

    /** Starts a publish without waiting for it; a failed send is left to the relay. */
    public void publishInBackground(CrisisAlert alert) {
        publish(alert).subscribe().with(
                ignored -> Log.debugf("Crisis alert %s published", alert.id()),
                failure -> Log.warnf("Crisis alert %s of brand %s stored but not published yet (the relay retries): %s",
                        alert.id(), alert.brand(), failure.getMessage()));
    }
}
