package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.EventTypes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MergeTest {

    private static JsonPath get(String brand, String path, String id) {
        return given().auth().oauth2(Fixtures.supervisor(brand)).get(path, id).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void customerRefLinkingTwoCustomersWithOpenCasesMergesIntoTheOlderCase() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        String m1 = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal", "es", null));
        JsonPath older = Fixtures.awaitCase(m1, brand);
        String m2 = Fixtures.publish(Fixtures.mention(brand, "facebook", "fb1", "complaint", "high", "es", "crm-9"));
        JsonPath younger = Fixtures.awaitCase(m2, brand);
        assertNotEquals(older.getString("id"), younger.getString("id"));
        assertNotEquals(older.getString("customerId"), younger.getString("customerId"));

        // the X author now comes with the CRM id of the Facebook customer: the same person
        String m3 = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "question", "normal", "es", "crm-9"));
        JsonPath merged = Fixtures.awaitCase(m3, brand);

        assertEquals(older.getString("id"), merged.getString("id"));
        assertEquals(Set.of(m1, m2, m3), new HashSet<>(merged.getList("mentions.id")));
        assertEquals("high", merged.getString("priority"), "the higher priority of the two cases");
        JsonPath closed = get(brand, "/api/v1/cases/{id}", younger.getString("id"));
        assertEquals("resolved", closed.getString("status"));
        assertTrue(closed.getString("routingReason").contains("merged into case " + older.getString("id")));
        assertEquals(older.getString("id"), Fixtures.awaitCase(m2, brand).getString("id"));

        JsonPath customer = get(brand, "/api/v1/customers/{id}", older.getString("customerId"));
        assertEquals(older.getString("id"), customer.getString("openCaseId"));
        assertEquals(Set.of("x", "facebook"), new HashSet<>(customer.getList("identities.channel")));
        assertEquals(Set.of(older.getString("id"), younger.getString("id")),
                new HashSet<>(customer.getList("caseIds")));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> KafkaTopics
                .read(EventTypes.TOPIC_CASES, younger.getString("id")).stream()
                .anyMatch(r -> EventTypes.CASE_RESOLVED.equals(r.ceType())));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> KafkaTopics
                .read(EventTypes.TOPIC_CASES, older.getString("id")).stream()
                .anyMatch(r -> r.value().contains(m2) && r.value().contains(m3)));
    }
}
