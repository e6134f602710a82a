package io.socialcare.response.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.socialcare.commons.db.PgFailures;
import io.socialcare.commons.messaging.RecordBatches;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.response.config.ResponseConfig;
import io.socialcare.response.service.CaseService;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code cases} into the local case projection a poll at a time (up to {@code max.poll.records}): one
 * transaction per poll, in which each case's newest snapshot replaces the stored one when its version is higher, so
 * a repeated or older snapshot changes nothing.
 *
 * <p>A record that is not a readable case snapshot is nacked on its own and goes to {@code cases.dlq} with the
 * {@code dead-letter-reason} header; the rest of the poll goes on. While the database is away (refused or lost
 * connections, a restart) the poll waits for it, up to {@code response.database-wait}: an outage dead-letters
 * nothing. A poll whose transaction fails otherwise is tried again with back-off, {@value #ATTEMPTS} times in all,
 * then each snapshot alone, so that one the database keeps refusing goes to the dead-letter topic instead of holding
 * its partition. Records are acked only after their
 * snapshot was projected or dead-lettered, so no offset is committed before that.</p>
 */
@ApplicationScoped
public class CaseConsumer {

    static final int ATTEMPTS = 5;

    private final ObjectMapper mapper;
    private final CaseService cases;
    private final DeadLetters deadLetters;
    private final Duration databaseWait;

    public CaseConsumer(ObjectMapper mapper, CaseService cases, DeadLetters deadLetters, ResponseConfig config) {
        this.mapper = mapper;
        this.cases = cases;
        this.deadLetters = deadLetters;
        this.databaseWait = config.databaseWait();
    }

    @Incoming(EventTypes.TOPIC_CASES)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<CaseEvent> events = new ArrayList<>();
        Map<KafkaRecord<String, String>, Throwable> dead = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(read(record.getPayload()));
                readable.add(record);
            } catch (IllegalArgumentException e) {
                Log.warnf("Unreadable record on %s (partition %d): %s", EventTypes.TOPIC_CASES, record.getPartition(),
                        e.getMessage());
                dead.put(record, e);
            }
        }
        if (events.isEmpty()) {
            return settle(List.of(), dead);
        }
        return waitingForDatabase(Uni.createFrom().deferred(() -> cases.apply(events)), events.size())
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(ATTEMPTS - 1)
                .replaceWith(readable)
                .onFailure().recoverWithUni(f -> {
                    Log.warnf("A batch of %d case snapshots failed %d times (%s); trying each alone", events.size(),
                            ATTEMPTS, f.getMessage());
                    return RecordBatches.oneByOne(readable, events, event -> cases.apply(List.of(event)), dead);
                })
                .chain(projected -> settle(projected, dead));
    }

    /** The work, resubscribed with back-off while it fails because the database is away, up to the configured wait. */
    private Uni<Void> waitingForDatabase(Uni<Void> work, int snapshots) {
        return work
                .onFailure(PgFailures::isUnavailable).invoke(e -> Log.infof(
                        "Database unavailable (%s); %d case snapshot(s) wait for it", e.getMessage(), snapshots))
                .onFailure(PgFailures::isUnavailable).retry().withBackOff(Duration.ofMillis(250), Duration.ofSeconds(5))
                .expireIn(databaseWait.toMillis());
    }

    private Uni<Void> settle(List<KafkaRecord<String, String>> projected,
            Map<KafkaRecord<String, String>, Throwable> dead) {
        return RecordBatches.settle(projected, dead, () -> deadLetters.count(EventTypes.TOPIC_CASES));
    }

    /** A readable, complete case snapshot, or an IllegalArgumentException saying what is wrong with it. */
    CaseEvent read(String value) {
        if (value == null) {
            throw new IllegalArgumentException("record without a value");
        }
        CaseEvent event;
        try {
            event = mapper.readValue(value, CaseEvent.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("Unreadable case event: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new IllegalArgumentException("record with a null value");
        }
        CaseService.validate(event);
        return event;
    }
}
