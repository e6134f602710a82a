package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.EventTypes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MentionRoutingTest {

    @Test
    void newMentionOpensCaseInMatchingDepartmentWithLeastLoadedAgent() throws Exception {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-general", "General", List.of("question"), List.of(), 1).statusCode(200);
        Fixtures.department(brand, brand + "-billing", "Billing", List.of("complaint"), List.of("es"), 2)
                .statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-billing", 5, true, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-bob", "bob", brand + "-billing", 5, true, "en").statusCode(200);
        Fixtures.agent(brand, brand + "-eva", "eva", brand + "-billing", 5, false, "es").statusCode(200);

        String mentionId = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "high", "es", null));
        JsonPath c = Fixtures.awaitCase(mentionId, brand);

        assertEquals(brand, c.getString("brand"));
        assertEquals("assigned", c.getString("status"));
        assertEquals("high", c.getString("priority"));
        assertEquals("complaint", c.getString("intent"));
        assertEquals(brand + "-billing", c.getString("owner.department"));
        assertEquals(brand + "-ana", c.getString("owner.agent"));
        assertEquals(List.of(mentionId), c.getList("mentions.id"));
        assertEquals("x", c.getString("mentions[0].channel"));
        assertEquals("thread-u1", c.getString("mentions[0].threadId"));
        assertEquals(List.of(), c.getList("transfers"));
        assertTrue(c.getString("routingReason").contains("intent complaint"), c.getString("routingReason"));
        assertTrue(c.getString("routingReason").contains("agent ana has the fewest open cases (0 of 5)"),
                c.getString("routingReason"));
        Instant created = Instant.parse(c.getString("createdAt"));
        assertEquals(created.plus(Duration.ofMinutes(60)), Instant.parse(c.getString("sla.firstResponseDueAt")));
        assertNull(c.get("sla.firstResponseAt"));
        assertEquals(false, c.getBoolean("sla.breached"));
        assertNull(c.get("resolvedAt"));
        assertTrue(c.getMap("").keySet().containsAll(List.of("id", "customerId", "updatedAt", "resolvedAt")));

        String caseId = c.getString("id");
        List<KafkaTopics.Rec> events = awaitEvents(caseId, 2);
        assertEquals(List.of(EventTypes.CASE_OPENED, EventTypes.CASE_ASSIGNED),
                events.stream().map(KafkaTopics.Rec::ceType).toList());
        JsonNode opened = Fixtures.JSON.readTree(events.get(0).value());
        JsonNode assigned = Fixtures.JSON.readTree(events.get(1).value());
        assertEquals(1, opened.get("version").asLong());
        assertEquals("new", opened.get("status").asText());
        assertEquals(2, assigned.get("version").asLong());
        assertEquals(brand + "-ana", assigned.at("/owner/agent").asText());
        assertEquals("Cliente u1", assigned.get("customerName").asText());
        assertEquals("ext-" + mentionId, assigned.at("/mentions/0/externalId").asText());
        assertEquals("@u1", assigned.at("/mentions/0/authorHandle").asText());
        assertEquals("/routing-service", events.get(0).headers().get("ce_source"));
        assertTrue(events.get(0).headers().containsKey("ce_id"));
    }

    @Test
    void followUpOnAnotherChannelWithSameCustomerRefJoinsTheOpenCaseWithItsOwner() throws Exception {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-luis", "luis", brand + "-care", 5, true, "es").statusCode(200);

        String first = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal", "es", "crm-7"));
        JsonPath c1 = Fixtures.awaitCase(first, brand);
        String second = Fixtures.publish(Fixtures.mention(brand, "facebook", "fb-9", "question", "normal", "es",
                "crm-7"));
        JsonPath c2 = Fixtures.awaitCase(second, brand);

        assertEquals(c1.getString("id"), c2.getString("id"));
        assertEquals(c1.getString("owner.agent"), c2.getString("owner.agent"));
        assertEquals(List.of("x", "facebook"), c2.getList("mentions.channel"));

        List<KafkaTopics.Rec> events = awaitEvents(c1.getString("id"), 3);
        assertEquals(EventTypes.CASE_MENTION_ADDED, events.get(2).ceType());
        JsonNode added = Fixtures.JSON.readTree(events.get(2).value());
        assertEquals(3, added.get("version").asLong());
        assertEquals(2, added.get("mentions").size());

        given().auth().oauth2(Fixtures.agent(brand)).get("/api/v1/customers/{id}", c1.getString("customerId"))
                .then().statusCode(200)
                .body("brand", equalTo(brand))
                .body("openCaseId", equalTo(c1.getString("id")))
                .body("caseIds", equalTo(List.of(c1.getString("id"))))
                .body("identities.channel", equalTo(List.of("x", "facebook")))
                .body("identities.authorId", equalTo(List.of("u1", "fb-9")))
                .body("identities.handle", equalTo(List.of("@u1", "@fb-9")));
    }

    @Test
    void caseWaitsInDepartmentQueueWhenNoAgentHasCapacity() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 0, true, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-bob", "bob", brand + "-care", 5, true, "en").statusCode(200);

        String mentionId = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "low", "es", null));
        JsonPath c = Fixtures.awaitCase(mentionId, brand);

        assertEquals("new", c.getString("status"));
        assertEquals(brand + "-care", c.getString("owner.department"));
        assertNull(c.get("owner.agent"));
        assertTrue(c.getString("routingReason").contains("department queue"), c.getString("routingReason"));
        assertEquals(Instant.parse(c.getString("createdAt")).plus(Duration.ofMinutes(1440)),
                Instant.parse(c.getString("sla.firstResponseDueAt")));
    }

    @Test
    void brandSlaPolicySetsTheFirstResponseDueTime() {
        String brand = Fixtures.brand();
        given().auth().oauth2(Fixtures.supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("firstResponseMinutes", Map.of("critical", 5, "high", 30, "normal", 120, "low", 600)))
                .put("/api/v1/sla-policies/{brand}", brand)
                .then().statusCode(200).body("firstResponseMinutes.high", equalTo(30));

        String mentionId = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "critical", "es", null));
        JsonPath c = Fixtures.awaitCase(mentionId, brand);
        assertEquals("critical", c.getString("priority"));
        assertEquals(Instant.parse(c.getString("createdAt")).plus(Duration.ofMinutes(5)),
                Instant.parse(c.getString("sla.firstResponseDueAt")));
    }

    @Test
    void sameMentionDeliveredTwiceChangesNothing() throws Exception {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Map<String, Object> mention = Fixtures.mention(brand, "x", "u1", "complaint", "normal", "es", null);
        String id = Fixtures.publish(mention);
        Fixtures.publish(mention);
        // a later mention of the same author (same key, same partition) is routed after both copies
        String marker = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal", "es", null));
        JsonPath c = Fixtures.awaitCase(marker, brand);

        assertEquals(List.of(id, marker), c.getList("mentions.id"));
        List<KafkaTopics.Rec> events = awaitEvents(c.getString("id"), 2);
        assertEquals(List.of(EventTypes.CASE_OPENED, EventTypes.CASE_MENTION_ADDED),
                events.stream().map(KafkaTopics.Rec::ceType).toList());
    }

    @Test
    void unreadableMentionGoesToTheDeadLetterTopic() {
        String key = Fixtures.brand() + ":x:poison";
        KafkaTopics.send(EventTypes.TOPIC_MENTIONS, key, "{\"id\": \"oops\", not json");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> !KafkaTopics.read("mentions.dlq", key).isEmpty());
        assertEquals("{\"id\": \"oops\", not json", KafkaTopics.read("mentions.dlq", key).get(0).value());
    }

    @Test
    void followUpWithinSevenDaysOfResolutionReopensTheCaseWithTheSameOwner() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        String first = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal", "es", null));
        JsonPath c = Fixtures.awaitCase(first, brand);
        given().auth().oauth2(Fixtures.agent(brand)).contentType(ContentType.JSON).body(Map.of("note", "resuelto"))
                .post("/api/v1/cases/{id}/resolve", c.getString("id"))
                .then().statusCode(200).body("status", equalTo("resolved"));

        String again = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal", "es", null));
        JsonPath reopened = Fixtures.awaitCase(again, brand);
        assertEquals(c.getString("id"), reopened.getString("id"));
        assertEquals("assigned", reopened.getString("status"));
        assertEquals(brand + "-ana", reopened.getString("owner.agent"));
        assertNull(reopened.get("resolvedAt"));
        List<KafkaTopics.Rec> events = awaitEvents(c.getString("id"), 4);
        assertEquals(List.of(EventTypes.CASE_OPENED, EventTypes.CASE_ASSIGNED, EventTypes.CASE_RESOLVED,
                EventTypes.CASE_REOPENED), events.stream().map(KafkaTopics.Rec::ceType).toList());
    }

    static List<KafkaTopics.Rec> awaitEvents(String caseId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> KafkaTopics.read(EventTypes.TOPIC_CASES, caseId).size() >= count);
        return KafkaTopics.read(EventTypes.TOPIC_CASES, caseId);
    }
}
