package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.EventTypes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QueueTest {

    private static JsonPath get(String brand, String caseId) {
        return given().auth().oauth2(Fixtures.supervisor(brand)).get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String route(String brand, String author) {
        return Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", author, "complaint", "normal", "es",
                null)), brand).getString("id");
    }

    @Test
    void resolvingACaseGivesTheFreedCapacityToTheLongestWaitingCase() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 1, true, "es").statusCode(200);
        String a = route(brand, "u1");
        String b = route(brand, "u2");
        String c = route(brand, "u3");
        assertEquals(brand + "-ana", get(brand, a).getString("owner.agent"));
        assertEquals("new", get(brand, b).getString("status"));
        assertEquals("new", get(brand, c).getString("status"));

        given().auth().oauth2(Fixtures.agent(brand)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cases/{id}/resolve", a).then().statusCode(200);

        JsonPath nowB = get(brand, b);
        assertEquals("assigned", nowB.getString("status"));
        assertEquals(brand + "-ana", nowB.getString("owner.agent"));
        assertTrue(nowB.getString("routingReason").contains("queue"), nowB.getString("routingReason"));
        assertEquals("new", get(brand, c).getString("status"));
        List<KafkaTopics.Rec> events = MentionRoutingTest.awaitEvents(b, 2);
        assertEquals(EventTypes.CASE_ASSIGNED, events.get(1).ceType());
    }

    @Test
    void agentBecomingAvailableTakesQueuedCasesOldestFirstUpToCapacity() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 2, false, "es").statusCode(200);
        String a = route(brand, "u1");
        String b = route(brand, "u2");
        String c = route(brand, "u3");
        assertEquals("new", get(brand, a).getString("status"));

        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 2, true, "es").statusCode(200);

        assertEquals(brand + "-ana", get(brand, a).getString("owner.agent"));
        assertEquals(brand + "-ana", get(brand, b).getString("owner.agent"));
        assertEquals("new", get(brand, c).getString("status"));

        // more capacity takes the rest
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 3, true, "es").statusCode(200);
        assertEquals(brand + "-ana", get(brand, c).getString("owner.agent"));
    }

    @Test
    void unavailableAgentsCasesMoveToAColleagueOfTheSameDepartmentOrItsQueue() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.department(brand, brand + "-other", "Other", List.of(), List.of(), 2).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-luis", "luis", brand + "-care", 1, false, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-olga", "olga", brand + "-other", 5, true, "es").statusCode(200);
        String a = route(brand, "u1");
        String b = route(brand, "u2");
        assertEquals(brand + "-ana", get(brand, a).getString("owner.agent"));
        assertEquals(brand + "-ana", get(brand, b).getString("owner.agent"));
        Fixtures.agent(brand, brand + "-luis", "luis", brand + "-care", 1, true, "es").statusCode(200);

        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, false, "es").statusCode(200);

        JsonPath nowA = get(brand, a);
        JsonPath nowB = get(brand, b);
        assertEquals(brand + "-care", nowA.getString("owner.department"));
        assertEquals(brand + "-care", nowB.getString("owner.department"));
        assertEquals(brand + "-luis", nowA.getString("owner.agent"), "the older case goes to the colleague");
        assertTrue(nowA.getString("routingReason").contains("became unavailable"), nowA.getString("routingReason"));
        assertEquals("new", nowB.getString("status"), "luis is at capacity: the department queue, never olga");
        assertNull(nowB.get("owner.agent"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> KafkaTopics.read(EventTypes.TOPIC_CASES, b)
                .stream().anyMatch(r -> r.value().contains("\"agent\":null") && r.value().contains("\"version\":3")));

        given().auth().oauth2(Fixtures.admin()).get("/api/v1/agents?brand={b}", brand).then().statusCode(200)
                .body("find { it.id == '" + brand + "-luis' }.openCases", org.hamcrest.Matchers.equalTo(1))
                .body("find { it.id == '" + brand + "-ana' }.openCases", org.hamcrest.Matchers.equalTo(0));
    }
}
