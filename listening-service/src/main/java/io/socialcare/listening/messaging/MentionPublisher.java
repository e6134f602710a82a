package io.socialcare.listening.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.socialcare.commons.messaging.Events;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import io.socialcare.listening.config.ListeningConfig;
import io.socialcare.listening.repository.MentionRepository;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes stored mentions to {@code mentions} (key {@code brand:channel:authorId}, ce_type
 * {@code mention.captured}, ce_id = mention id so that a republished record is recognisable) and marks them
 * published once the broker acknowledged them (acks=all, idempotent producer).
 */
@ApplicationScoped
public class MentionPublisher {

    private final MutinyEmitter<MentionEvent> emitter;
    private final MentionRepository repository;
    private final ListeningConfig config;

    public MentionPublisher(@Channel(EventTypes.TOPIC_MENTIONS) MutinyEmitter<MentionEvent> emitter,
            MentionRepository repository, ListeningConfig config) {
        this.emitter = emitter;
        this.repository = repository;
        this.config = config;
    }

    /** Sends the mention and marks it published on the broker's ack; fails when the send failed. */
    public Uni<Void> publish(MentionEvent mention) {
        String key = EventTypes.mentionKey(mention.brand(), mention.channel(), mention.author().id());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Events.message(mention, key,
                        EventTypes.MENTION_CAPTURED, config.eventSource(), mention.id(), mention.capturedAt())))
                .chain(() -> repository.markPublished(mention.id(), Instant.now()));
    }

    /**
     * Starts a publish without waiting for it: the caller already answered (the mention is stored), and a failed
     * send is left to the relay.
     */
    public void publishInBackground(MentionEvent mention) {
        publish(mention).subscribe().with(
                ignored -> Log.debugf("Mention %s published", mention.id()),
                failure -> Log.warnf("Mention %s stored but not published yet (the relay retries): %s", mention.id(),
                        failure.getMessage()));
    }
}
