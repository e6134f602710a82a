package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.EventTypes;
import io.socialcare.routing.service.SlaService;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Health on the real dependencies, business metrics, and the OpenAPI document. */
@QuarkusTest
class OperationsTest {

    @Inject
    SlaService sla;

    @Test
    void readinessChecksTheDatabaseAndKafkaAndLivenessAndStartupAnswer() {
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath();
        List<String> names = ready.getList("checks.name");
        assertTrue(names.contains("Reactive PostgreSQL connections health check"), "checks: " + names);
        assertTrue(names.contains("Kafka connection health check"), "checks: " + names);
        assertTrue(names.stream().anyMatch(n -> n.startsWith("SmallRye Reactive Messaging")), "checks: " + names);
        assertTrue(ready.getList("checks.status").stream().allMatch("UP"::equals), "checks: " + ready.prettify());
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void businessMetricsMoveWithWhatHappens() throws Throwable {
        String brand = Fixtures.brand();
        Fixtures.slaPolicy(brand, 5, 8, 10, 20).statusCode(200);
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.department(brand, brand + "-billing", "Billing", List.of("suggestion"), List.of(), 2)
                .statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-ben", "ben", brand + "-billing", 5, true, "es").statusCode(200);
        String b = "brand=\"" + brand + "\"";
        assertEquals(0, metric("routing_cases_opened_total", b));

        // two cases opened
        JsonPath first = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint",
                "normal", "es", null)), brand);
        JsonPath second = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u2", "complaint",
                "normal", "es", null)), brand);
        assertEquals(2, metric("routing_cases_opened_total", b));

        // a transfer, then a refused transfer back (ping-pong)
        String caseId = first.getString("id");
        given().auth().oauth2(Fixtures.agent(brand)).contentType(ContentType.JSON)
                .body(Map.of("toDepartment", brand + "-billing", "reason", "es un cobro"))
                .post("/api/v1/cases/{id}/transfers", caseId).then().statusCode(200);
        given().auth().oauth2(Fixtures.agent(brand)).contentType(ContentType.JSON)
                .body(Map.of("toDepartment", brand + "-care", "reason", "no es mío"))
                .post("/api/v1/cases/{id}/transfers", caseId).then().statusCode(409);
        assertEquals(1, metric("routing_transfers_total", b));
        assertEquals(1, metric("routing_transfers_refused_total", b));

        // the first response of the first case: 90 s after its SLA clock started, in time
        Instant created = Instant.parse(first.getString("createdAt"));
        reply(caseId, brand, created.plusSeconds(90));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("routing_first_response_seconds_count", b) == 1);
        double seconds = metric("routing_first_response_seconds_sum", b);
        assertTrue(seconds > 80 && seconds < 100, "first response seconds " + seconds);
        assertTrue(metrics().lines().anyMatch(l -> l.startsWith("routing_first_response_seconds_bucket{")
                && l.contains(b)), "a histogram with buckets");
        assertEquals(0, metric("routing_sla_breaches_total", b));

        // the second case is escalated at 80 % of its 10 minutes and breached after them
        Instant secondCreated = Instant.parse(second.getString("createdAt"));
        VertxContextSupport.subscribeAndAwait(() -> sla.sweep(secondCreated.plusSeconds(8 * 60 + 1), brand));
        assertEquals(1, metric("routing_escalations_total", b));
        VertxContextSupport.subscribeAndAwait(() -> sla.sweep(secondCreated.plusSeconds(10 * 60 + 1), brand));
        assertEquals(1, metric("routing_sla_breaches_total", b));
        // a late first response of a breached case is not a second breach; the same reply again changes nothing
        reply(second.getString("id"), brand, secondCreated.plusSeconds(15 * 60));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("routing_first_response_seconds_count", b) == 2);
        reply(second.getString("id"), brand, secondCreated.plusSeconds(16 * 60));
        // a record after it on the same partition (same key): once it is dead-lettered, the reply was processed
        String marker = UUID.randomUUID().toString();
        KafkaTopics.send(EventTypes.TOPIC_REPLIES, second.getString("id"), "not json " + marker);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> KafkaTopics.read("replies.dlq", second.getString("id")).stream()
                        .anyMatch(r -> r.value().contains(marker)));
        assertEquals(1, metric("routing_sla_breaches_total", b));
        assertEquals(2, metric("routing_first_response_seconds_count", b));
    }

    @Test
    void recordsSentToADeadLetterTopicAreCountedByTopic() {
        String mentions = "topic=\"mentions.dlq\"";
        String replies = "topic=\"replies.dlq\"";
        double mentionsBefore = metric("dead_letter_records_total", mentions);
        double repliesBefore = metric("dead_letter_records_total", replies);
        String marker = UUID.randomUUID().toString();
        KafkaTopics.send(EventTypes.TOPIC_MENTIONS, "k-" + marker, "not json " + marker);
        KafkaTopics.send(EventTypes.TOPIC_REPLIES, "k-" + marker, "{\"type\": \"reply.sent\", \"caseId\": \"x\"}");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("dead_letter_records_total", mentions) >= mentionsBefore + 1
                        && metric("dead_letter_records_total", replies) >= repliesBefore + 1);
        // the counter moves when the consumer fails the record; the connector then writes it to the dead-letter topic
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> KafkaTopics.read("mentions.dlq", "k-" + marker).stream()
                        .anyMatch(r -> r.value().contains(marker)));
    }

    @Test
    void theOpenApiDocumentHasSummariesExamplesAndProblemErrors() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertFalse(doc.getString("info.title").isBlank());
        assertFalse(doc.getString("info.description").isBlank());
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> problems = new ArrayList<>();
        int bodies = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (!Set.of("get", "put", "post", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                if (operation.get("summary") == null || operation.get("summary").toString().isBlank()) {
                    problems.add(name + ": no summary");
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation
                        .get("responses");
                if (!hasExample(responses.get("200"))) {
                    problems.add(name + ": no example of the 200 response");
                }
                for (String code : List.of("401", "403")) {
                    if (!hasMediaType(responses.get(code), "application/problem+json")) {
                        problems.add(name + ": " + code + " is not documented as application/problem+json");
                    }
                }
                if (Set.of("post", "put", "patch").contains(op.getKey())) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                    if (body != null) {
                        bodies++;
                        if (!hasExample(body)) {
                            problems.add(name + ": no example of the request body");
                        }
                    } else if (!path.getKey().endsWith("/waiting-customer")) {
                        problems.add(name + ": no request body documented");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(bodies >= 5, "request bodies found: " + bodies);
        assertTrue(doc.getMap("components.schemas").containsKey("Problem"));
    }

    @SuppressWarnings("unchecked")
    private static boolean hasExample(Map<String, Object> holder) {
        if (holder == null || !(holder.get("content") instanceof Map<?, ?> content)) {
            return false;
        }
        for (Object media : content.values()) {
            Map<String, Object> m = (Map<String, Object>) media;
            if (m.get("example") != null || (m.get("examples") instanceof Map<?, ?> ex && !ex.isEmpty())
                    || (m.get("schema") instanceof Map<?, ?> schema && schema.get("example") != null)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMediaType(Map<String, Object> response, String type) {
        return response != null && response.get("content") instanceof Map<?, ?> content && content.containsKey(type);
    }

    private static void reply(String caseId, String brand, Instant at) {
        KafkaTopics.send(EventTypes.TOPIC_REPLIES, caseId, Fixtures.json(Map.of("type", "reply.sent",
                "id", UUID.randomUUID().toString(), "caseId", caseId, "brand", brand, "status", "sent",
                "at", at.toString())));
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the Prometheus samples named {@code name} whose labels contain {@code label}. */
    static double metric(String name, String label) {
        double sum = 0;
        for (String line : metrics().split("\n")) {
            if (line.startsWith(name + "{") && line.contains(label)) {
                // "name{labels} value" possibly followed by an exemplar "# {trace_id=...} value timestamp"
                String rest = line.substring(line.indexOf("} ") + 2).trim();
                sum += Double.parseDouble(rest.split(" ")[0]);
            }
        }
        return sum;
    }
}
