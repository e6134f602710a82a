package io.socialcare.feedback.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.socialcare.commons.ids.Ids;
import io.socialcare.commons.messaging.RecordBatches;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import io.socialcare.feedback.config.FeedbackConfig;
import io.socialcare.feedback.service.FeedbackIngest;
import io.socialcare.feedback.service.FeedbackMetrics;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code mentions} a poll at a time (up to {@code max.poll.records}) and ingests each poll as one batch.
 *
 * <p>A record that is not a readable mention is nacked on its own and goes to {@code mentions.dlq} with the
 * {@code dead-letter-reason} header; the rest of the poll goes on. A batch that fails (the store away) is tried again
 * with back-off, {@code feedback.batch-attempts} times in all, then each of its mentions is tried alone, so that one
 * mention the store keeps refusing goes to the dead-letter topic instead of holding its partition. Records are
 * dead-lettered and acked only after the batch was ingested, so no offset is committed before its record was
 * ingested or dead-lettered; ingesting is idempotent, since Kafka delivers at least once.</p>
 *
 * <p>Tracing: each record's consumer span (the connector's, a child of the producer's {@code traceparent}) is handed
 * to the ingest, which keeps it with the contribution the mention becomes.</p>
 */
@ApplicationScoped
public class MentionConsumer {

    static final String DEAD_LETTER_TOPIC = EventTypes.TOPIC_MENTIONS + ".dlq";

    private final ObjectMapper mapper;
    private final FeedbackIngest ingest;
    private final FeedbackMetrics metrics;
    private final FeedbackConfig config;

    public MentionConsumer(ObjectMapper mapper, FeedbackIngest ingest, FeedbackMetrics metrics, FeedbackConfig config) {
        this.mapper = mapper;
        this.ingest = ingest;
        this.metrics = metrics;
        this.config = config;
    }

    @Incoming(EventTypes.TOPIC_MENTIONS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<FeedbackIngest.Incoming> mentions = new ArrayList<>();
        Map<KafkaRecord<String, String>, Throwable> dead = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                MentionEvent mention = read(record.getPayload());
                readable.add(record);
                mentions.add(new FeedbackIngest.Incoming(mention, traceparent(record)));
            } catch (IllegalArgumentException e) {
                Log.warnf("Unreadable record on %s (partition %d): %s", EventTypes.TOPIC_MENTIONS,
                        record.getPartition(), e.getMessage());
                dead.put(record, e);
            }
        }
        if (mentions.isEmpty()) {
            return settle(List.of(), dead);
        }
        String batchId = Ids.next();
        return Uni.createFrom().deferred(() -> ingest.ingest(batchId, mentions))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2))
                .atMost(Math.max(1, config.batchAttempts() - 1))
                .replaceWith(readable)
                .onFailure().recoverWithUni(f -> {
                    Log.warnf("Batch of %d mentions failed %d times (%s); trying each mention alone", mentions.size(),
                            config.batchAttempts(), f.getMessage());
                    return RecordBatches.oneByOne(readable, mentions,
                            mention -> ingest.ingest(Ids.next(), List.of(mention)), dead);
                })
                .chain(ingested -> settle(ingested, dead));
    }

    private Uni<Void> settle(List<KafkaRecord<String, String>> ingested, Map<KafkaRecord<String, String>, Throwable> dead) {
        return RecordBatches.settle(ingested, dead, () -> metrics.deadLettered(DEAD_LETTER_TOPIC));
    }

    /** The consumer span the connector started for the record, or else the producer's trace context on the record. */
    static String traceparent(KafkaRecord<String, String> record) {
        Context consumerSpan = record.getMetadata(TracingMetadata.class)
                .map(TracingMetadata::getCurrentContext).orElse(null);
        String traceparent = Traces.traceparentOf(consumerSpan);
        if (traceparent != null) {
            return traceparent;
        }
        var header = record.getHeaders().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    MentionEvent read(String json) {
        if (json == null) {
            throw new IllegalArgumentException("record without a value");
        }
        MentionEvent mention;
        try {
            mention = mapper.readValue(json, MentionEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable mention: " + e.getOriginalMessage());
        }
        FeedbackIngest.validate(mention);
        return mention;
    }
}
