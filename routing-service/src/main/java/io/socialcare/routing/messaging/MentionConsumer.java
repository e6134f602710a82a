package io.socialcare.routing.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import io.socialcare.routing.service.CareMetrics;
import io.socialcare.routing.service.RoutingService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mentions}: each captured mention is routed into a case. Idempotent (a mention already routed
 * changes nothing); a record that cannot be read fails and goes to {@code mentions.dlq}.
 */
@ApplicationScoped
public class MentionConsumer {

    private final ObjectMapper mapper;
    private final RoutingService routing;
    private final CaseEventPublisher publisher;
    private final CareMetrics metrics;

    public MentionConsumer(ObjectMapper mapper, RoutingService routing, CaseEventPublisher publisher,
            CareMetrics metrics) {
        this.mapper = mapper;
        this.routing = routing;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** A failed record goes to {@code mentions.dlq} (failure-strategy dead-letter-queue); it is counted. */
    @Incoming(EventTypes.TOPIC_MENTIONS)
    public Uni<Void> onMention(String value) {
        return process(value).onFailure().invoke(e -> metrics.deadLettered(EventTypes.TOPIC_MENTIONS + ".dlq"));
    }

    private Uni<Void> process(String value) {
        MentionEvent mention;
        try {
            mention = read(value);
        } catch (Exception e) {
            Log.warnf("Unreadable record on %s: %s", EventTypes.TOPIC_MENTIONS, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        Log.debugf("Routing mention %s of brand %s", mention.id(), mention.brand());
        // a readable mention that fails to route (database briefly away) is retried before it would be dead-lettered
        return routing.route(mention)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .flatMap(publisher::publish);
    }

    MentionEvent read(String value) throws Exception {
        if (value == null) {
            throw new IllegalArgumentException("empty record");
        }
        MentionEvent m = mapper.readValue(value, MentionEvent.class);
        if (blank(m.id()) || blank(m.brand()) || blank(m.channel()) || m.author() == null || blank(m.author().id())) {
            throw new IllegalArgumentException("a mention needs id, brand, channel and author.id");
        }
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
