package io.socialcare.response.rest;

import static io.restassured.RestAssured.given;
import static io.socialcare.response.Fixtures.agent;
import static io.socialcare.response.Fixtures.awaitRecord;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.caseEvent;
import static io.socialcare.response.Fixtures.header;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.mention;
import static io.socialcare.response.Fixtures.openCase;
import static io.socialcare.response.Fixtures.postsContaining;
import static io.socialcare.response.Fixtures.supervisor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.CaseEvent;
import io.socialcare.response.Fixtures;
import io.socialcare.response.SandboxResource;
import io.socialcare.response.client.ChannelClient;
import io.socialcare.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton: a case arrives on {@code cases}, an agent asks for a reply, and the reply is posted once
 * into the same channel and thread, then announced as {@code reply.sent}.
 */
@QuarkusTest
class ReplyFlowTest {

    private static String ask(String token, String caseId, String key, Object body, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body)
                .when().post("/api/v1/cases/{id}/replies", caseId)
                .then().statusCode(status)
                .extract().path("id");
    }

    private static void awaitStatus(String token, String replyId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/replies/{id}", replyId).then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void postsReplyToXInTheSameThreadOnceAndAnnouncesIt() {
        String brand = brand();
        CaseEvent c = openCase(brand, "x");
        CaseEvent.MentionRef m = c.mentions().get(0);
        String token = agent(brand);

        String replyId = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", "Hola Lucía, ya lo estamos revisando."))
                .when().post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/replies/"))
                .body("caseId", equalTo(c.id()))
                .body("mentionId", equalTo(m.id()))
                .body("channel", equalTo("x"))
                .body("threadId", equalTo(m.threadId()))
                .body("status", equalTo("queued"))
                .body("risk.level", equalTo("low"))
                .body("risk.flags", hasSize(0))
                .extract().path("id");

        awaitStatus(token, replyId, "sent");
        List<JsonNode> posts = postsContaining(m.externalId());
        assertEquals(1, posts.size(), "exactly one post");
        JsonNode post = posts.get(0);
        assertEquals("/x/2/tweets", post.get("path").asText());
        assertEquals("Hola Lucía, ya lo estamos revisando.", post.at("/body/text").asText());
        assertEquals(m.externalId(), post.at("/body/reply/in_reply_to_tweet_id").asText());
        assertEquals(2, post.get("body").size(), "only text and reply");
        assertEquals(true, post.get("authorization").asBoolean(), "bearer token of the channel");

        given().auth().oauth2(token).get("/api/v1/replies/{id}", replyId).then()
                .body("externalPostId", equalTo(post.get("id").asText()))
                .body("attempts", equalTo(1));

        ConsumerRecord<String, String> event = awaitRecord("replies", r -> r.value().contains(replyId));
        assertEquals(c.id(), event.key());
        assertEquals("reply.sent", header(event, "ce_type"));
        assertEquals(replyId + ":sent", header(event, "ce_id"));

        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("socialcare_reply_posts_total{channel=\"x\",outcome=\"posted\""));
    }

    @Test
    void postsFacebookCommentAndInstagramReplyOnTheMentionedPost() {
        String brand = brand();
        CaseEvent.MentionRef fb = mention("facebook", Instant.now().minusSeconds(60));
        CaseEvent.MentionRef ig = mention("instagram", Instant.now());
        CaseEvent c = openCase(caseEvent(id(), 1, brand, "normal", List.of(fb, ig)));
        String token = agent(brand);

        String toFacebook = ask(token, c.id(), id(), Map.of("text", "Gracias por avisarnos.", "inReplyTo", fb.id()),
                202);
        String toInstagram = ask(token, c.id(), id(), Map.of("text", "Te escribimos por aquí."), 202);
        awaitStatus(token, toFacebook, "sent");
        awaitStatus(token, toInstagram, "sent");

        List<JsonNode> fbPosts = postsContaining(fb.externalId());
        assertEquals(1, fbPosts.size());
        assertEquals("/facebook/v21.0/" + fb.externalId() + "/comments", fbPosts.get(0).get("path").asText());
        assertEquals("{\"message\":\"Gracias por avisarnos.\"}", fbPosts.get(0).get("body").toString());

        List<JsonNode> igPosts = postsContaining(ig.externalId());
        assertEquals(1, igPosts.size(), "the default is the latest mention, on its own channel");
        assertEquals("/instagram/v21.0/" + ig.externalId() + "/replies", igPosts.get(0).get("path").asText());
        assertEquals("{\"message\":\"Te escribimos por aquí.\"}", igPosts.get(0).get("body").toString());
    }

    @Test
    void postsSignedWebhookForOtherChannels() throws Exception {
        String brand = brand();
        CaseEvent c = openCase(brand, "forum");
        CaseEvent.MentionRef m = c.mentions().get(0);
        String token = agent(brand);
        String replyId = ask(token, c.id(), id(), Map.of("text", "Lo revisamos hoy."), 202);
        awaitStatus(token, replyId, "sent");

        List<JsonNode> posts = postsContaining(replyId);
        assertEquals(1, posts.size());
        JsonNode post = posts.get(0);
        assertEquals("/forum", post.get("path").asText());
        assertEquals(replyId, post.get("idempotencyKey").asText());
        JsonNode body = post.get("body");
        assertEquals("reply", body.get("event").asText());
        assertEquals(replyId, body.get("replyId").asText());
        assertEquals(c.id(), body.get("caseId").asText());
        assertEquals("forum", body.get("channel").asText());
        assertEquals(m.threadId(), body.get("threadId").asText());
        assertEquals(m.externalId(), body.get("inReplyTo").asText());
        assertEquals("Lo revisamos hoy.", body.get("text").asText());
        // the sandbox keeps the body bytes as sent (a JSON object embedded verbatim)
        String raw = Fixtures.JSON.writeValueAsString(body);
        assertEquals("sha256=" + ChannelClient.hmacSha256(SandboxResource.SECRET, raw.getBytes(StandardCharsets.UTF_8)),
                post.get("signature").asText());
    }

    @Test
    void sameKeyAndBodyReturnsTheSameReplyAndAnotherBodyConflicts() {
        String brand = brand();
        CaseEvent c = openCase(brand, "x");
        String token = agent(brand);
        String key = id();
        String first = ask(token, c.id(), key, Map.of("text", "Hola, lo miramos."), 202);
        String again = ask(token, c.id(), key, Map.of("text", "Hola, lo miramos."), 200);
        assertEquals(first, again);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("text", "Otro texto")).post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(409).contentType("application/problem+json");
        awaitStatus(token, first, "sent");
        assertEquals(1, postsContaining(c.mentions().get(0).externalId()).size(), "one post per key");
        given().auth().oauth2(token).get("/api/v1/cases/{id}/replies", c.id()).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(first)).body("nextCursor", equalTo(null));
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneReplyAndOnePost() throws Exception {
        String brand = brand();
        CaseEvent c = openCase(brand, "forum");
        String token = agent(brand);
        String key = id();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                            .body(Map.of("text", "Una sola vez, por favor.")).post("/api/v1/cases/{id}/replies", c.id());
                }));
            }
            start.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            int created = 0;
            for (var call : calls) {
                io.restassured.response.Response r = call.get();
                org.junit.jupiter.api.Assertions.assertTrue(r.statusCode() == 202 || r.statusCode() == 200,
                        "status " + r.statusCode() + " " + r.asString());
                created += r.statusCode() == 202 ? 1 : 0;
                ids.add(r.path("id"));
            }
            assertEquals(1, created, "exactly one request creates the reply");
            assertEquals(1, ids.size(), "every request sees the same reply");
            String replyId = ids.iterator().next();
            awaitStatus(token, replyId, "sent");
            assertEquals(1, postsContaining(replyId).size(), "one post");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void listsRepliesOfACaseInPages() {
        String brand = brand();
        CaseEvent c = openCase(brand, "forum");
        String token = agent(brand);
        String a = ask(token, c.id(), id(), Map.of("text", "Uno"), 202);
        String b = ask(token, c.id(), id(), Map.of("text", "Dos"), 202);
        String cursor = given().auth().oauth2(token).queryParam("limit", 1)
                .get("/api/v1/cases/{id}/replies", c.id()).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(a)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/cases/{id}/replies", c.id()).then().statusCode(200)
                .body("items[0].id", equalTo(b)).body("nextCursor", equalTo(null));
        given().auth().oauth2(token).queryParam("limit", 0).get("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(400).body("violations.field", hasItem("limit"));
    }

    @Test
    void rejectsBadRequestsNamingTheField() {
        String brand = brand();
        CaseEvent c = openCase(brand, "x");
        String token = agent(brand);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("text", "Hola"))
                .post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("variables", Map.of()))
                .post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(400).body("violations.field", hasItem("text"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body("{\"text\": {\"$gt\": \"\"}}")
                .post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("text"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", "Hola", "inReplyTo", id()))
                .post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(400).body("violations.field", hasItem("inReplyTo"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", "x".repeat(281)))
                .post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(400).body("violations.field", hasItem("text"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", "Hola", "templateId", id()))
                .post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(400).body("violations.field", hasItem("templateId"));
        given().auth().oauth2(token).get("/api/v1/cases/{id}/replies", c.id()).then().body("items", hasSize(0));
    }

    @Test
    void protectsRepliesByTokenRoleAndBrand() {
        String brand = brand();
        CaseEvent c = openCase(brand, "x");
        String token = agent(brand);
        given().contentType(ContentType.JSON).header("Idempotency-Key", id()).body(Map.of("text", "Hola"))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("pablo", "product-manager", brand)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id()).body(Map.of("text", "Hola"))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(403)
                .contentType("application/problem+json");
        String other = agent(brand());
        given().auth().oauth2(other).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", "Hola")).post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", "Hola")).post("/api/v1/cases/{id}/replies", id())
                .then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/cases/{id}/replies", c.id()).then().statusCode(404);

        String replyId = ask(token, c.id(), id(), Map.of("text", "Hola, lo vemos."), 202);
        given().auth().oauth2(other).get("/api/v1/replies/{id}", replyId).then().statusCode(404);
        given().get("/api/v1/replies/{id}", replyId).then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/replies/{id}", id()).then().statusCode(404);
        given().auth().oauth2(token).post("/api/v1/replies/{id}/approve", replyId).then().statusCode(403);
        given().auth().oauth2(supervisor(brand)).post("/api/v1/replies/{id}/approve", replyId).then()
                .statusCode(409);
        awaitStatus(token, replyId, "sent");
    }

    @Test
    void criticalCaseWaitsForApprovalThenIsSent() {
        String brand = brand();
        CaseEvent c = openCase(caseEvent(id(), 1, brand, "critical", List.of(mention("x", Instant.now()))));
        String token = agent(brand);
        String replyId = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", "Lo sentimos mucho, lo estamos revisando.")).post("/api/v1/cases/{id}/replies",
                        c.id())
                .then().statusCode(202).body("status", equalTo("pending_approval")).extract().path("id");
        assertFalse(postsContaining(c.mentions().get(0).externalId()).size() > 0, "nothing posted before approval");
        given().auth().oauth2(Tokens.token("sara", "supervisor", brand())).post("/api/v1/replies/{id}/approve",
                replyId).then().statusCode(404);
        given().auth().oauth2(supervisor(brand)).post("/api/v1/replies/{id}/approve", replyId).then()
                .statusCode(200).body("status", equalTo("queued")).body("decidedBy", equalTo("sara"));
        awaitStatus(token, replyId, "sent");
        assertEquals(1, postsContaining(c.mentions().get(0).externalId()).size());
    }

    @Test
    void rejectedReplyIsNeverPosted() {
        String brand = brand();
        CaseEvent c = openCase(caseEvent(id(), 1, brand, "critical", List.of(mention("forum", Instant.now()))));
        String token = agent(brand);
        String replyId = ask(token, c.id(), id(), Map.of("text", "Texto a revisar."), 202);
        given().auth().oauth2(supervisor(brand)).post("/api/v1/replies/{id}/reject", replyId).then()
                .statusCode(200).body("status", equalTo("rejected"));
        given().auth().oauth2(supervisor(brand)).post("/api/v1/replies/{id}/approve", replyId).then()
                .statusCode(409);
        assertEquals(0, postsContaining(replyId).size());
        JsonNode none = postsContaining(c.mentions().get(0).externalId()).stream().findFirst().orElse(null);
        assertNull(none);
    }
}
