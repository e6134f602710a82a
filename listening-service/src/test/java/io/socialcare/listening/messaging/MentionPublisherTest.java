package io.socialcare.listening.messaging;

import static io.restassured.RestAssured.given;
import static io.socialcare.listening.Fixtures.brand;
import static io.socialcare.listening.Fixtures.mention;
import static io.socialcare.listening.Fixtures.partner;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.MentionEvent;
import io.socialcare.listening.TopicReader;
import io.socialcare.listening.repository.MentionRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MentionPublisherTest {

    @Inject
    MentionRepository repository;

    @Inject
    ObjectMapper mapper;

    @Test
    void publishesTheCapturedMentionWithItsKeyAndCloudEventHeadersAndMarksItPublished() throws Exception {
        String brand = brand();
        Map<String, Object> body = mention(brand, "Llevo 3 días sin internet, voy a cancelar");
        String id = given().auth().oauth2(partner(brand)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/mentions").then().statusCode(202).extract().path("id");
        @SuppressWarnings("unchecked")
        String authorId = ((Map<String, String>) body.get("author")).get("id");

        try (TopicReader reader = new TopicReader("mentions")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(1, reader.containing(id).size()));
            ConsumerRecord<String, String> record = reader.containing(id).get(0);
            assertEquals(brand + ":x:" + authorId, record.key());
            assertEquals("mention.captured", TopicReader.header(record, "ce_type"));
            assertEquals(id, TopicReader.header(record, "ce_id"));
            assertEquals("/listening-service", TopicReader.header(record, "ce_source"));
            assertTrue(TopicReader.header(record, "ce_time") != null);

            MentionEvent event = mapper.readValue(record.value(), MentionEvent.class);
            assertEquals(id, event.id());
            assertEquals(brand, event.brand());
            assertEquals(body.get("externalId"), event.threadId());
            assertEquals("complaint", event.analysis().intent());
            assertEquals("high", event.analysis().urgency());
            assertEquals(List.of("connection"), event.analysis().topics());
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertEquals(new MentionRepository.OutboxState(true, 0),
                        repository.outboxState(id).await().atMost(Duration.ofSeconds(5))));
    }
}
