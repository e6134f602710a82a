package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.EventTypes;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Traces run through Kafka and REST: the records on {@code cases} continue the trace of what caused them. */
@QuarkusTest
class TracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[0-3]");

    private static String traceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String parentSpan() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static String world(String brand) {
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.department(brand, brand + "-billing", "Billing", List.of("suggestion"), List.of(), 2)
                .statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        return brand;
    }

    @Test
    void theCaseEventsOfAMentionContinueTheMentionsTrace() throws Exception {
        String brand = world(Fixtures.brand());
        String trace = traceId();
        String parent = parentSpan();
        Map<String, Object> mention = Fixtures.mention(brand, "x", "u1", "complaint", "normal", "es", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> author = (Map<String, Object>) mention.get("author");
        ProducerRecord<String, String> record = new ProducerRecord<>(EventTypes.TOPIC_MENTIONS,
                EventTypes.mentionKey(brand, "x", (String) author.get("id")), Fixtures.json(mention));
        record.headers().add("traceparent", ("00-" + trace + "-" + parent + "-01").getBytes(StandardCharsets.UTF_8));
        KafkaTopics.producer().send(record).get();

        String caseId = Fixtures.awaitCase((String) mention.get("id"), brand).getString("id");
        List<KafkaTopics.Rec> events = MentionRoutingTest.awaitEvents(caseId, 2);
        assertEquals(EventTypes.CASE_OPENED, events.get(0).ceType());
        for (KafkaTopics.Rec event : events) {
            String traceparent = event.headers().get("traceparent");
            assertNotNull(traceparent, event.ceType() + " carries no traceparent: " + event.headers());
            var m = TRACEPARENT.matcher(traceparent);
            assertTrue(m.matches(), traceparent);
            assertEquals(trace, m.group(1), event.ceType() + " continues the mention's trace");
            assertTrue(!parent.equals(m.group(2)), "a span of this service, not the producer's");
        }
    }

    @Test
    void aTransferRequestsTraceReachesTheCaseTransferredRecord() {
        String brand = world(Fixtures.brand());
        JsonPath c = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal",
                "es", null)), brand);
        String caseId = c.getString("id");
        String trace = traceId();
        given().auth().oauth2(Fixtures.agent(brand)).contentType(ContentType.JSON)
                .header("traceparent", "00-" + trace + "-" + parentSpan() + "-01")
                .body(Map.of("toDepartment", brand + "-billing", "reason", "es un cobro"))
                .post("/api/v1/cases/{id}/transfers", caseId).then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> KafkaTopics.read(EventTypes.TOPIC_CASES, caseId).stream()
                        .anyMatch(r -> EventTypes.CASE_TRANSFERRED.equals(r.ceType())));
        KafkaTopics.Rec transferred = KafkaTopics.read(EventTypes.TOPIC_CASES, caseId).stream()
                .filter(r -> EventTypes.CASE_TRANSFERRED.equals(r.ceType())).findFirst().orElseThrow();
        String traceparent = transferred.headers().get("traceparent");
        assertNotNull(traceparent, "case.transferred carries no traceparent: " + transferred.headers());
        var m = TRACEPARENT.matcher(traceparent);
        assertTrue(m.matches(), traceparent);
        assertEquals(trace, m.group(1));
    }
}
