package io.socialcare.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import io.socialcare.routing.service.BatchRouter;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The batch path of the mentions consumer keeps the guarantees of the one-by-one path under concurrency. */
@QuarkusTest
class BatchRoutingTest {

    @Inject
    BatchRouter batches;

    private static Connection jdbc() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static MentionEvent mention(String brand, String channel, String author, String ref) {
        String id = UUID.randomUUID().toString();
        return new MentionEvent(id, brand, channel, "ext-" + id, null, null,
                new MentionEvent.Author(author, "@" + author, "Cliente " + author), "texto", null, Instant.now(), "es",
                ref, Instant.now(), new MentionEvent.Analysis("es", new MentionEvent.Sentiment("negative", -0.5),
                        "complaint", "normal", List.of("factura")));
    }

    @Test
    void concurrentBatchesKeepOneOpenCasePerCustomerAndEveryAgentWithinCapacity() throws Exception {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 15, true, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-luis", "luis", brand + "-care", 15, true, "es").statusCode(200);
        int customers = 40;
        // four batches at once; every customer writes in two of them, on two channels linked by the CRM id
        List<List<BatchRouter.Item>> work = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            work.add(new ArrayList<>());
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            MentionEvent first = mention(brand, "x", "u" + i, "crm-" + i);
            MentionEvent second = mention(brand, "facebook", "u" + i + "-fb", "crm-" + i);
            work.get(i % 4).add(new BatchRouter.Item(first, null));
            work.get((i + 1) % 4).add(new BatchRouter.Item(second, null));
            ids.add(first.id());
            ids.add(second.id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<CaseEvent>>> results = new ArrayList<>();
        try {
            for (List<BatchRouter.Item> batch : work) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return VertxContextSupport.subscribeAndAwait(() -> batches.route(batch));
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                }));
            }
            start.countDown();
            for (Future<List<CaseEvent>> f : results) {
                assertNotNull(f.get(), "no batch needed the one-by-one path");
            }
        } finally {
            pool.shutdownNow();
        }

        try (Connection c = jdbc()) {
            // every mention routed once, one open case per customer holding both of their mentions
            Map<String, Integer> mentionsPerCase = new HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT m.case_id::text, count(*) FROM case_mentions m"
                    + " JOIN cases k ON k.id = m.case_id WHERE k.brand = ? GROUP BY m.case_id")) {
                q.setString(1, brand);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        mentionsPerCase.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            assertEquals(customers, mentionsPerCase.size(), "one case per customer");
            assertTrue(mentionsPerCase.values().stream().allMatch(n -> n == 2), mentionsPerCase.toString());
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT count(*) FROM case_mentions WHERE mention_id = ANY(?)")) {
                q.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertEquals(ids.size(), rs.getInt(1));
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT count(DISTINCT customer_id), count(*) FROM cases"
                    + " WHERE brand = ? AND status <> 'resolved'")) {
                q.setString(1, brand);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertEquals(customers, rs.getInt(1));
                    assertEquals(customers, rs.getInt(2));
                }
            }
            // 30 places for 40 customers: both agents full, never over, and the kept count matches the cases
            try (PreparedStatement q = c.prepareStatement("SELECT a.id, a.capacity, (SELECT count(*) FROM cases k"
                    + " WHERE k.agent = a.id AND k.status <> 'resolved'), coalesce(l.open_cases, 0) FROM agents a"
                    + " LEFT JOIN agent_open_cases l ON l.agent = a.id WHERE a.brand = ?")) {
                q.setString(1, brand);
                try (ResultSet rs = q.executeQuery()) {
                    int agents = 0;
                    while (rs.next()) {
                        agents++;
                        assertEquals(rs.getInt(2), rs.getInt(3), "agent " + rs.getString(1) + " is full, not over");
                        assertEquals(rs.getLong(3), rs.getLong(4), "agent_open_cases of " + rs.getString(1));
                    }
                    assertEquals(2, agents);
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM cases WHERE brand = ?"
                    + " AND status = 'new' AND agent IS NULL")) {
                q.setString(1, brand);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertEquals(customers - 30, rs.getInt(1), "the rest waits in the department queue");
                }
            }
        }
    }

    @Test
    void aMentionThatCannotBeStoredIsDeadLetteredWhileTheOthersOfItsBatchAreRouted() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Map<String, Object> poison = Fixtures.mention(brand, "x", "nul", "complaint", "normal", "es", null);
        poison.put("author", Map.of("id", "nul", "handle", "@n\u0000l", "name", "N\u0000L"));
        Fixtures.publish(poison);
        String good = Fixtures.publish(Fixtures.mention(brand, "x", "fine", "complaint", "normal", "es", null));
        String key = EventTypes.mentionKey(brand, "x", "nul");

        Fixtures.awaitCase(good, brand);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> !KafkaTopics.read("mentions.dlq", key).isEmpty());
        KafkaTopics.Rec dead = KafkaTopics.read("mentions.dlq", key).get(0);
        assertTrue(dead.headers().get(EventTypes.DLQ_REASON_HEADER).contains("NUL"), dead.headers().toString());
    }
}
