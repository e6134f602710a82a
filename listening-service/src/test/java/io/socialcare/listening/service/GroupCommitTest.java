package io.socialcare.listening.service;

import static io.socialcare.listening.Fixtures.brand;
import static io.socialcare.listening.Fixtures.mention;
import static io.socialcare.listening.Fixtures.partner;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.listening.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Single mentions posted at the same time are stored in shared rounds (group commit), and each request still gets
 * its own answer: accepted, duplicate of the first, or its own problem.
 */
@QuarkusTest
class GroupCommitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/mentions")
    URI mentions;

    @Inject
    MongoCommandCounter counter;

    @Test
    void concurrentSingleMentionsShareStoreRoundsAndKeepTheirOwnAnswers() throws Exception {
        String brand = brand();
        String other = brand();
        String token = partner(brand);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bodies.add(mention(brand, "Sin conexión desde esta mañana, número " + i));
        }
        Map<String, Object> repeated = mention(brand, "Mi pedido no llega, lo repito por si acaso");
        for (int i = 0; i < 4; i++) {
            bodies.add(new HashMap<>(repeated));
        }
        for (int i = 0; i < 2; i++) {
            // a brand outside the token's scope
            bodies.add(mention(other, "Otra marca " + i));
        }
        for (int i = 0; i < 2; i++) {
            Map<String, Object> invalid = mention(brand, "x");
            invalid.remove("text");
            bodies.add(invalid);
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int insertsBefore = counter.mentionInserts();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(mentions)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
        int inserts = counter.mentionInserts() - insertsBefore;

        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            assertEquals(202, answer.statusCode(), answer.body());
            JsonNode captured = JSON.readTree(answer.body());
            assertEquals("accepted", captured.path("status").asText());
            assertEquals("/api/v1/mentions/" + captured.path("id").asText(),
                    URI.create(answer.headers().firstValue("Location").orElseThrow()).getPath());
            assertTrue(accepted.add(captured.path("id").asText()), "two requests were given the same id");
        }
        String firstOfRepeated = null;
        int repeatedAccepted = 0;
        for (int i = 40; i < 44; i++) {
            JsonNode captured = JSON.readTree(answers.get(i).get().body());
            if (answers.get(i).get().statusCode() == 202) {
                repeatedAccepted++;
                firstOfRepeated = captured.path("id").asText();
            }
        }
        assertEquals(1, repeatedAccepted, "the same post sent four times at once was accepted more than once");
        for (int i = 40; i < 44; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            JsonNode captured = JSON.readTree(answer.body());
            if (answer.statusCode() == 200) {
                assertEquals("duplicate", captured.path("status").asText());
                assertEquals(firstOfRepeated, captured.path("id").asText());
            }
        }
        accepted.add(firstOfRepeated);
        for (int i = 44; i < 46; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            assertEquals(403, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        }
        for (int i = 46; i < 48; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            assertEquals(400, answer.statusCode(), answer.body());
            assertEquals("text", JSON.readTree(answer.body()).path("violations").path(0).path("field").asText());
        }

        // stored in fewer rounds than mentions: one insert each would be 41
        assertTrue(inserts < accepted.size(), "expected shared rounds, saw " + inserts + " inserts for "
                + accepted.size() + " mentions");

        // each accepted mention is published exactly once, with its own id; nothing of the refused ones
        try (TopicReader reader = new TopicReader("mentions")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> assertEquals(accepted.size(), reader.containing("\"brand\":\"" + brand + "\"").size()));
            Set<String> published = new HashSet<>();
            for (ConsumerRecord<String, String> record : reader.containing("\"brand\":\"" + brand + "\"")) {
                published.add(JSON.readTree(record.value()).path("id").asText());
            }
            assertEquals(accepted, published);
            assertTrue(reader.containing("\"brand\":\"" + other + "\"").isEmpty());
        }
    }
}
