package io.socialcare.feedback.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.EventTypes;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.TestKafka;
import io.socialcare.feedback.repository.MongoStore;
import io.socialcare.testing.KafkaBrokerResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Traces run through Kafka and REST: a mention's trace continues in the consumer (the contribution keeps the
 * consumer span's context), and the {@code theme.shipped} record continues the trace of the request that shipped the
 * theme, also when the relay publishes it later.
 */
@QuarkusTest
class TracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[0-3]");

    @Inject
    MongoStore store;

    private static String traceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String spanId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Test
    void theConsumerContinuesTheTraceOfTheMentionRecord() throws Exception {
        String brand = Mentions.uniqueBrand("trace");
        String trace = traceId();
        String producerSpan = spanId();
        Mentions mention = Mentions.of(brand).text("Deberían ofrecer leche de avena");
        ProducerRecord<String, String> record = new ProducerRecord<>(EventTypes.TOPIC_MENTIONS, mention.key(),
                mention.json());
        record.headers().add("traceparent",
                ("00-" + trace + "-" + producerSpan + "-01").getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record).get();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> contribution(mention.id()) != null);

        String traceparent = contribution(mention.id()).getString("traceparent");
        assertNotNull(traceparent, "the contribution keeps the trace context it was consumed in");
        Matcher m = TRACEPARENT.matcher(traceparent);
        assertTrue(m.matches(), traceparent);
        assertEquals(trace, m.group(1), "the mention's trace continues in the consumer");
        assertNotEquals(producerSpan, m.group(2), "a span of this service, not the producer's");
    }

    @Test
    void theShippedRecordContinuesTheTraceOfTheRequestThatShippedTheTheme() {
        String brand = Mentions.uniqueBrand("trace-ship");
        Mentions.of(brand).text("Pongan más enchufes en la terraza").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 1);
        String id = (String) Api.themes(brand).get(0).get("id");
        String trace = traceId();
        String callerSpan = spanId();

        try (KafkaConsumer<String, String> feedback = TestKafka.consumer(EventTypes.TOPIC_FEEDBACK)) {
            given().auth().oauth2(Api.pm(brand)).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + trace + "-" + callerSpan + "-01")
                    .body("{\"status\":\"shipped\"}")
                    .when().patch("/api/v1/themes/" + id).then().statusCode(200);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                records.addAll(TestKafka.poll(feedback, r -> id.equals(r.key())));
                return !records.isEmpty();
            });
            String traceparent = TestKafka.header(records.get(0), "traceparent");
            assertNotNull(traceparent, "theme.shipped carries no traceparent");
            Matcher m = TRACEPARENT.matcher(traceparent);
            assertTrue(m.matches(), traceparent);
            assertEquals(trace, m.group(1), "theme.shipped continues the request's trace");
            assertNotEquals(callerSpan, m.group(2), "a span of this service, not the caller's");
        }
        Document theme = store.collection(MongoStore.THEMES).find(Filters.eq("_id", id)).toUni().await().indefinitely();
        String stored = theme.getString("shipmentTraceparent");
        assertNotNull(stored, "the outbox keeps the trace for the relay");
        assertEquals(trace, stored.split("-")[1]);
    }

    private Document contribution(String mentionId) {
        return store.collection(MongoStore.CONTRIBUTIONS).find(Filters.eq("_id", mentionId)).toUni()
                .await().indefinitely();
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
