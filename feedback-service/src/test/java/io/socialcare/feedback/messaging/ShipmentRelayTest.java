package io.socialcare.feedback.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.ThemeShippedEvent;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.TestKafka;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.MongoStore;
import io.socialcare.feedback.repository.ThemeRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShipmentRelayTest {

    @Inject
    ThemeRepository themes;

    @Inject
    ContributionRepository contributions;

    @Inject
    MongoStore store;

    @Test
    void relayPublishesAShipmentLeftPendingAndMarksItPublished() throws Exception {
        // the state a crash (or Kafka being down) leaves behind: shipped and due, never published
        String brand = Mentions.uniqueBrand("relay");
        String themeId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        contributions.insert(new Contribution("m-" + themeId, themeId, brand, "x:ana", "x", "root-1", "tw-1", "ana",
                "@ana", "Ana", "Leche de avena, por favor", 0.3, "suggestion", null, List.of("milk", "oat"), at))
                .await().indefinitely();
        themes.insert(new Theme(themeId, brand, "Leche avena", null, "shipped", "Ya está", Map.of("milk", 1, "oat", 1),
                1, 1, Map.of("x", 1), 0.3, at, at, Map.of("2026-W47", 1), 1, null, null, at, at)).await().indefinitely();
        // due, with the trace of the request that shipped it (the relay publishes it as part of that trace)
        String trace = UUID.randomUUID().toString().replace("-", "");
        store.collection(MongoStore.THEMES).updateOne(Filters.eq("_id", themeId), Updates.combine(
                Updates.set("shipment", ThemeRepository.SHIPMENT_PENDING),
                Updates.set("shipmentTraceparent", "00-" + trace + "-00f067aa0ba902b7-01"))).await().indefinitely();

        try (KafkaConsumer<String, String> feedback = TestKafka.consumer(EventTypes.TOPIC_FEEDBACK)) {
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                records.addAll(TestKafka.poll(feedback, r -> themeId.equals(r.key())));
                return !records.isEmpty();
            });
            ThemeShippedEvent event = Mentions.JSON.readValue(records.get(0).value(), ThemeShippedEvent.class);
            assertThat(event.note(), equalTo("Ya está"));
            assertThat(event.contributors().stream().map(c -> c.threadId() + "/" + c.externalId()).toList(),
                    contains("root-1/tw-1"));
            String traceparent = TestKafka.header(records.get(0), "traceparent");
            assertThat(traceparent == null ? null : traceparent.split("-")[1], equalTo(trace));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ThemeRepository.SHIPMENT_PUBLISHED.equals(
                themes.findById(themeId).await().indefinitely().shipment()));
    }
}
