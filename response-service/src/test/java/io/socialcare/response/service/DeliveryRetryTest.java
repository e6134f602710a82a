package io.socialcare.response.service;

import static io.restassured.RestAssured.given;
import static io.socialcare.response.Fixtures.agent;
import static io.socialcare.response.Fixtures.awaitRecord;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.header;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.openCase;
import static io.socialcare.response.Fixtures.postsContaining;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.socialcare.response.OperationsTest.metric;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socialcare.contract.CaseEvent;
import io.socialcare.response.SandboxResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a misbehaving channel (the sandbox's fault switch): retries with backoff, permanent refusals,
 * revoked tokens, and at most one post when the outcome of a post is unknown.
 */
@QuarkusTest
class DeliveryRetryTest {

    @Inject
    DataSource dataSource;

    private static void behave(int status, int times, long delayMs) {
        given().post(SandboxResource.sandbox().baseUrl() + "/_sandbox/behaviour?status=" + status + "&times=" + times
                + "&delayMs=" + delayMs).then().statusCode(204);
    }

    private static void behave(int status, int times, String retryAfter) {
        given().post(SandboxResource.sandbox().baseUrl() + "/_sandbox/behaviour?status=" + status + "&times=" + times
                + "&delayMs=0&retryAfter=" + retryAfter).then().statusCode(204);
    }

    @AfterEach
    void healthyChannels() {
        behave(503, 0, 0);
    }

    private static String ask(String brand, String caseId, String text) {
        return given().auth().oauth2(agent(brand)).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", text)).post("/api/v1/cases/{id}/replies", caseId)
                .then().statusCode(202).extract().path("id");
    }

    private static ValidatableResponse awaitStatus(String brand, String replyId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(agent(brand))
                .get("/api/v1/replies/{id}", replyId).then().body("status", equalTo(status)));
        return given().auth().oauth2(agent(brand)).get("/api/v1/replies/{id}", replyId).then();
    }

    @Test
    void retriesServerErrorsAndPostsOnce() {
        String brand = brand();
        CaseEvent c = openCase(brand, "x");
        behave(503, 2, 0);
        String replyId = ask(brand, c.id(), "Hola, seguimos con ello.");
        awaitStatus(brand, replyId, "sent").body("attempts", equalTo(3));
        assertEquals(1, postsContaining(c.mentions().get(0).externalId()).size());
    }

    @Test
    void retriesTooManyRequests() {
        String brand = brand();
        CaseEvent c = openCase(brand, "facebook");
        behave(429, 1, 0);
        String replyId = ask(brand, c.id(), "Gracias por la paciencia.");
        awaitStatus(brand, replyId, "sent").body("attempts", equalTo(2));
        assertEquals(1, postsContaining(c.mentions().get(0).externalId()).size());
    }

    @Test
    void revokedTokenFailsWithChannelAuthWithoutRetry() {
        String brand = brand();
        CaseEvent c = openCase(brand, "x");
        behave(401, 1, 0);
        String replyId = ask(brand, c.id(), "Hola.");
        awaitStatus(brand, replyId, "failed").body("failureReason", equalTo("channel_auth"))
                .body("attempts", equalTo(1));
        assertEquals(0, postsContaining(c.mentions().get(0).externalId()).size());
        ConsumerRecord<String, String> event = awaitRecord("replies", r -> r.value().contains(replyId));
        assertEquals("reply.failed", header(event, "ce_type"));
        assertEquals(c.id(), event.key());
    }

    @Test
    void permanentRefusalFailsWithoutRetry() {
        String brand = brand();
        CaseEvent c = openCase(brand, "instagram");
        behave(400, 1, 0);
        String replyId = ask(brand, c.id(), "Hola.");
        awaitStatus(brand, replyId, "failed").body("failureReason", equalTo("channel_rejected"))
                .body("attempts", equalTo(1));
    }

    @Test
    void timeoutOnAChannelWithoutIdempotencyIsNeverPostedTwice() {
        String brand = brand();
        CaseEvent c = openCase(brand, "x");
        behave(200, 1, 2_500);
        String replyId = ask(brand, c.id(), "Hola, revisamos tu pedido.");
        awaitStatus(brand, replyId, "failed").body("failureReason", equalTo("unknown_outcome"));
        // the platform took the post after our timeout: exactly one post, never a second
        await().atMost(Duration.ofSeconds(5)).until(() -> postsContaining(c.mentions().get(0).externalId()).size() == 1);
        behave(503, 0, 0);
        assertEquals(1, postsContaining(c.mentions().get(0).externalId()).size());
    }

    @Test
    void timeoutOnAWebhookIsRetriedWithTheSameIdempotencyKey() {
        String brand = brand();
        CaseEvent c = openCase(brand, "forum");
        behave(200, 1, 2_500);
        String replyId = ask(brand, c.id(), "Lo miramos enseguida.");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(agent(brand))
                .get("/api/v1/replies/{id}", replyId).then().body("attempts", greaterThanOrEqualTo(1)));
        // the sandbox behaves normally after that one slow post (no reset here: the slow post is still in flight)
        awaitStatus(brand, replyId, "sent").body("attempts", equalTo(2));
        await().atMost(Duration.ofSeconds(5)).until(() -> postsContaining(replyId).size() == 2);
        List<JsonNode> posts = postsContaining(replyId);
        assertEquals(replyId, posts.get(0).get("idempotencyKey").asText());
        assertEquals(replyId, posts.get(1).get("idempotencyKey").asText(), "the partner drops the repeat by key");
    }

    private void insertAttemptedReply(String replyId, String channel) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO replies (id, case_id, brand, mention_id, channel, thread_id, external_id, text, status,
                    risk_level, idempotency_key, body_hash, attempts, next_attempt_at, attempt_started_at,
                    requested_by, created_at)
                VALUES (?, ?, 'acme', ?, ?, 'thread-1', ?, 'Hola.', 'queued', 'low', ?, 'h', 1, ?, ?, 'ana', ?)
                """)) {
            Instant past = Instant.now().minusSeconds(300);
            s.setString(1, replyId);
            s.setString(2, id());
            s.setString(3, id());
            s.setString(4, channel);
            s.setString(5, "ext-" + replyId);
            s.setString(6, id());
            s.setTimestamp(7, Timestamp.from(past));
            s.setTimestamp(8, Timestamp.from(past));
            s.setTimestamp(9, Timestamp.from(past));
            s.executeUpdate();
        }
    }

    @Test
    void attemptWithoutRecordedOutcomeIsNotRepostedToX() throws Exception {
        String replyId = id();
        insertAttemptedReply(replyId, "x");
        awaitStatus("acme", replyId, "failed").body("failureReason", equalTo("unknown_outcome"))
                .body("attempts", equalTo(1));
        assertEquals(0, postsContaining("ext-" + replyId).size());
    }

    @Test
    void attemptWithoutRecordedOutcomeIsRepostedToAWebhookWithItsKey() throws Exception {
        String replyId = id();
        insertAttemptedReply(replyId, "forum");
        awaitStatus("acme", replyId, "sent").body("attempts", equalTo(2));
        assertEquals(1, postsContaining(replyId).size());
    }

    @Test
    void tooManyRequestsWaitsForTheChannelsRetryAfter() {
        String brand = brand();
        CaseEvent c = openCase(brand, "facebook");
        behave(429, 1, "1");
        Instant asked = Instant.now();
        String replyId = ask(brand, c.id(), "Gracias por esperar.");
        awaitStatus(brand, replyId, "sent").body("attempts", equalTo(2));
        List<JsonNode> posts = postsContaining(c.mentions().get(0).externalId());
        assertEquals(1, posts.size());
        long waited = Duration.between(asked, Instant.parse(posts.get(0).get("at").asText())).toMillis();
        // without Retry-After the first retry comes after 25-50 ms (test backoff); the channel asked for 1 s
        assertTrue(waited >= 1_000, "second attempt only after the channel's Retry-After, waited " + waited + " ms");
    }

    @Test
    void channelBreakerOpensAfterConsecutiveFailuresHoldsThatChannelOnlyAndClosesAfterATrial() {
        // linkedin's breaker opens after 3 consecutive failures for 5 s (test configuration, long enough for a busy
        // machine to run the steps below while it is open); no other test uses it
        String brand = brand();
        CaseEvent first = openCase(brand, "linkedin");
        CaseEvent second = openCase(brand, "linkedin");
        CaseEvent other = openCase(brand, "forum");
        behave(503, 3, 0);
        String firstReply = ask(brand, first.id(), "Lo revisamos hoy.");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(agent(brand))
                .get("/api/v1/replies/{id}", firstReply).then().body("attempts", equalTo(3)));
        await().atMost(Duration.ofSeconds(5)).until(() -> metric("socialcare_channel_breaker_open",
                "channel=\"linkedin\"") == 1.0);

        // the channel is healthy again, but its breaker holds new replies without spending an attempt ...
        String secondReply = ask(brand, second.id(), "Ya está en marcha.");
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> given().auth()
                .oauth2(agent(brand)).get("/api/v1/replies/{id}", secondReply).then()
                .body("status", equalTo("queued")).body("attempts", equalTo(0)));
        // ... while other channels post as usual
        String otherReply = ask(brand, other.id(), "Gracias por contarnos.");
        awaitStatus(brand, otherReply, "sent").body("attempts", equalTo(1));
        assertEquals(1.0, metric("socialcare_channel_breaker_open", "channel=\"linkedin\""));
        assertEquals(0.0, metric("socialcare_channel_breaker_open", "channel=\"forum\""));

        // after the open period one trial goes through, succeeds and closes the breaker
        awaitStatus(brand, firstReply, "sent").body("attempts", equalTo(4));
        awaitStatus(brand, secondReply, "sent").body("attempts", equalTo(1));
        assertEquals(1, postsContaining(firstReply).size());
        assertEquals(1, postsContaining(secondReply).size());
        await().atMost(Duration.ofSeconds(5)).until(() -> metric("socialcare_channel_breaker_open",
                "channel=\"linkedin\"") == 0.0);
    }
}
