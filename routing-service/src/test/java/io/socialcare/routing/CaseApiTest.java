package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.EventTypes;
import io.socialcare.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseApiTest {

    /** A brand with departments care (1), billing (2), legal (3), one agent each, and one routed case in care. */
    private record World(String brand, String caseId, String customerId) {
    }

    private World world() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.department(brand, brand + "-billing", "Billing", List.of("suggestion"), List.of(), 2)
                .statusCode(200);
        Fixtures.department(brand, brand + "-legal", "Legal", List.of("suggestion"), List.of(), 3).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-ben", "ben", brand + "-billing", 5, true, "es").statusCode(200);
        Fixtures.agent(brand, brand + "-lea", "lea", brand + "-legal", 5, true, "es").statusCode(200);
        String mentionId = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal", "es", null));
        JsonPath c = Fixtures.awaitCase(mentionId, brand);
        return new World(brand, c.getString("id"), c.getString("customerId"));
    }

    private static io.restassured.response.Response transfer(String token, String caseId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/{id}/transfers", caseId);
    }

    @Test
    void transferMovesTheCaseToTheOtherDepartmentAndRecordsIt() {
        World w = world();
        transfer(Fixtures.agent(w.brand()), w.caseId(), Map.of("toDepartment", w.brand() + "-billing",
                "reason", "es un cobro duplicado"))
                .then().statusCode(200)
                .body("owner.department", equalTo(w.brand() + "-billing"))
                .body("owner.agent", equalTo(w.brand() + "-ben"))
                .body("status", equalTo("assigned"))
                .body("transfers", hasSize(1))
                .body("transfers[0].from", equalTo(w.brand() + "-care"))
                .body("transfers[0].to", equalTo(w.brand() + "-billing"))
                .body("transfers[0].reason", equalTo("es un cobro duplicado"))
                .body("transfers[0].by", equalTo("ana"))
                .body("transfers[0].at", notNullValue())
                .body("routingReason", containsString("transferred from"));
        List<KafkaTopics.Rec> events = MentionRoutingTest.awaitEvents(w.caseId(), 3);
        assertEquals(EventTypes.CASE_TRANSFERRED, events.get(2).ceType());
    }

    @Test
    void rejectsTransferBackToPreviousDepartmentUnlessASupervisorForcesIt() {
        World w = world();
        transfer(Fixtures.agent(w.brand()), w.caseId(), Map.of("toDepartment", w.brand() + "-billing",
                "reason", "cobro")).then().statusCode(200);
        transfer(Fixtures.agent(w.brand()), w.caseId(), Map.of("toDepartment", w.brand() + "-care",
                "reason", "no es nuestro"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ping-pong"));
        transfer(Fixtures.agent(w.brand()), w.caseId(), Map.of("toDepartment", w.brand() + "-care",
                "reason", "no es nuestro", "force", true))
                .then().statusCode(403).contentType("application/problem+json");
        transfer(Fixtures.supervisor(w.brand()), w.caseId(), Map.of("toDepartment", w.brand() + "-care",
                "reason", "lo decide la supervisora", "force", true))
                .then().statusCode(200)
                .body("owner.department", equalTo(w.brand() + "-care"))
                .body("transfers", hasSize(2));

        given().auth().oauth2(Fixtures.supervisor(w.brand())).get("/api/v1/stats?brand={b}", w.brand())
                .then().statusCode(200)
                .body("cases", equalTo(1))
                .body("transfers", equalTo(2))
                .body("pingPongRefused", equalTo(1))
                .body("firstResponse.breached", equalTo(0));
    }

    @Test
    void transferNeedsAReasonAndAKnownDepartment() {
        World w = world();
        transfer(Fixtures.agent(w.brand()), w.caseId(), Map.of("toDepartment", w.brand() + "-billing"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));
        transfer(Fixtures.agent(w.brand()), w.caseId(), Map.of("toDepartment", "nowhere", "reason", "x"))
                .then().statusCode(400).body("violations.field", hasItem("toDepartment"));
        transfer(Fixtures.agent(w.brand()), w.caseId(), Map.of("toDepartment", Map.of("$gt", ""), "reason", "x"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("toDepartment"));
    }

    @Test
    void moreThanThreeTransfersNeedASupervisor() {
        World w = world();
        String agent = Fixtures.agent(w.brand());
        String sup = Fixtures.supervisor(w.brand());
        transfer(agent, w.caseId(), Map.of("toDepartment", w.brand() + "-billing", "reason", "1")).then()
                .statusCode(200);
        transfer(agent, w.caseId(), Map.of("toDepartment", w.brand() + "-legal", "reason", "2")).then()
                .statusCode(200);
        transfer(sup, w.caseId(), Map.of("toDepartment", w.brand() + "-care", "reason", "3", "force", true)).then()
                .statusCode(200);
        transfer(agent, w.caseId(), Map.of("toDepartment", w.brand() + "-billing", "reason", "4", "force", false))
                .then().statusCode(403).body("detail", containsString("supervisor"));
        transfer(sup, w.caseId(), Map.of("toDepartment", w.brand() + "-billing", "reason", "4", "force", true))
                .then().statusCode(200).body("transfers", hasSize(4));
    }

    @Test
    void casesNeedATokenAndTheRightRoleAndStayInsideTheBrand() {
        World w = world();
        given().get("/api/v1/cases/{id}", w.caseId()).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("pia", "partner", w.brand())).get("/api/v1/cases/{id}", w.caseId())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.agent("otherbrand")).get("/api/v1/cases/{id}", w.caseId())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.agent("otherbrand")).get("/api/v1/customers/{id}", w.customerId())
                .then().statusCode(404);
        transfer(Fixtures.agent("otherbrand"), w.caseId(), Map.of("toDepartment", w.brand() + "-billing",
                "reason", "x")).then().statusCode(404);
        given().auth().oauth2(Fixtures.agent("otherbrand")).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cases/{id}/resolve", w.caseId()).then().statusCode(404);
        given().auth().oauth2(Fixtures.agent(w.brand())).get("/api/v1/cases/{id}", UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(Fixtures.agent(w.brand())).get("/api/v1/cases/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(Fixtures.agent(w.brand())).get("/api/v1/cases/by-mention/{id}", "never-routed")
                .then().statusCode(404);
        given().auth().oauth2(Fixtures.agent(w.brand())).get("/api/v1/cases/{id}", w.caseId())
                .then().statusCode(200).body("id", equalTo(w.caseId()));
    }

    @Test
    void configurationIsForAdminsAndSupervisorsOfTheBrand() {
        String brand = Fixtures.brand();
        Map<String, Object> dept = Map.of("brand", brand, "name", "Care", "intents", List.of("complaint"),
                "topics", List.of(), "languages", List.of("es"));
        given().contentType(ContentType.JSON).body(dept).put("/api/v1/departments/{id}", brand + "-d")
                .then().statusCode(401);
        given().auth().oauth2(Fixtures.agent(brand)).contentType(ContentType.JSON).body(dept)
                .put("/api/v1/departments/{id}", brand + "-d").then().statusCode(403);
        given().auth().oauth2(Fixtures.supervisor("otherbrand")).contentType(ContentType.JSON).body(dept)
                .put("/api/v1/departments/{id}", brand + "-d").then().statusCode(403);
        given().auth().oauth2(Fixtures.supervisor(brand)).contentType(ContentType.JSON).body(dept)
                .put("/api/v1/departments/{id}", brand + "-d").then().statusCode(200)
                .body("id", equalTo(brand + "-d")).body("intents", equalTo(List.of("complaint")))
                .body("position", equalTo(1));
        given().auth().oauth2(Fixtures.supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "name", "", "intents", List.of("angry"), "languages", List.of("1")))
                .put("/api/v1/departments/{id}", brand + "-d").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("intents[0]"))
                .body("violations.field", hasItem("languages[0]"));
        given().auth().oauth2(Fixtures.supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "name", "ana", "department", "nowhere", "capacity", 3))
                .put("/api/v1/agents/{id}", brand + "-ana").then().statusCode(400)
                .body("violations.field", hasItem("department"));
        given().auth().oauth2(Fixtures.supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "name", "ana", "department", brand + "-d"))
                .put("/api/v1/agents/{id}", brand + "-ana").then().statusCode(400)
                .body("violations.field", hasItem("capacity"));
        given().auth().oauth2(Fixtures.supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", Map.of("$gt", ""), "name", "ana", "department", brand + "-d", "capacity", 3))
                .put("/api/v1/agents/{id}", brand + "-ana").then().statusCode(400)
                .body("violations.field", hasItem("brand"));
        given().auth().oauth2(Fixtures.supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "name", "ana", "department", brand + "-d", "capacity", 3,
                        "languages", List.of("es"), "available", true))
                .put("/api/v1/agents/{id}", brand + "-ana").then().statusCode(200)
                .body("capacity", equalTo(3)).body("available", equalTo(true));
        given().auth().oauth2(Fixtures.supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("firstResponseMinutes", Map.of("critical", 0, "high", 30, "normal", 60)))
                .put("/api/v1/sla-policies/{brand}", brand).then().statusCode(400)
                .body("violations.field", hasItem("firstResponseMinutes.critical"))
                .body("violations.field", hasItem("firstResponseMinutes.low"));
        given().auth().oauth2(Fixtures.agent(brand)).contentType(ContentType.JSON)
                .body(Map.of("firstResponseMinutes", Map.of("critical", 5, "high", 30, "normal", 60, "low", 90)))
                .put("/api/v1/sla-policies/{brand}", brand).then().statusCode(403);
    }

    @Test
    void resolveClosesTheCaseOnceAndPublishesIt() {
        World w = world();
        given().auth().oauth2(Fixtures.agent(w.brand())).contentType(ContentType.JSON).body(Map.of("note", "hecho"))
                .post("/api/v1/cases/{id}/resolve", w.caseId())
                .then().statusCode(200).body("status", equalTo("resolved")).body("resolvedAt", notNullValue());
        given().auth().oauth2(Fixtures.agent(w.brand())).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cases/{id}/resolve", w.caseId()).then().statusCode(200);
        List<KafkaTopics.Rec> events = MentionRoutingTest.awaitEvents(w.caseId(), 3);
        assertEquals(List.of(EventTypes.CASE_OPENED, EventTypes.CASE_ASSIGNED, EventTypes.CASE_RESOLVED),
                events.stream().map(KafkaTopics.Rec::ceType).toList());
        given().auth().oauth2(Fixtures.agent(w.brand())).get("/api/v1/customers/{id}", w.customerId())
                .then().statusCode(200).body("openCaseId", nullValue()).body("caseIds", equalTo(List.of(w.caseId())));
    }

    @Test
    void replySentSetsTheFirstResponseOnceAndFeedsTheStats() {
        World w = world();
        Instant at = Instant.now().plusSeconds(90).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String sent = Fixtures.json(Map.of("type", "reply.sent", "id", UUID.randomUUID().toString(),
                "caseId", w.caseId(), "brand", w.brand(), "status", "sent", "at", at.toString()));
        KafkaTopics.send(EventTypes.TOPIC_REPLIES, w.caseId(), sent);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(Fixtures.agent(w.brand())).get("/api/v1/cases/{id}", w.caseId())
                        .jsonPath().get("sla.firstResponseAt") != null);
        // a later reply (and a redelivery) does not move the first response
        String later = Fixtures.json(Map.of("type", "reply.sent", "id", UUID.randomUUID().toString(),
                "caseId", w.caseId(), "brand", w.brand(), "status", "sent", "at", at.plusSeconds(600).toString()));
        KafkaTopics.send(EventTypes.TOPIC_REPLIES, w.caseId(), later);
        KafkaTopics.send(EventTypes.TOPIC_REPLIES, w.caseId(), sent);
        String marker = UUID.randomUUID().toString();
        KafkaTopics.send(EventTypes.TOPIC_REPLIES, w.caseId(), "not json " + marker);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> KafkaTopics.read("replies.dlq", w.caseId()).stream()
                        .anyMatch(r -> r.value().contains(marker)));
        JsonPath c = given().auth().oauth2(Fixtures.agent(w.brand())).get("/api/v1/cases/{id}", w.caseId())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(at, Instant.parse(c.getString("sla.firstResponseAt")));
        assertEquals(false, c.getBoolean("sla.breached"));

        JsonPath stats = given().auth().oauth2(Fixtures.supervisor(w.brand()))
                .get("/api/v1/stats?brand={b}&since={s}", w.brand(), Instant.now().minusSeconds(3600).toString())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, stats.getInt("cases"));
        double p50 = stats.getDouble("firstResponse.p50Seconds");
        assertEquals(true, p50 > 60 && p50 < 200, "p50 " + p50);
        assertEquals(p50, stats.getDouble("firstResponse.p90Seconds"), 0.01);
    }

    @Test
    void statsNeedABrandInScopeAndAValidSince() {
        String brand = Fixtures.brand();
        given().auth().oauth2(Fixtures.supervisor(brand)).get("/api/v1/stats").then().statusCode(400)
                .body("violations.field", hasItem("brand"));
        given().auth().oauth2(Fixtures.supervisor(brand)).get("/api/v1/stats?brand={b}&since=yesterday", brand)
                .then().statusCode(400).body("violations.field", hasItem("since"));
        given().auth().oauth2(Fixtures.supervisor(brand)).get("/api/v1/stats?brand=other").then().statusCode(403);
        given().auth().oauth2(Fixtures.agent(brand)).get("/api/v1/stats?brand={b}", brand).then().statusCode(403);
        given().auth().oauth2(Fixtures.supervisor(brand)).get("/api/v1/stats?brand={b}", brand).then()
                .statusCode(200).body("cases", equalTo(0)).body("firstResponse.p50Seconds", nullValue());
    }

    @Test
    void listsCasesNewestFirstWithFiltersAndCursor() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 2, true, "es").statusCode(200);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Fixtures.awaitCase(Fixtures.publish(Fixtures.mention(brand, "x", "u" + i, "complaint", "normal",
                    "es", null)), brand).getString("id"));
        }
        String token = Fixtures.agent(brand);
        JsonPath page1 = given().auth().oauth2(token).get("/api/v1/cases?brand={b}&limit=2", brand)
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().jsonPath();
        JsonPath page2 = given().auth().oauth2(token)
                .get("/api/v1/cases?brand={b}&limit=2&cursor={c}", brand, page1.getString("nextCursor"))
                .then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertNull(page2.get("nextCursor"));
        Set<String> seen = new HashSet<>(page1.getList("items.id"));
        seen.addAll(page2.getList("items.id"));
        assertEquals(ids, seen);
        assertNotEquals(page1.getString("items[0].id"), page2.getString("items[0].id"));
        given().auth().oauth2(token).get("/api/v1/cases?brand={b}&status=new", brand)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].owner.agent", nullValue());
        given().auth().oauth2(token).get("/api/v1/cases?brand={b}&agent={a}", brand, brand + "-ana")
                .then().statusCode(200).body("items", hasSize(2));
        // without a brand filter an agent sees their brands only
        given().auth().oauth2(token).get("/api/v1/cases?limit=500").then().statusCode(200)
                .body("items.brand", everyItemIs(brand));
        given().auth().oauth2(token).get("/api/v1/cases?brand={b}&status=open", brand).then().statusCode(400)
                .body("violations.field", hasItem("status"));
        given().auth().oauth2(token).get("/api/v1/cases?brand={b}&limit=0", brand).then().statusCode(400)
                .body("violations.field", hasItem("limit"));
        given().auth().oauth2(token).get("/api/v1/cases?brand={b}&limit=501", brand).then().statusCode(400);
        given().auth().oauth2(token).get("/api/v1/cases?brand={b}&cursor=zzz", brand).then().statusCode(400)
                .body("violations.field", hasItem("cursor"));
        given().auth().oauth2(token).get("/api/v1/cases?brand=other").then().statusCode(403);
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/cases/{id}/transfers"));
        given().get("/q/metrics").then().statusCode(200);
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
