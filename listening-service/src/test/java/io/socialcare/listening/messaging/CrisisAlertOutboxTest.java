package io.socialcare.listening.messaging;

import static io.restassured.RestAssured.given;
import static io.socialcare.listening.Fixtures.brand;
import static io.socialcare.listening.Fixtures.mention;
import static io.socialcare.listening.Fixtures.partner;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.socialcare.listening.TopicReader;
import io.socialcare.listening.repository.AlertRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A crisis alert raised while Kafka is unreachable (the {@code alerts} producer sits behind a closed proxy) is
 * stored, not lost, and published exactly once by the relay when the broker is back.
 */
@QuarkusTest
@TestProfile(AlertOutageProfile.class)
class CrisisAlertOutboxTest {

    @Inject
    AlertRepository alerts;

    private List<Document> stored(String brand) {
        return alerts.findByBrand(brand).await().atMost(Duration.ofSeconds(5));
    }

    private static List<ConsumerRecord<String, String>> ofBrand(TopicReader reader, String brand) {
        return reader.poll().stream().filter(r -> brand.equals(r.key())).toList();
    }

    @Test
    void anAlertRaisedWhileKafkaIsDownIsStoredAndPublishedOnceWhenItIsBack() {
        String brand = brand();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(mention(brand, "Otra vez sin servicio, qué vergüenza " + i));
        }
        given().auth().oauth2(partner(brand)).contentType(ContentType.JSON).body(Map.of("mentions", batch))
                .when().post("/api/v1/mentions/batch").then().statusCode(200);

        try (TopicReader reader = new TopicReader("alerts")) {
            // the send and at least one relay attempt failed; the alert is kept, unpublished
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Document> docs = stored(brand);
                assertEquals(1, docs.size(), docs::toString);
                assertEquals(false, docs.get(0).getBoolean("published"));
                assertTrue(docs.get(0).getInteger("failures", 0) >= 2, docs::toString);
                assertEquals(0, reader.poll().stream().filter(r -> brand.equals(r.key())).count());
            });
            String id = stored(brand).get(0).getString("_id");

            ProducerOutageProfile.proxy("alerts").open();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertEquals(1, ofBrand(reader, brand).size());
                assertEquals(true, stored(brand).get(0).getBoolean("published"));
            });
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(
                    () -> assertEquals(1, ofBrand(reader, brand).size(), "published more than once"));
            ConsumerRecord<String, String> record = ofBrand(reader, brand).get(0);
            assertEquals("crisis.detected", TopicReader.header(record, "ce_type"));
            assertEquals(id, TopicReader.header(record, "ce_id"));
            assertTrue(record.value().contains("\"id\":\"" + id + "\""), record.value());
            assertTrue(record.value().contains("\"negativeInWindow\":5"), record.value());
        }
    }
}
