package io.socialcare.response;

import static io.restassured.RestAssured.given;
import static io.socialcare.response.Fixtures.agent;
import static io.socialcare.response.Fixtures.awaitRecord;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.caseEvent;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.mention;
import static io.socialcare.response.Fixtures.openCase;
import static io.socialcare.response.Fixtures.supervisor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.CaseEvent;
import org.junit.jupiter.api.Test;

/**
 * Operations endpoints without a token: health on the real dependencies, business metrics that move with the
 * actions, and the OpenAPI document with examples.
 */
@QuarkusTest
public class OperationsTest {

    static final String READY_STORE = "Reactive PostgreSQL connections health check";
    static final String READY_MESSAGING = "SmallRye Reactive Messaging - readiness check";
    static final String READY_KAFKA = "Kafka connection health check";
    static final String READY_MIGRATIONS_DB = "Database connections health check";

    @Test
    void readinessReportsTheStoreAndKafkaAndLivenessAndStartupAnswer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(READY_STORE, READY_MIGRATIONS_DB, READY_MESSAGING, READY_KAFKA));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The value of a Prometheus sample, 0 when absent. */
    public static double metric(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                Matcher m = Pattern.compile("\\s([-+0-9.eE]+|NaN)$").matcher(line);
                if (m.find()) {
                    sum += Double.parseDouble(m.group(1));
                }
            }
        }
        return sum;
    }

    @Test
    void unreadableRecordsAreCountedByDeadLetterTopic() {
        double before = metric("dead_letter_records_total", "topic=\"cases.dlq\"");
        String marker = "not json " + id();
        Fixtures.send("cases", id(), marker);
        awaitRecord("cases.dlq", r -> r.value().equals(marker));
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("dead_letter_records_total",
                "topic=\"cases.dlq\"") >= before + 1);
    }

    @Test
    void pendingApprovalsGaugeFollowsRepliesWaitingForASupervisor() {
        String brand = brand();
        CaseEvent c = openCase(caseEvent(id(), 1, brand, "critical", List.of(mention("forum", Instant.now()))));
        double before = metric("socialcare_replies_pending_approval");
        String replyId = given().auth().oauth2(agent(brand)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id()).body(Map.of("text", "Hola, lo revisamos."))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(202)
                .body("status", equalTo("pending_approval")).extract().path("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("socialcare_replies_pending_approval") >= before + 1);
        double waiting = metric("socialcare_replies_pending_approval");
        given().auth().oauth2(supervisor(brand)).post("/api/v1/replies/{id}/reject", replyId).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("socialcare_replies_pending_approval") <= waiting - 1);
    }

    @Test
    void sentRepliesAreCountedByChannel() {
        String brand = brand();
        CaseEvent c = openCase(brand, "youtube");
        double before = metric("socialcare_reply_posts_total", "channel=\"youtube\"", "outcome=\"posted\"");
        String replyId = given().auth().oauth2(agent(brand)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id()).body(Map.of("text", "Gracias por avisarnos."))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(agent(brand))
                .get("/api/v1/replies/{id}", replyId).then().body("status", equalTo("sent")));
        assertEquals(before + 1, metric("socialcare_reply_posts_total", "channel=\"youtube\"", "outcome=\"posted\""));
    }

    @Test
    void openApiDocumentsSummariesBodyExamplesAndProblemResponses() {
        JsonNode doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().as(JsonNode.class);
        assertTrue(doc.path("info").path("description").asText().length() > 20, "info-description is set");
        List<String> problems = new ArrayList<>();
        int bodies = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (operation.path("summary").asText().isBlank()) {
                    problems.add(name + ": no summary");
                }
                boolean writes = List.of("post", "put", "patch").contains(op.getKey());
                JsonNode body = operation.path("requestBody").path("content");
                if (writes && !path.getKey().endsWith("/approve") && !path.getKey().endsWith("/reject")) {
                    bodies++;
                    if (body.isMissingNode() || !hasExample(body)) {
                        problems.add(name + ": request body without an example");
                    }
                }
                JsonNode responses = operation.path("responses");
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext();) {
                    Map.Entry<String, JsonNode> response = rs.next();
                    int code = Integer.parseInt(response.getKey());
                    JsonNode content = response.getValue().path("content");
                    if (code >= 400 && !content.has("application/problem+json")) {
                        problems.add(name + ": " + code + " is not documented as application/problem+json");
                    }
                    if (code / 100 == 2 && code != 204 && !hasExample(content)) {
                        problems.add(name + ": " + code + " has no example");
                    }
                }
                for (String code : List.of("401", "403")) {
                    if (!responses.has(code)) {
                        problems.add(name + ": " + code + " not documented");
                    }
                }
            }
        }
        assertEquals(3, bodies, "operations with a request body: replies, templates (create, replace)");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static boolean hasExample(JsonNode content) {
        if (content.isMissingNode() || content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            boolean example = media.has("example") || (media.has("examples") && !media.get("examples").isEmpty())
                    || media.path("schema").has("example");
            if (!example) {
                return false;
            }
        }
        return true;
    }
}
