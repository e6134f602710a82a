package io.socialcare.routing.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.socialcare.commons.db.PgFailures;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import io.socialcare.routing.config.RoutingConfig;
import io.socialcare.routing.service.BatchRouter;
import io.socialcare.routing.service.CareMetrics;
import io.socialcare.routing.service.Db;
import io.socialcare.routing.service.RoutingService;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code mentions} in batches (one poll): each captured mention is routed into a case. The readable
 * mentions of a batch are routed together in one transaction ({@link BatchRouter}), in their order; when that is not
 * possible (a customer merge, or a failure that retrying the batch did not cure) they are routed one by one, each in
 * its own transaction, as before. Idempotent (a mention already routed changes nothing); a record that cannot be read,
 * or that still fails alone after retries, is nacked and goes to {@code mentions.dlq} with the reason, without holding
 * up the others. While the database is away (a restart, a network cut) a mention is not given up: it waits for the
 * database, up to {@code routing.database-wait}.
 */
@ApplicationScoped
public class MentionConsumer {

    private final ObjectMapper mapper;
    private final BatchRouter batches;
    private final RoutingService routing;
    private final CaseEventPublisher publisher;
    private final CareMetrics metrics;
    private final Duration databaseWait;

    public MentionConsumer(ObjectMapper mapper, BatchRouter batches, RoutingService routing,
            CaseEventPublisher publisher, CareMetrics metrics, RoutingConfig config) {
        this.databaseWait = config.databaseWait();
        this.mapper = mapper;
        this.batches = batches;
        this.routing = routing;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    private record Readable(KafkaRecord<String, String> record, BatchRouter.Item item) {
    }

    /** Every record of the batch is acked once routed, or nacked (failure-strategy dead-letter-queue) and counted. */
    @Incoming(EventTypes.TOPIC_MENTIONS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> onMentions(KafkaRecordBatch<String, String> batch) {
        List<Readable> readable = new ArrayList<>();
        List<Uni<Void>> dead = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                BatchRouter.Item item = new BatchRouter.Item(read(record.getPayload()), traceparent(record));
                readable.add(new Readable(record, item));
            } catch (Exception e) {
                Log.warnf("Unreadable record on %s: %s", EventTypes.TOPIC_MENTIONS, e.getMessage());
                dead.add(deadLetter(record, e));
            }
        }
        Uni<Void> unreadable = dead.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(dead).andFailFast()
                .replaceWithVoid();
        if (readable.isEmpty()) {
            return unreadable;
        }
        Log.debugf("Routing a batch of %d mention(s)", readable.size());
        List<BatchRouter.Item> items = readable.stream().map(Readable::item).toList();
        // while the database is away the batch waits for it (the batch router works on the SQL pool from any thread)
        return unreadable.chain(() -> waitingForDatabase(Uni.createFrom().deferred(() -> batches.route(items)),
                        "a batch of " + items.size() + " mention(s)"))
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("A batch of %d mention(s) could not be routed together (%s); routing them one by one",
                            readable.size(), e.getMessage());
                    return null;
                })
                .chain(events -> {
                    if (events == null) {
                        return oneByOne(readable);
                    }
                    publisher.publishSoon(events);
                    return Uni.join().all(readable.stream().map(r -> ack(r.record())).toList()).andFailFast()
                            .replaceWithVoid();
                });
    }

    /** Each mention in its own transaction, in order, retried with back-off before it is dead-lettered. */
    private Uni<Void> oneByOne(List<Readable> readable) {
        return Multi.createFrom().iterable(readable)
                .onItem().transformToUniAndConcatenate(r -> route(r.item().mention())
                        .chain(() -> ack(r.record()))
                        .onFailure().recoverWithUni(e -> {
                            Log.warnf("Mention %s could not be routed: %s", r.item().mention().id(), e.getMessage());
                            return deadLetter(r.record(), e);
                        }))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> route(MentionEvent mention) {
        // while the database is away (restarting, unreachable) the mention waits for it, up to the configured bound,
        // instead of being dead-lettered: a valid mention must reach its case. Any other failure is retried a few
        // times before it would be dead-lettered.
        // Hibernate Reactive works only on the Vert.x event loop: every attempt (a retry resubscribes from the
        // back-off's timer thread) runs on this consumer's context
        Context context = Vertx.currentContext();
        Uni<List<CaseEvent>> attempt = Uni.createFrom().deferred(() -> routing.route(mention));
        if (context != null) {
            attempt = attempt.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        }
        return waitingForDatabase(attempt, "mention " + mention.id())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .invoke(publisher::publishSoon)
                .replaceWithVoid();
    }

    /**
     * The work, resubscribed with back-off while it fails because the database is away, up to
     * {@code routing.database-wait}; other failures pass through at once.
     */
    private <T> Uni<T> waitingForDatabase(Uni<T> work, String what) {
        return work
                .onFailure(PgFailures::isUnavailable).invoke(e -> Log.infof("Database unavailable (%s); %s waits for it",
                        e.getMessage(), what))
                .onFailure(PgFailures::isUnavailable).retry().withBackOff(Duration.ofMillis(250), Duration.ofSeconds(5))
                .expireIn(databaseWait.toMillis());
    }

    private static Uni<Void> ack(KafkaRecord<String, String> record) {
        return Uni.createFrom().completionStage(record::ack);
    }

    /** Nacks the record: the connector's failure strategy writes it to mentions.dlq with the reason. */
    private Uni<Void> deadLetter(KafkaRecord<String, String> record, Throwable reason) {
        metrics.deadLettered(EventTypes.TOPIC_MENTIONS + ".dlq");
        return Uni.createFrom().completionStage(() -> record.nack(reason));
    }

    /** The trace the record belongs to: the connector's span for it, else the producer's traceparent header. */
    private static String traceparent(KafkaRecord<String, String> record) {
        String current = record.getMetadata(TracingMetadata.class)
                .map(t -> CaseOutbox.traceparent(t.getCurrentContext())).orElse(null);
        if (current != null) {
            return current;
        }
        Header header = record.getHeaders() == null ? null : record.getHeaders().lastHeader("traceparent");
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    MentionEvent read(String value) throws Exception {
        if (value == null) {
            throw new IllegalArgumentException("empty record");
        }
        MentionEvent m = mapper.readValue(value, MentionEvent.class);
        if (blank(m.id()) || blank(m.brand()) || blank(m.channel()) || m.author() == null || blank(m.author().id())) {
            throw new IllegalArgumentException("a mention needs id, brand, channel and author.id");
        }
        List<String> stored = new ArrayList<>(List.of(m.id(), m.brand(), m.channel(), m.author().id()));
        java.util.Collections.addAll(stored, m.externalId(), m.threadId(), m.author().handle(), m.author().name(),
                m.customerRef(), m.lang());
        if (m.analysis() != null) {
            java.util.Collections.addAll(stored, m.analysis().language(), m.analysis().intent(),
                    m.analysis().urgency());
            if (m.analysis().topics() != null) {
                stored.addAll(m.analysis().topics());
            }
        }
        for (String field : stored) {
            if (field != null && field.indexOf('\u0000') >= 0) {
                throw new IllegalArgumentException("a mention field holds a NUL character, which cannot be stored");
            }
        }
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
