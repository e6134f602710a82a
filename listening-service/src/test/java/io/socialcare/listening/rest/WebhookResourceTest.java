package io.socialcare.listening.rest;

import static io.restassured.RestAssured.given;
import static io.socialcare.listening.Fixtures.admin;
import static io.socialcare.listening.Fixtures.brand;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.listening.service.Signatures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookResourceTest {

    private static final String META_SECRET = "test-meta-app-secret";
    private static final String X_SECRET = "test-x-consumer-secret";

    private static String facebookComment(String commentId, String postId, String text) {
        return """
                {"object":"page","entry":[{"id":"page-1","time":%d,"changes":[{"field":"feed","value":{
                  "item":"comment","verb":"add","comment_id":"%s","post_id":"%s","parent_id":"%s",
                  "from":{"id":"fb-user-7","name":"Lucía Pérez"},"message":"%s","created_time":%d}}]}]}
                """.formatted(Instant.now().getEpochSecond(), commentId, postId, postId, text,
                Instant.now().getEpochSecond() - 30);
    }

    @Test
    void answersMetasSubscriptionCheckOnlyWithTheVerifyToken() {
        String brand = brand();
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444")
                .when().get("/api/v1/webhooks/meta/" + brand).then().statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .when().get("/api/v1/webhooks/meta/" + brand).then().statusCode(403)
                .contentType("application/problem+json");
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1")
                .when().get("/api/v1/webhooks/meta/no-such-brand").then().statusCode(404);
    }

    @Test
    void storesASignedFacebookCommentAsAMentionInItsThread() {
        String brand = brand();
        String body = facebookComment("post-9_comment-1", "post-9", "¿Por qué me cobraron dos veces la factura?");
        String id = given().header("X-Hub-Signature-256",
                        Signatures.metaSignature(META_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks/meta/" + brand).then()
                .statusCode(200).body("results", hasSize(1)).body("results[0].status", equalTo("accepted"))
                .extract().path("results[0].id");
        given().auth().oauth2(admin()).when().get("/api/v1/mentions/" + id).then().statusCode(200)
                .body("channel", equalTo("facebook"))
                .body("externalId", equalTo("post-9_comment-1"))
                .body("threadId", equalTo("post-9"))
                .body("author.id", equalTo("fb-user-7"))
                .body("analysis.intent", equalTo("complaint"));
        // Meta redelivers: a duplicate, nothing new
        given().header("X-Hub-Signature-256",
                        Signatures.metaSignature(META_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks/meta/" + brand).then()
                .statusCode(200).body("results[0].status", equalTo("duplicate")).body("results[0].id", equalTo(id));
    }

    @Test
    void storesASignedInstagramComment() {
        String brand = brand();
        String body = """
                {"object":"instagram","entry":[{"id":"ig-1","time":%d,"changes":[{"field":"comments","value":{
                  "id":"ig-comment-5","text":"Me encanta la nueva colección","from":{"id":"ig-user-3","username":"marta"},
                  "media":{"id":"ig-media-8","media_product_type":"FEED"}}}]}]}
                """.formatted(Instant.now().getEpochSecond());
        String id = given().header("X-Hub-Signature-256",
                        Signatures.metaSignature(META_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks/meta/" + brand).then()
                .statusCode(200).body("results[0].status", equalTo("accepted")).extract().path("results[0].id");
        given().auth().oauth2(admin()).when().get("/api/v1/mentions/" + id).then().statusCode(200)
                .body("channel", equalTo("instagram")).body("threadId", equalTo("ig-media-8"))
                .body("author.handle", equalTo("marta")).body("analysis.intent", equalTo("praise"));
    }

    @Test
    void refusesADeliveryWithABadSignatureAndStoresNothing() {
        String brand = brand();
        String body = facebookComment("post-1_comment-1", "post-1", "hola");
        given().header("X-Hub-Signature-256", Signatures.metaSignature("wrong-secret",
                        body.getBytes(StandardCharsets.UTF_8)))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks/meta/" + brand).then()
                .statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks/meta/" + brand).then().statusCode(401);
        given().header("x-twitter-webhooks-signature", "sha256=AAAA").contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/webhooks/x/" + brand).then().statusCode(401);
        given().auth().oauth2(admin()).queryParam("brand", brand).when().get("/api/v1/mentions").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void answersTheXCrcCheckWithTheSignedToken() {
        String brand = brand();
        given().queryParam("crc_token", "challenge-123").when().get("/api/v1/webhooks/x/" + brand).then()
                .statusCode(200).body("response_token",
                        equalTo(Signatures.xSignature(X_SECRET, "challenge-123".getBytes(StandardCharsets.UTF_8))));
        given().when().get("/api/v1/webhooks/x/" + brand).then().statusCode(400);
    }

    @Test
    void storesSignedTweetsButNotTheBrandsOwn() {
        String brand = brand();
        String body = """
                {"for_user_id":"brand-account","tweet_create_events":[
                  {"id_str":"1850000000000000001","text":"@acme llevo 3 días sin internet",
                   "created_at":"Wed Nov 18 10:15:30 +0000 2026","in_reply_to_status_id_str":null,"lang":"es",
                   "user":{"id_str":"x-user-1","screen_name":"pepe","name":"Pepe"}},
                  {"id_str":"1850000000000000002","text":"Lo sentimos, te escribimos por DM",
                   "created_at":"Wed Nov 18 10:16:30 +0000 2026","in_reply_to_status_id_str":"1850000000000000001",
                   "user":{"id_str":"brand-account","screen_name":"acme","name":"Acme"}}]}
                """;
        String id = given().header("x-twitter-webhooks-signature",
                        Signatures.xSignature(X_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks/x/" + brand).then()
                .statusCode(200).body("results", hasSize(1)).body("results[0].status", equalTo("accepted"))
                .extract().path("results[0].id");
        given().auth().oauth2(admin()).when().get("/api/v1/mentions/" + id).then().statusCode(200)
                .body("channel", equalTo("x")).body("author.handle", equalTo("@pepe"))
                .body("publishedAt", equalTo("2026-11-18T10:15:30Z"))
                .body("url", equalTo("https://x.com/pepe/status/1850000000000000001"))
                .body("analysis.urgency", equalTo("high"));
    }
}
