package io.socialcare.response.messaging;

import static io.socialcare.response.Fixtures.awaitConsumed;
import static io.socialcare.response.Fixtures.awaitRecord;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.caseEvent;
import static io.socialcare.response.Fixtures.header;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.mention;
import static io.socialcare.response.Fixtures.JSON;
import static io.socialcare.response.Fixtures.openCase;
import static io.socialcare.response.Fixtures.producer;
import static io.socialcare.response.Fixtures.publish;
import static io.socialcare.response.Fixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The case projection fed by {@code cases}: highest version wins, repeats change nothing, unreadable records go
 * to {@code cases.dlq} without blocking the partition.
 */
@QuarkusTest
class CaseConsumerTest {

    @Inject
    DataSource dataSource;

    private record Row(long version, String status, Instant updatedAt, List<String> mentions) {
    }

    private Row row(String caseId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            long version;
            String status;
            Instant updatedAt;
            try (PreparedStatement q = c.prepareStatement("SELECT version, status, updated_at FROM cases WHERE id = ?")) {
                q.setString(1, caseId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    version = rs.getLong(1);
                    status = rs.getString(2);
                    updatedAt = rs.getTimestamp(3).toInstant();
                }
            }
            List<String> mentions = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT channel FROM case_mentions WHERE case_id = ? ORDER BY at")) {
                q.setString(1, caseId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        mentions.add(rs.getString(1));
                    }
                }
            }
            return new Row(version, status, updatedAt, mentions);
        }
    }

    @Test
    void keepsOnlyTheNewestSnapshotAndIgnoresRepeats() throws Exception {
        String brand = brand();
        String caseId = id();
        CaseEvent.MentionRef first = mention("x", Instant.now().minusSeconds(120));
        CaseEvent.MentionRef second = mention("forum", Instant.now());
        CaseEvent v2 = caseEvent(caseId, 2, brand, "high", List.of(first, second));
        openCase(v2);
        Row stored = row(caseId);
        assertEquals(2, stored.version());
        assertEquals(List.of("x", "forum"), stored.mentions());

        CaseEvent v1 = new CaseEvent("case.opened", caseId, 1, brand, "c", "n", "new", "low", "question", null,
                List.of(first), null, Instant.now(), Instant.now());
        publish(v1);
        RecordMetadata repeat = publish(v2);
        awaitConsumed("response-service", repeat);

        Row after = row(caseId);
        assertEquals(stored, after, "an older or repeated snapshot changes nothing");
    }

    @Test
    void newerSnapshotReplacesTheCaseAndItsMentions() throws Exception {
        String brand = brand();
        String caseId = id();
        CaseEvent.MentionRef first = mention("x", Instant.now().minusSeconds(120));
        openCase(caseEvent(caseId, 1, brand, "normal", List.of(first)));
        CaseEvent.MentionRef second = mention("facebook", Instant.now());
        CaseEvent v2 = new CaseEvent("case.mention_added", caseId, 2, brand, "c", "n", "resolved", "high",
                "complaint", new CaseEvent.Owner("ventas", null), List.of(first, second), null, Instant.now(),
                Instant.now());
        awaitConsumed("response-service", publish(v2));
        Row after = row(caseId);
        assertEquals(2, after.version());
        assertEquals("resolved", after.status());
        assertEquals(List.of("x", "facebook"), after.mentions());
    }

    @Test
    void aBurstOfSnapshotsKeepsEachCasesNewestWhateverTheirOrderAndAnUnreadableOneDoesNotStopTheRest()
            throws Exception {
        String brand = brand();
        List<String> caseIds = new ArrayList<>();
        Map<String, List<String>> newestChannels = new HashMap<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        String[] channels = {"x", "facebook", "instagram", "forum", "email"};
        for (int c = 0; c < 30; c++) {
            String caseId = id();
            caseIds.add(caseId);
            List<CaseEvent.MentionRef> refs = new ArrayList<>();
            List<CaseEvent> versions = new ArrayList<>();
            for (int v = 1; v <= 3; v++) {
                refs.add(mention(channels[(c + v) % channels.length], Instant.now().plusMillis(v)));
                versions.add(caseEvent(caseId, v, brand, "normal", List.copyOf(refs)));
            }
            newestChannels.put(caseId, refs.stream().map(CaseEvent.MentionRef::channel).toList());
            // newest first, then the older ones, and one of them twice: all in the same burst
            for (int v : new int[] {3, 1, 2, 1}) {
                String json = JSON.writeValueAsString(versions.get(v - 1));
                sent.add(producer().send(new ProducerRecord<>("cases", caseId, json)));
            }
            if (c == 10) {
                sent.add(producer().send(new ProducerRecord<>("cases", caseId, "{\"broken\": ")));
            }
        }
        producer().flush();
        Map<Integer, RecordMetadata> lastPerPartition = new HashMap<>();
        for (Future<RecordMetadata> f : sent) {
            RecordMetadata m = f.get();
            lastPerPartition.merge(m.partition(), m, (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        for (RecordMetadata m : lastPerPartition.values()) {
            awaitConsumed("response-service", m);
        }
        for (String caseId : caseIds) {
            Row row = row(caseId);
            assertNotNull(row, "case " + caseId + " projected");
            assertEquals(3, row.version(), "the newest snapshot of " + caseId + " wins");
            assertEquals(newestChannels.get(caseId), row.mentions(), "the mentions of the newest snapshot");
        }
        ConsumerRecord<String, String> dead = awaitRecord("cases.dlq",
                r -> caseIds.get(10).equals(r.key()) && r.value().startsWith("{\"broken\""));
        assertNotNull(header(dead, "dead-letter-reason"));
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithoutBlockingThePartition() throws Exception {
        String brand = brand();
        String caseId = id();
        send(EventTypes.TOPIC_CASES, caseId, "{not json");
        send(EventTypes.TOPIC_CASES, caseId, "{\"id\":\"" + caseId + "\",\"version\":1}");
        ConsumerRecord<String, String> dead = awaitRecord("cases.dlq", r -> r.value().equals("{not json"));
        assertEquals(caseId, dead.key());
        assertNotNull(header(dead, "dead-letter-reason"));
        ConsumerRecord<String, String> incomplete = awaitRecord("cases.dlq",
                r -> caseId.equals(r.key()) && r.value().contains("\"version\":1"));
        assertNotNull(header(incomplete, "dead-letter-reason"));

        // the same partition goes on
        openCase(caseEvent(caseId, 1, brand, "normal", List.of(mention("x", Instant.now()))));
        assertEquals(1, row(caseId).version());
    }
}
