package io.socialcare.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    private static Connection jdbc() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void anEventLeftUnpublishedAfterItsCommitIsRelayedLater() throws Exception {
        // what a commit leaves behind when Kafka was unreachable at that moment: an unpublished outbox row
        String caseId = UUID.randomUUID().toString();
        CaseEvent event = new CaseEvent(EventTypes.CASE_OPENED, caseId, 1, Fixtures.brand(),
                UUID.randomUUID().toString(), "Cliente", "new", "normal", "complaint",
                new CaseEvent.Owner("care", null), List.of(), Instant.now().plusSeconds(600), Instant.now(),
                Instant.now());
        try (Connection c = jdbc(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO case_outbox (case_id, ce_type, version, payload, created_at) VALUES (?::uuid, ?, 1, ?, now())")) {
            insert.setString(1, caseId);
            insert.setString(2, EventTypes.CASE_OPENED);
            insert.setString(3, Fixtures.json(event));
            insert.executeUpdate();
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> !KafkaTopics.read(EventTypes.TOPIC_CASES, caseId).isEmpty());
        KafkaTopics.Rec rec = KafkaTopics.read(EventTypes.TOPIC_CASES, caseId).get(0);
        assertEquals(EventTypes.CASE_OPENED, rec.ceType());
        assertEquals(caseId + ":1", rec.headers().get("ce_id"));
        assertEquals(caseId, Fixtures.JSON.readTree(rec.value()).get("id").asText());

        // a published row leaves the outbox: nothing of the case is left to send
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (Connection c = jdbc(); PreparedStatement q = c.prepareStatement(
                    "SELECT count(*) FROM case_outbox WHERE case_id = ?::uuid")) {
                q.setString(1, caseId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() && rs.getLong(1) == 0;
                }
            }
        });
        // later relay passes do not send it again
        Thread.sleep(2_500);
        assertEquals(1, KafkaTopics.read(EventTypes.TOPIC_CASES, caseId).size(), "published once");
    }
}
