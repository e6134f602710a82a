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

    /**
     * Sends the mention and marks it published on the broker's ack; on failure records the failed attempt (the
     * relay takes the mention up again) and fails.
     */
    public Uni<Void> publish(MentionEvent mention) {
        String key = EventTypes.mentionKey(mention.brand(), mention.channel(), mention.author().id());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Events.message(mention, key,
                        EventTypes.MENTION_CAPTURED, config.eventSource(), mention.id(), mention.capturedAt())))
                .onFailure().call(failure -> repository.markFailed(mention.id(), failure.getMessage(), Instant.now())
                        .onFailure().recoverWithNull())
                .chain(() -> repository.markPublished(mention.id(), Instant.now()));
    }

    /**
     * Starts a publish without waiting for it: the caller already answered (the mention is stored), and a failed
     * send is left to the relay. When an older mention of the same author is waiting for the relay, this one waits
     * too, so that the relay sends both in order.
     */
    public void publishInBackground(MentionEvent mention) {
        repository.hasFailedOlder(mention)
                .chain(blocked -> {
                    if (blocked) {
                        Log.debugf("Mention %s queued behind an older unpublished one", mention.id());
                        return repository.release(mention.id(), Instant.now());
                    }
                    return publish(mention);
                })
                .subscribe().with(
                        ignored -> Log.debugf("Mention %s handled", mention.id()),
                        failure -> Log.warnf("Mention %s stored but not published yet (the relay retries): %s",
                                mention.id(), failure.getMessage()));
    }
}
