package io.socialcare.listening;

import static io.restassured.RestAssured.given;
import static io.socialcare.listening.Fixtures.brand;
import static io.socialcare.listening.Fixtures.mention;
import static io.socialcare.listening.Fixtures.partner;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Health on the real dependencies, business metrics and trace propagation to the records this service writes. */
@QuarkusTest
class OperationsTest {

    private static double captured(String channel) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("socialcare_mentions_captured_total{")
                    && line.contains("channel=\"" + channel + "\"")) {
                // "name{labels} value" possibly followed by an exemplar ("# {trace_id=...} 1.0 <time>")
                String value = line.substring(line.indexOf('}') + 1).trim().split("\\s+")[0];
                sum += Double.parseDouble(value);
            }
        }
        return sum;
    }

    @Test
    void countsCapturedMentionsByChannel() {
        String brand = brand();
        double before = captured("instagram");
        Map<String, Object> body = mention(brand, "Me encanta la tienda nueva");
        body.put("channel", "instagram");
        body.put("url", "https://instagram.com/p/1");
        given().auth().oauth2(partner(brand)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/mentions").then().statusCode(202);
        assertEquals(before + 1, captured("instagram"));
    }

    @Test
    void readinessReportsTheStoreKafkaAndTheOutbox() {
        List<String> names = given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP")).extract().path("checks.name");
        String all = String.join("|", names).toLowerCase(Locale.ROOT);
        assertTrue(all.contains("mongodb"), names::toString);
        assertTrue(all.contains("messaging"), names::toString);
        assertTrue(all.contains("mention-outbox"), names::toString);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void aPublishedMentionCarriesTheTraceOfTheRequestThatCapturedIt() {
        String brand = brand();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = given().auth().oauth2(partner(brand)).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(mention(brand, "Consulta sobre la tarifa")).when().post("/api/v1/mentions").then()
                .statusCode(202).extract().path("id");
        try (TopicReader reader = new TopicReader("mentions")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !reader.containing(id).isEmpty());
            ConsumerRecord<String, String> record = reader.containing(id).get(0);
            String traceparent = TopicReader.header(record, "traceparent");
            assertNotNull(traceparent, "no traceparent header on the record");
            assertEquals(traceId, traceparent.split("-")[1], traceparent);
        }
    }
}
