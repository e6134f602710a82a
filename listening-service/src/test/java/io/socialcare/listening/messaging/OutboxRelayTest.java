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
import io.socialcare.listening.repository.MentionRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * "Nothing accepted is lost": mentions posted while Kafka cannot be reached are answered 202, stored unpublished,
 * and published exactly once, in order, by the relay when the broker becomes reachable.
 */
@QuarkusTest
@TestProfile(KafkaOutageProfile.class)
class OutboxRelayTest {

    @Inject
    MentionRepository repository;

    private MentionRepository.OutboxState state(String id) {
        return repository.outboxState(id).await().atMost(Duration.ofSeconds(5));
    }

    private boolean published(String id) {
        return state(id).published();
    }

    @Test
    void mentionsAcceptedWhileKafkaIsDownArePublishedExactlyOnceWhenItIsBack() {
        String brand = brand();
        Map<String, Object> author = Map.of("id", "u-outage", "handle", "@paciente");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = mention(brand, "Sigo sin internet, mensaje " + i);
            body.put("author", author);
            long start = System.nanoTime();
            ids.add(given().auth().oauth2(partner(brand)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/mentions").then().statusCode(202).extract().path("id"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            // the producer blocks up to max.block.ms (3 s) for a broker; the answer must not wait for it
            // (the first request also warms the JVM up, so only the later ones are timed)
            assertTrue(i == 0 || millis < 2500, "the answer waited for Kafka: " + millis + " ms");
        }

        try (TopicReader reader = new TopicReader("mentions")) {
            // Kafka is unreachable: the sends fail, the mentions stay stored and unpublished. Once the relay has
            // failed on the oldest one too, every earlier send (queued before it on the producer) has ended.
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                assertTrue(state(ids.get(0)).failures() >= 2, "the relay has not tried yet");
                for (String id : ids) {
                    assertEquals(false, published(id));
                    assertEquals(0, reader.containing(id).size());
                }
            });
            for (String id : ids) {
                given().auth().oauth2(partner(brand)).when().get("/api/v1/mentions/" + id).then().statusCode(200);
            }

            ProducerOutageProfile.proxy("mentions").open();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String id : ids) {
                    assertTrue(published(id), "not yet published: " + id);
                    assertEquals(1, reader.containing(id).size());
                }
            });
            // still exactly once after several more relay runs
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
                for (String id : ids) {
                    assertEquals(1, reader.containing(id).size());
                }
            });
            List<Long> offsets = new ArrayList<>();
            for (String id : ids) {
                ConsumerRecord<String, String> record = reader.containing(id).get(0);
                assertEquals(brand + ":x:u-outage", record.key());
                offsets.add(record.offset());
            }
            assertEquals(offsets.stream().sorted().toList(), offsets, "records of one key left their order");
        }
    }
}
