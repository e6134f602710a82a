package io.socialcare.response.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.socialcare.commons.messaging.Events;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.ReplyEvent;
import io.socialcare.response.Reply;
import io.socialcare.response.config.ResponseConfig;
import io.socialcare.response.service.Traces;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes {@code reply.sent} and {@code reply.failed} on {@code replies} (key: case id). Called only after the
 * outcome is committed; a reply whose event is not acknowledged stays unpublished and is published again by the
 * delivery worker, so an event may be repeated but is never lost. The ce_id is derived from the reply id and its
 * outcome, so that consumers can drop repeats.
 */
@ApplicationScoped
public class ReplyEventPublisher {

    private final MutinyEmitter<ReplyEvent> emitter;
    private final ResponseConfig config;

    public ReplyEventPublisher(@Channel(EventTypes.TOPIC_REPLIES) MutinyEmitter<ReplyEvent> emitter,
            ResponseConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /** Completes when Kafka acknowledged the record, back on the caller's Vert.x context. */
    public Uni<Void> publish(Reply r) {
        String type = Reply.SENT.equals(r.status) ? EventTypes.REPLY_SENT : EventTypes.REPLY_FAILED;
        Instant at = r.sentAt != null ? r.sentAt : (r.finishedAt != null ? r.finishedAt : Instant.now());
        ReplyEvent event = new ReplyEvent(type, r.id, r.caseId, r.brand, r.mentionId, r.channel, r.threadId,
                r.status, r.failureReason, r.createdAt, at);
        Context context = Vertx.currentContext();
        Message<ReplyEvent> message = Events.message(event, r.caseId, type, config.eventSource(),
                r.id + ":" + r.status, at);
        io.opentelemetry.context.Context parent = Traces.parentOf(r.traceParent);
        if (parent != null) {
            // continue the trace of the request that asked for the reply (carried through the outbox row)
            message = message.addMetadata(TracingMetadata.with(parent, parent));
        }
        Uni<Void> sent = emitter.sendMessage(message);
        if (context == null) {
            return sent;
        }
        return sent.emitOn(task -> context.runOnContext(v -> task.run()));
    }
}
