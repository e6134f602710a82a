package io.socialcare.response.service;

import static io.restassured.RestAssured.given;
import static io.socialcare.response.Fixtures.agent;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.caseEvent;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.mention;
import static io.socialcare.response.Fixtures.openCase;
import static io.socialcare.response.Fixtures.postsContaining;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.CaseEvent;
import org.junit.jupiter.api.Test;

/**
 * Private-message channels (tiktok in the test configuration) accept answers within 24 h of the message only.
 */
@QuarkusTest
class ReplyWindowTest {

    @Inject
    DataSource dataSource;

    @Test
    void refusesAnAnswerOutsideThePrivateMessageWindow() {
        String brand = brand();
        CaseEvent c = openCase(caseEvent(id(), 1, brand, "normal",
                List.of(mention("tiktok", Instant.now().minus(Duration.ofHours(25))))));
        given().auth().oauth2(agent(brand)).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", "Hola")).post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("24 h"));
        given().auth().oauth2(agent(brand)).get("/api/v1/cases/{id}/replies", c.id()).then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void answersInsideTheWindow() {
        String brand = brand();
        CaseEvent c = openCase(caseEvent(id(), 1, brand, "normal",
                List.of(mention("tiktok", Instant.now().minus(Duration.ofHours(23))))));
        String replyId = given().auth().oauth2(agent(brand)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id()).body(Map.of("text", "Hola, te escribimos por privado."))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> postsContaining(replyId).size() == 1);
    }

    @Test
    void replyWhoseWindowClosedWhileWaitingIsNotPosted() throws Exception {
        String replyId = id();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO replies (id, case_id, brand, mention_id, channel, thread_id, external_id, mention_at, text,
                    status, risk_level, idempotency_key, body_hash, next_attempt_at, requested_by, created_at)
                VALUES (?, ?, 'acme', ?, 'tiktok', 't', 'e', ?, 'Hola.', 'queued', 'low', ?, 'h', now(), 'ana', now())
                """)) {
            s.setString(1, replyId);
            s.setString(2, id());
            s.setString(3, id());
            s.setTimestamp(4, Timestamp.from(Instant.now().minus(Duration.ofHours(30))));
            s.setString(5, id());
            s.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(agent("acme"))
                .get("/api/v1/replies/{id}", replyId).then().body("status", equalTo("failed"))
                .body("failureReason", equalTo("outside_reply_window")).body("attempts", equalTo(0)));
        assertEquals(0, postsContaining(replyId).size());
    }
}
