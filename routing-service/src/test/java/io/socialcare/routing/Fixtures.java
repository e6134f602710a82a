package io.socialcare.routing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socialcare.contract.EventTypes;
import io.socialcare.testing.Tokens;

/** Test data through the public API and the mentions topic; every test uses its own brand. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Fixtures() {
    }

    static String brand() {
        return "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String admin() {
        return Tokens.token("root", "admin");
    }

    static String supervisor(String brand) {
        return Tokens.token("sofia", "supervisor", brand);
    }

    static String agent(String brand) {
        return Tokens.token("ana", "agent", brand);
    }

    static ValidatableResponse department(String brand, String id, String name, List<String> intents,
            List<String> languages, int position) {
        Map<String, Object> body = new HashMap<>();
        body.put("brand", brand);
        body.put("name", name);
        body.put("intents", intents);
        body.put("topics", List.of());
        body.put("languages", languages);
        body.put("position", position);
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/departments/{id}", id).then();
    }

    /** The brand's first-response budgets in minutes, per priority, set by an admin. */
    static ValidatableResponse slaPolicy(String brand, int critical, int high, int normal, int low) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("firstResponseMinutes", Map.of("critical", critical, "high", high, "normal", normal,
                        "low", low)))
                .put("/api/v1/sla-policies/{brand}", brand).then();
    }

    static ValidatableResponse agent(String brand, String id, String name, String department, int capacity,
            boolean available, String... languages) {
        Map<String, Object> body = new HashMap<>();
        body.put("brand", brand);
        body.put("name", name);
        body.put("department", department);
        body.put("languages", List.of(languages));
        body.put("skills", List.of());
        body.put("capacity", capacity);
        body.put("available", available);
        return given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/agents/{id}", id).then();
    }

    /** A mention.captured event as the listening-service publishes it. */
    static Map<String, Object> mention(String brand, String channel, String authorId, String intent, String urgency,
            String language, String customerRef) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("brand", brand);
        m.put("channel", channel);
        m.put("externalId", "ext-" + id);
        m.put("threadId", "thread-" + authorId);
        m.put("author", Map.of("id", authorId, "handle", "@" + authorId, "name", "Cliente " + authorId));
        m.put("text", "Mi factura está mal");
        m.put("publishedAt", Instant.now().toString());
        m.put("capturedAt", Instant.now().toString());
        m.put("lang", language);
        if (customerRef != null) {
            m.put("customerRef", customerRef);
        }
        m.put("analysis", Map.of("language", language, "intent", intent, "urgency", urgency,
                "sentiment", Map.of("label", "negative", "score", -0.7), "topics", List.of("factura")));
        return m;
    }

    /** Publishes the mention on {@code mentions} with the contract's key; returns its id. */
    static String publish(Map<String, Object> mention) {
        @SuppressWarnings("unchecked")
        Map<String, Object> author = (Map<String, Object>) mention.get("author");
        String key = EventTypes.mentionKey((String) mention.get("brand"), (String) mention.get("channel"),
                (String) author.get("id"));
        KafkaTopics.send(EventTypes.TOPIC_MENTIONS, key, json(mention));
        return (String) mention.get("id");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the mention is routed and returns its case (as the API shows it). */
    static io.restassured.path.json.JsonPath awaitCase(String mentionId, String brand) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(supervisor(brand)).get("/api/v1/cases/by-mention/{id}", mentionId)
                        .statusCode() == 200);
        return given().auth().oauth2(supervisor(brand)).get("/api/v1/cases/by-mention/{id}", mentionId).then()
                .statusCode(200).extract().jsonPath();
    }
}
