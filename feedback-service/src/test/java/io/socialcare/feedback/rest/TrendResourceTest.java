package io.socialcare.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrendResourceTest {

    @Test
    void countsMentionsPerDayAndWeekByIntentAndSentiment() {
        String brand = Mentions.uniqueBrand("trend");
        Instant monday = Instant.parse("2026-11-16T08:00:00Z");
        Mentions.of(brand).at(monday).intent("suggestion").score(0.5).text("Leche de coco, por favor").send();
        Mentions.of(brand).at(monday.plusSeconds(3600)).intent("complaint").score(-0.7).text("Muy mal servicio").send();
        Mentions.of(brand).at(monday.plus(Duration.ofDays(2))).intent("praise").score(0.9).text("¡Gracias!").send();
        Mentions.of(brand).at(monday.plus(Duration.ofDays(7))).intent("question").score(0).text("¿Abren hoy?").send();
        String since = "2026-11-16T00:00:00Z";
        String until = "2026-11-30T00:00:00Z";
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Api.pm(brand))
                .queryParam("brand", brand).queryParam("interval", "week").queryParam("since", since)
                .queryParam("until", until)
                .when().get("/api/v1/trends").then().statusCode(200).extract().jsonPath()
                .getList("buckets.mentions", Integer.class).equals(java.util.List.of(3, 1)));

        given().auth().oauth2(Api.pm(brand)).queryParam("brand", brand).queryParam("interval", "week")
                .queryParam("since", since).queryParam("until", until)
                .when().get("/api/v1/trends").then().statusCode(200)
                .body("interval", equalTo("week"))
                .body("buckets.start", contains("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z"))
                .body("buckets[0].intents.suggestion", equalTo(1))
                .body("buckets[0].intents.complaint", equalTo(1))
                .body("buckets[0].intents.praise", equalTo(1))
                .body("buckets[0].intents.question", equalTo(0))
                .body("buckets[0].sentiments.negative", equalTo(1))
                .body("buckets[0].sentiments.positive", equalTo(2))
                .body("buckets[1].intents.question", equalTo(1));
        given().auth().oauth2(Api.pm(brand)).queryParam("brand", brand).queryParam("interval", "day")
                .queryParam("since", since).queryParam("until", "2026-11-19T00:00:00Z")
                .when().get("/api/v1/trends").then().statusCode(200)
                .body("buckets.mentions", contains(2, 0, 1));
    }

    @Test
    void rejectsBadParametersAndForeignBrands() {
        String token = Api.pm("acme");
        given().auth().oauth2(token).queryParam("interval", "month").when().get("/api/v1/trends")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("interval"));
        given().auth().oauth2(token).queryParam("since", "2026-13-01").when().get("/api/v1/trends")
                .then().statusCode(400).body("violations.field", hasItem("since"));
        given().auth().oauth2(token).queryParam("since", "2026-11-20T00:00:00Z").queryParam("until", "2026-11-19T00:00:00Z")
                .when().get("/api/v1/trends").then().statusCode(400).body("violations.field", hasItem("until"));
        given().auth().oauth2(token).queryParam("since", "2000-01-01T00:00:00Z").when().get("/api/v1/trends")
                .then().statusCode(400).body("violations.field", hasItem("since"));
        given().auth().oauth2(token).queryParam("brand", "zeta").when().get("/api/v1/trends").then().statusCode(403);
        given().auth().oauth2(Tokens.token("ana", "agent", "acme")).when().get("/api/v1/trends").then().statusCode(403);
        given().when().get("/api/v1/trends").then().statusCode(401);
    }
}
