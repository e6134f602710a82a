package io.socialcare.response.service;

import static io.restassured.RestAssured.given;
import static io.socialcare.response.Fixtures.agent;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.openCase;
import static io.socialcare.response.Fixtures.postsContaining;
import static io.socialcare.response.Fixtures.supervisor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.CaseEvent;
import org.junit.jupiter.api.Test;

/**
 * The tone and risk check of outgoing replies, in Spanish and English, and the approval it triggers.
 */
@QuarkusTest
class RiskCheckTest {

    @Inject
    RiskCheck check;

    private List<String> flags(String text) {
        return check.assess(text, false).flags();
    }

    @Test
    void plainPoliteReplyIsLowRisk() {
        RiskCheck.Assessment a = check.assess("Hola Lucía, gracias por escribirnos. Lo estamos revisando.", false);
        assertEquals("low", a.level());
        assertEquals(List.of(), a.flags());
    }

    @Test
    void flagsIronyInSpanishAndEnglish() {
        assertTrue(flags("Claro que sí, como siempre, qué sorpresa que no funcione").contains("irony"));
        assertTrue(flags("Well, thanks for nothing \uD83D\uDE44").contains("irony"));
        assertTrue(flags("Yeah right, it works fine").contains("irony"));
    }

    @Test
    void flagsShouting() {
        assertTrue(flags("POR FAVOR LEA LAS INSTRUCCIONES antes").contains("all_caps"));
        assertTrue(!flags("Gracias por contactar con ACME").contains("all_caps"), "one brand name is not shouting");
    }

    @Test
    void flagsBlame() {
        assertTrue(flags("Lo siento, pero es su culpa por no actualizar").contains("blame"));
        assertTrue(flags("That is your fault, not ours").contains("blame"));
    }

    @Test
    void flagsPromisesOfMoneyAndDates() {
        assertTrue(flags("Le devolveremos el importe").contains("promise_money"));
        assertTrue(flags("We will refund your order").contains("promise_money"));
        assertTrue(flags("Lo tendrá mañana sin falta").contains("promise_date"));
        assertTrue(flags("It will arrive tomorrow").contains("promise_date"));
    }

    @Test
    void flagsPersonalData() {
        assertTrue(flags("Escríbenos a lucia.garcia@example.com").contains("personal_data"));
        assertTrue(flags("Llámenos al +34 612 345 678").contains("personal_data"));
        assertTrue(flags("Su tarjeta 4111 1111 1111 1111 fue rechazada").contains("personal_data"));
        assertTrue(!flags("Su pedido 12345 está en camino").contains("personal_data"));
    }

    @Test
    void levelsGrowWithTheFlags() {
        assertEquals("medium", check.assess("Llegará mañana sin falta", false).level());
        assertEquals("high", check.assess("Es su culpa", false).level());
        assertEquals("high", check.assess("LLEGARÁ MAÑANA SIN FALTA, PROMETIDO", false).level());
        assertEquals("medium", check.assess("Gracias por escribirnos.", true).level());
    }

    @Test
    void highRiskReplyWaitsForASupervisor() {
        String brand = brand();
        CaseEvent c = openCase(brand, "x");
        String replyId = given().auth().oauth2(agent(brand)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id()).body(Map.of("text", "Le devolveremos el dinero, es su culpa igualmente"))
                .post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(202)
                .body("status", equalTo("pending_approval"))
                .body("risk.level", equalTo("high"))
                .body("risk.flags", hasItem("blame"))
                .body("risk.flags", hasItem("promise_money"))
                .extract().path("id");
        assertEquals(0, postsContaining(c.mentions().get(0).externalId()).size());
        given().auth().oauth2(supervisor(brand)).post("/api/v1/replies/{id}/approve", replyId).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(agent(brand))
                .get("/api/v1/replies/{id}", replyId).then().body("status", equalTo("sent")));
        assertEquals(1, postsContaining(c.mentions().get(0).externalId()).size());
    }

    @Test
    void mediumRiskReplyIsQueuedWithItsFlags() {
        String brand = brand();
        CaseEvent c = openCase(brand, "forum");
        given().auth().oauth2(agent(brand)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id()).body(Map.of("text", "Le llegará mañana sin falta."))
                .post("/api/v1/cases/{id}/replies", c.id())
                .then().statusCode(202)
                .body("status", equalTo("queued"))
                .body("risk.level", equalTo("medium"))
                .body("risk.flags", hasItem("promise_date"));
    }
}
