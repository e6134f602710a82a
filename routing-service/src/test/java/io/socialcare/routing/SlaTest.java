package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.EventTypes;
import io.socialcare.routing.service.SlaService;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlaTest {

    @Inject
    SlaService sla;

    private int sweep(Instant at, String brand) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sla.sweep(at, brand));
    }

    private static String brandWithTenMinuteNormalBudget() {
        return brandWithBudgets(5, 8, 10, 20);
    }

    /** A brand with these first-response budgets in minutes, one department and one agent. */
    private static String brandWithBudgets(int critical, int high, int normal, int low) {
        String brand = Fixtures.brand();
        Fixtures.slaPolicy(brand, critical, high, normal, low).statusCode(200);
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        return brand;
    }

    private static JsonPath get(String brand, String id) {
        return given().auth().oauth2(Fixtures.supervisor(brand)).get("/api/v1/cases/{id}", id).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void escalatesAtEightyPercentOfTheBudgetAndMarksTheBreachAfterTheDueTime() throws Throwable {
        String brand = brandWithTenMinuteNormalBudget();
        JsonPath c = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal",
                "es", null)), brand);
        Instant created = Instant.parse(c.getString("createdAt"));

        assertEquals(0, sweep(created.plus(Duration.ofMinutes(7)), brand));
        assertEquals("normal", get(brand, c.getString("id")).getString("priority"));

        assertEquals(1, sweep(created.plus(Duration.ofSeconds(8 * 60 + 1)), brand));
        JsonPath escalated = get(brand, c.getString("id"));
        assertEquals("high", escalated.getString("priority"));
        assertEquals(false, escalated.getBoolean("sla.breached"));
        List<KafkaTopics.Rec> events = MentionRoutingTest.awaitEvents(c.getString("id"), 3);
        assertEquals(EventTypes.CASE_ESCALATED, events.get(2).ceType());
        JsonNode event = Fixtures.JSON.readTree(events.get(2).value());
        assertEquals("high", event.get("priority").asText());
        assertEquals(3, event.get("version").asLong());

        assertEquals(0, sweep(created.plus(Duration.ofSeconds(9 * 60)), brand), "escalated once only");
        assertEquals(1, sweep(created.plus(Duration.ofSeconds(10 * 60 + 1)), brand));
        assertEquals(true, get(brand, c.getString("id")).getBoolean("sla.breached"));
        given().auth().oauth2(Fixtures.supervisor(brand)).get("/api/v1/stats?brand={b}", brand).then()
                .statusCode(200).body("firstResponse.breached", equalTo(1));
    }

    @Test
    void theClockIsPausedWhileTheCaseWaitsForTheCustomer() throws Throwable {
        String brand = brandWithTenMinuteNormalBudget();
        JsonPath c = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal",
                "es", null)), brand);
        String id = c.getString("id");
        Instant created = Instant.parse(c.getString("createdAt"));
        Instant due = Instant.parse(c.getString("sla.firstResponseDueAt"));

        given().auth().oauth2(Fixtures.agent(brand)).post("/api/v1/cases/{id}/waiting-customer", id)
                .then().statusCode(200).body("status", equalTo("waiting_customer"));
        assertEquals(0, sweep(created.plus(Duration.ofMinutes(30)), brand));
        assertEquals(false, get(brand, id).getBoolean("sla.breached"));

        String followUp = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "question", "normal", "es", null));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> get(brand, id).getList("mentions").size() == 2);
        JsonPath resumed = get(brand, id);
        assertEquals("assigned", resumed.getString("status"));
        assertEquals(brand + "-ana", resumed.getString("owner.agent"));
        assertTrue(Instant.parse(resumed.getString("sla.firstResponseDueAt")).isAfter(due),
                "the due time moved by the time spent waiting");
        assertEquals(id, Fixtures.awaitCase(followUp, brand).getString("id"));
    }

    @Test
    void aMissedDueTimeIsPublishedOnceAsCaseSlaBreached() throws Throwable {
        String brand = brandWithTenMinuteNormalBudget();
        JsonPath c = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal",
                "es", null)), brand);
        String id = c.getString("id");
        Instant created = Instant.parse(c.getString("createdAt"));

        assertEquals(1, sweep(created.plus(Duration.ofSeconds(10 * 60 + 1)), brand));
        List<KafkaTopics.Rec> events = MentionRoutingTest.awaitEvents(id, 3);
        assertEquals(SlaService.CASE_SLA_BREACHED, events.get(2).ceType());
        JsonNode breached = Fixtures.JSON.readTree(events.get(2).value());
        assertEquals(3, breached.get("version").asLong());
        assertEquals(id + ":3", events.get(2).headers().get("ce_id"));
        assertEquals(true, get(brand, id).getBoolean("sla.breached"));

        // neither a later sweep nor the late first reply publishes the breach again
        assertEquals(0, sweep(created.plus(Duration.ofMinutes(30)), brand));
        KafkaTopics.send(EventTypes.TOPIC_REPLIES, id, Fixtures.json(Map.of("type", EventTypes.REPLY_SENT,
                "id", java.util.UUID.randomUUID().toString(), "caseId", id, "brand", brand, "status", "sent",
                "at", created.plus(Duration.ofMinutes(40)).toString())));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> get(brand, id).get("sla.firstResponseAt") != null);
        Thread.sleep(1_500);
        assertEquals(1, KafkaTopics.read(EventTypes.TOPIC_CASES, id).stream()
                .filter(r -> SlaService.CASE_SLA_BREACHED.equals(r.ceType())).count());
    }

    @Test
    void aLateFirstReplyBeforeAnySweepPublishesTheBreach() throws Throwable {
        String brand = brandWithTenMinuteNormalBudget();
        JsonPath c = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal",
                "es", null)), brand);
        String id = c.getString("id");
        Instant due = Instant.parse(c.getString("sla.firstResponseDueAt"));

        KafkaTopics.send(EventTypes.TOPIC_REPLIES, id, Fixtures.json(Map.of("type", EventTypes.REPLY_SENT,
                "id", java.util.UUID.randomUUID().toString(), "caseId", id, "brand", brand, "status", "sent",
                "at", due.plusSeconds(1).toString())));
        List<KafkaTopics.Rec> events = MentionRoutingTest.awaitEvents(id, 3);
        assertEquals(SlaService.CASE_SLA_BREACHED, events.get(2).ceType());
        assertEquals(3, Fixtures.JSON.readTree(events.get(2).value()).get("version").asLong());
        assertEquals(true, get(brand, id).getBoolean("sla.breached"));
    }

    @Test
    void escalatedCasesWaitingForTheirDueTimeDoNotHoldBackTheEscalationOfOthers() throws Throwable {
        // high: 9 minutes (escalated at 7.2), normal: 10 (escalated at 8); the test profile sweeps 2 cases at a time
        String brand = brandWithBudgets(5, 9, 10, 20);
        JsonPath first = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "high",
                "es", null)), brand);
        JsonPath second = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u2", "complaint", "high",
                "es", null)), brand);
        JsonPath third = Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u3", "complaint",
                "normal", "es", null)), brand);
        assertEquals("high", first.getString("priority"));
        assertEquals("normal", third.getString("priority"));
        Instant thirdCreated = Instant.parse(third.getString("createdAt"));

        // 7.5 minutes: the two high cases are escalated (to critical), the normal one is not due for it yet
        assertEquals(2, sweep(Instant.parse(second.getString("createdAt")).plusSeconds(450), brand));
        assertEquals("critical", get(brand, first.getString("id")).getString("priority"));
        assertEquals("normal", get(brand, third.getString("id")).getString("priority"));

        // 8.5 minutes: the two escalated cases come first by due time (9 minutes) but have nothing left to do
        // until then; the normal case has reached its escalation point and is escalated now, not at its breach
        assertEquals(1, sweep(thirdCreated.plusSeconds(510), brand));
        JsonPath escalated = get(brand, third.getString("id"));
        assertEquals("high", escalated.getString("priority"));
        assertEquals(false, escalated.getBoolean("sla.breached"));
        assertEquals(0, sweep(thirdCreated.plusSeconds(520), brand), "nothing more to do before the due times");
    }
}
