package io.socialcare.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialcare.contract.EventTypes;
import org.junit.jupiter.api.Test;

/** Health on the real dependencies, and business metrics that move with what happens. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksMongoDbAndKafkaAndLivenessAndStartupAnswer() {
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath();
        List<String> names = ready.getList("checks.name");
        String all = String.join("|", names).toLowerCase(Locale.ROOT);
        assertTrue(all.contains("mongodb"), "checks: " + names);
        assertTrue(names.contains("Kafka connection health check"), "checks: " + names);
        assertTrue(names.stream().anyMatch(n -> n.startsWith("SmallRye Reactive Messaging")), "checks: " + names);
        assertTrue(ready.getList("checks.status").stream().allMatch("UP"::equals), "checks: " + ready.prettify());
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void businessMetricsMoveWithWhatHappens() {
        double mentions = metric("feedback_mentions_total", "");
        double contributions = metric("feedback_contributions_total", "");
        double opened = metric("feedback_themes_opened_total", "");
        double shipped = metric("feedback_themes_shipped_total", "");

        String brand = Mentions.uniqueBrand("metrics");
        Mentions.of(brand).author("ana").text("Deberían ofrecer leche de almendras").send();
        Mentions.of(brand).author("bea").text("Please add almond milk").send();
        Mentions.of(brand).author("cris").intent("praise").text("Me encanta el café").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.counted(brand) == 3
                && Api.themes(brand).size() == 1 && Api.intValue(Api.themes(brand).get(0), "mentions") == 2);
        // other tests' mentions may be counted meanwhile: at least ours moved the counters
        assertTrue(metric("feedback_mentions_total", "") >= mentions + 3);
        assertTrue(metric("feedback_contributions_total", "") >= contributions + 2);
        assertTrue(metric("feedback_themes_opened_total", "") >= opened + 1);

        String id = (String) Api.themes(brand).get(0).get("id");
        given().auth().oauth2(Api.pm(brand)).contentType(ContentType.JSON).body("{\"status\":\"shipped\"}")
                .when().patch("/api/v1/themes/" + id).then().statusCode(200);
        given().auth().oauth2(Api.pm(brand)).contentType(ContentType.JSON).body("{\"status\":\"shipped\"}")
                .when().patch("/api/v1/themes/" + id).then().statusCode(200);
        assertEquals(shipped + 1, metric("feedback_themes_shipped_total", ""), "shipping twice counts once");
    }

    @Test
    void unreadableRecordsAreCountedAsDeadLetters() {
        String dlq = "topic=\"mentions.dlq\"";
        double before = metric("dead_letter_records_total", dlq);
        TestKafka.send(EventTypes.TOPIC_MENTIONS, "k-" + UUID.randomUUID(), "not json");
        await().atMost(Duration.ofSeconds(20)).until(() -> metric("dead_letter_records_total", dlq) >= before + 1);
    }

    @Test
    void theConsumerLagOfTheMentionsTopicIsExposed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> metrics().lines()
                .anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max")));
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of the Prometheus samples named {@code name} whose labels contain {@code label}. */
    static double metric(String name, String label) {
        double sum = 0;
        for (String line : metrics().split("\n")) {
            boolean labelled = line.startsWith(name + "{") && line.contains(label);
            boolean bare = label.isEmpty() && line.startsWith(name + " ");
            if (labelled || bare) {
                // "name{labels} value" possibly followed by an exemplar "# {trace_id=...} value timestamp"
                String rest = labelled ? line.substring(line.indexOf("} ") + 2) : line.substring(name.length());
                sum += Double.parseDouble(rest.trim().split(" ")[0]);
            }
        }
        return sum;
    }
}
