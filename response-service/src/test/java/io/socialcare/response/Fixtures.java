package io.socialcare.response;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.socialcare.contract.CaseEvent;
import io.socialcare.stack.ChannelSandbox;
import io.socialcare.testing.KafkaBrokerResource;
import io.socialcare.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test data and plain Kafka clients: cases are created the way the routing-service creates them, by a record on
 * {@code cases}.
 */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static KafkaProducer<String, String> producer;

    private Fixtures() {
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static String brand() {
        return "brand-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String agent(String brand) {
        return Tokens.token("ana", "agent", brand);
    }

    public static String supervisor(String brand) {
        return Tokens.token("sara", "supervisor", brand);
    }

    public static CaseEvent.MentionRef mention(String channel, Instant at) {
        String externalId = "ext-" + UUID.randomUUID();
        return new CaseEvent.MentionRef(id(), channel, externalId, "thread-" + externalId, "author-1", "lucia_g",
                "Lucía García", at.truncatedTo(ChronoUnit.MILLIS));
    }

    public static CaseEvent caseEvent(String caseId, long version, String brand, String priority,
            List<CaseEvent.MentionRef> mentions) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new CaseEvent("case.opened", caseId, version, brand, "cust-" + caseId, "Lucía García", "assigned",
                priority, "complaint", new CaseEvent.Owner("soporte", "ana"), mentions, now.plusSeconds(900), now, now);
    }

    public static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    public static RecordMetadata send(String topic, String key, String value) {
        try {
            return producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the consumer group has committed past the record (it was processed, or dead-lettered). */
    public static void awaitConsumed(String group, RecordMetadata record) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get().get(tp);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    public static RecordMetadata publish(CaseEvent event) {
        try {
            return send("cases", event.id(), JSON.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the case and waits until this service knows it. */
    public static CaseEvent openCase(CaseEvent event) {
        publish(event);
        String token = agent(event.brand());
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(token)
                .get("/api/v1/cases/{id}/replies", event.id()).statusCode() == 200);
        return event;
    }

    public static CaseEvent openCase(String brand, String channel) {
        return openCase(caseEvent(id(), 1, brand, "normal", List.of(mention(channel, Instant.now()))));
    }

    /** Posts recorded by the sandbox whose body contains {@code marker}. */
    public static List<JsonNode> postsContaining(String marker) {
        ChannelSandbox sandbox = SandboxResource.sandbox();
        List<JsonNode> result = new ArrayList<>();
        for (String post : sandbox.posts()) {
            if (post.contains(marker)) {
                try {
                    result.add(JSON.readTree(post));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return result;
    }

    /** Reads {@code topic} from the beginning until a record matches, or fails after the timeout. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic);
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static Map<String, Object> body(String text) {
        return Map.of("text", text);
    }
}
