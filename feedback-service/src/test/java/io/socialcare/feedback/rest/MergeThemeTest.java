package io.socialcare.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MergeThemeTest {

    private static String themeWith(String brand, String keyword) {
        return Api.themes(brand).stream()
                .filter(t -> ((List<?>) t.get("keywords")).contains(keyword))
                .map(t -> (String) t.get("id"))
                .findFirst().orElseThrow();
    }

    @Test
    void mergeMovesContributionsAndAggregatesAndNewMentionsFollow() {
        String brand = Mentions.uniqueBrand("merge");
        Mentions.of(brand).author("ana").channel("x").text("Deberían abrir más temprano los domingos").send();
        Mentions.of(brand).author("bea").channel("x").text("Please open earlier on Sundays").send();
        Mentions.of(brand).author("ana").channel("x").text("Que el horario del sábado sea más amplio").send();
        Mentions.of(brand).author("cris").channel("facebook").text("Horario de sábado más largo, por favor").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 2
                && Api.themes(brand).stream().mapToInt(t -> Api.intValue(t, "mentions")).sum() == 4);
        String sundays = themeWith(brand, "sunday");
        String saturdays = themeWith(brand, "saturday");

        given().auth().oauth2(Api.pm(brand)).contentType(ContentType.JSON).body("{\"into\":\"" + sundays + "\"}")
                .when().post("/api/v1/themes/" + saturdays + "/merge")
                .then().statusCode(200)
                .body("id", equalTo(sundays))
                .body("mentions", equalTo(4))
                .body("customers", equalTo(3))
                .body("channels.x", equalTo(3))
                .body("channels.facebook", equalTo(1));

        List<Map<String, Object>> themes = Api.themes(brand);
        assertThat(themes.stream().map(t -> t.get("id")).toList(), contains(sundays));
        JsonPath merged = Api.theme(brand, saturdays);
        assertThat(merged.getString("mergedInto"), equalTo(sundays));

        // stays merged: a new Saturday suggestion joins the target, and the merged theme cannot change
        Mentions.of(brand).author("dani").text("Horario de sábado más amplio").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.intValue(Api.themes(brand).get(0), "mentions") == 5);
        assertThat(Api.themes(brand).size(), equalTo(1));
        given().auth().oauth2(Api.pm(brand)).contentType(ContentType.JSON).body("{\"status\":\"planned\"}")
                .when().patch("/api/v1/themes/" + saturdays).then().statusCode(409);
        given().auth().oauth2(Api.pm(brand)).contentType(ContentType.JSON).body("{\"into\":\"" + saturdays + "\"}")
                .when().post("/api/v1/themes/" + sundays + "/merge").then().statusCode(409);
    }

    @Test
    void rejectsInvalidMerges() {
        String brand = Mentions.uniqueBrand("nomerge");
        String other = Mentions.uniqueBrand("nomerge-other");
        Mentions.of(brand).text("Pongan wifi gratis").send();
        Mentions.of(other).text("Pongan wifi gratis").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 1 && Api.themes(other).size() == 1);
        String id = (String) Api.themes(brand).get(0).get("id");
        String otherId = (String) Api.themes(other).get(0).get("id");
        String token = Api.pm(brand);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/themes/" + id + "/merge")
                .then().statusCode(400).body("violations.field", hasItem("into"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"into\":{\"$ne\":null}}")
                .when().post("/api/v1/themes/" + id + "/merge")
                .then().statusCode(400).body("violations.field", hasItem("into"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"into\":\"" + id + "\"}")
                .when().post("/api/v1/themes/" + id + "/merge")
                .then().statusCode(400).body("violations.field", hasItem("into"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"into\":\"" + otherId + "\"}")
                .when().post("/api/v1/themes/" + id + "/merge").then().statusCode(404);
        given().auth().oauth2(Api.admin()).contentType(ContentType.JSON).body("{\"into\":\"" + otherId + "\"}")
                .when().post("/api/v1/themes/" + id + "/merge").then().statusCode(409);
        given().auth().oauth2(Tokens.token("sara", "supervisor", brand)).contentType(ContentType.JSON)
                .body("{\"into\":\"" + otherId + "\"}")
                .when().post("/api/v1/themes/" + id + "/merge").then().statusCode(403);
        assertThat(Api.themes(brand).size(), equalTo(1));
    }
}
