package io.socialcare.routing.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.ReplyEvent;
import io.socialcare.routing.service.CareMetrics;
import io.socialcare.routing.service.SlaService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code replies}: the first {@code reply.sent} of a case sets its first response time (once; a redelivery
 * changes nothing). A record that cannot be read goes to {@code replies.dlq}.
 */
@ApplicationScoped
public class ReplyConsumer {

    private final ObjectMapper mapper;
    private final SlaService sla;
    private final CareMetrics metrics;

    public ReplyConsumer(ObjectMapper mapper, SlaService sla, CareMetrics metrics) {
        this.mapper = mapper;
        this.sla = sla;
        this.metrics = metrics;
    }

    /** A failed record goes to {@code replies.dlq} (failure-strategy dead-letter-queue); it is counted. */
    @Incoming(EventTypes.TOPIC_REPLIES)
    public Uni<Void> onReply(String value) {
        return process(value).onFailure().invoke(e -> metrics.deadLettered(EventTypes.TOPIC_REPLIES + ".dlq"));
    }

    private Uni<Void> process(String value) {
        ReplyEvent reply;
        UUID caseId;
        try {
            if (value == null) {
                throw new IllegalArgumentException("empty record");
            }
            reply = mapper.readValue(value, ReplyEvent.class);
            if (reply.type() == null || reply.caseId() == null) {
                throw new IllegalArgumentException("a reply event needs type and caseId");
            }
            caseId = UUID.fromString(reply.caseId());
        } catch (Exception e) {
            Log.warnf("Unreadable record on %s: %s", EventTypes.TOPIC_REPLIES, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        if (!EventTypes.REPLY_SENT.equals(reply.type())) {
            return Uni.createFrom().voidItem();
        }
        return sla.firstResponse(caseId, reply.at());
    }
}
