package io.socialcare.listening.service;

import static io.restassured.RestAssured.given;
import static io.socialcare.listening.Fixtures.admin;
import static io.socialcare.listening.Fixtures.brand;
import static io.socialcare.listening.Fixtures.mention;
import static io.socialcare.listening.Fixtures.partner;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialcare.listening.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CrisisDetectorTest {

    @Test
    void aSpikeOfNegativeMentionsMakesThemCriticalAndRaisesOneAlert() {
        String brand = brand();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            batch.add(mention(brand, "Otra vez sin servicio, qué vergüenza " + i));
        }
        List<String> ids = given().auth().oauth2(partner(brand)).contentType(ContentType.JSON)
                .body(Map.of("mentions", batch)).when().post("/api/v1/mentions/batch").then().statusCode(200)
                .extract().path("results.id");
        List<String> urgencies = new ArrayList<>();
        for (String id : ids) {
            urgencies.add(given().auth().oauth2(admin()).when().get("/api/v1/mentions/" + id).then()
                    .statusCode(200).extract().path("analysis.urgency"));
        }
        assertEquals(false, urgencies.subList(0, 19).contains("critical"), urgencies::toString);
        assertEquals(List.of("critical"), urgencies.subList(19, 24).stream().distinct().toList(),
                urgencies::toString);

        try (TopicReader reader = new TopicReader("alerts")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> assertEquals(1, reader.poll().stream().filter(r -> brand.equals(r.key())).count()));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(
                    () -> assertEquals(1, reader.poll().stream().filter(r -> brand.equals(r.key())).count()));
            ConsumerRecord<String, String> alert = reader.poll().stream().filter(r -> brand.equals(r.key()))
                    .findFirst().orElseThrow();
            assertEquals("crisis.detected", TopicReader.header(alert, "ce_type"));
            assertEquals(true, alert.value().contains("\"negativeInWindow\":20"), alert.value());
            assertEquals(true, alert.value().contains(ids.get(19)), alert.value());
        }
    }

    @Test
    void aBatchSentAgainIsNotCountedTwice() {
        String brand = brand();
        List<Map<String, Object>> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(mention(brand, "Otra vez sin servicio, qué vergüenza " + i));
        }
        List<String> firstIds = given().auth().oauth2(partner(brand)).contentType(ContentType.JSON)
                .body(Map.of("mentions", first)).when().post("/api/v1/mentions/batch").then().statusCode(200)
                .extract().path("results.id");
        // the partner re-sends the same ten (a retry after a timeout) with nine new ones: 19 negative mentions in
        // all, under the 20 a crisis needs; counted twice they would be 29
        List<Map<String, Object>> again = new ArrayList<>(first);
        for (int i = 0; i < 9; i++) {
            again.add(mention(brand, "Sigo sin servicio, qué vergüenza " + i));
        }
        JsonPath answer = given().auth().oauth2(partner(brand)).contentType(ContentType.JSON)
                .body(Map.of("mentions", again)).when().post("/api/v1/mentions/batch").then().statusCode(200)
                .extract().jsonPath();
        List<String> statuses = answer.getList("results.status");
        List<String> ids = answer.getList("results.id");
        assertEquals(List.of("duplicate"), statuses.subList(0, 10).stream().distinct().toList(), statuses::toString);
        assertEquals(List.of("accepted"), statuses.subList(10, 19).stream().distinct().toList(), statuses::toString);
        assertEquals(firstIds, ids.subList(0, 10));
        for (String id : ids.subList(10, 19)) {
            assertNotEquals("critical", given().auth().oauth2(admin()).when().get("/api/v1/mentions/" + id).then()
                    .statusCode(200).extract().path("analysis.urgency"), id);
        }
    }

    @Test
    void positiveMentionsNeverMakeACrisis() {
        String brand = brand();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            batch.add(mention(brand, "Me encanta el servicio " + i));
        }
        List<String> ids = given().auth().oauth2(partner(brand)).contentType(ContentType.JSON)
                .body(Map.of("mentions", batch)).when().post("/api/v1/mentions/batch").then().statusCode(200)
                .extract().path("results.id");
        assertEquals("low", given().auth().oauth2(admin()).when().get("/api/v1/mentions/" + ids.get(21)).then()
                .extract().path("analysis.urgency"));
    }
}
