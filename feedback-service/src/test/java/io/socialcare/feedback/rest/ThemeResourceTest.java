package io.socialcare.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ThemeResourceTest {

    /** Three themes: almond milk (3 customers), Sunday hours (2), reusable cups (1, the most recent). */
    private static String rankedBrand() {
        String brand = Mentions.uniqueBrand("rank");
        Instant t = Instant.parse("2026-11-10T09:00:00Z");
        Mentions.of(brand).author("a1").at(t).text("Deberían ofrecer leche de almendras").send();
        Mentions.of(brand).author("a2").at(t).text("Please add almond milk").send();
        Mentions.of(brand).author("a3").at(t).text("Leche de almendras en todas las tiendas").send();
        Mentions.of(brand).author("b1").at(t.plusSeconds(60)).text("Abran más temprano los domingos").send();
        Mentions.of(brand).author("b2").at(t.plusSeconds(60)).text("Please open earlier on Sundays").send();
        Mentions.of(brand).author("c1").at(t.plusSeconds(3600)).text("Vendan vasos reutilizables").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).stream()
                .mapToInt(th -> Api.intValue(th, "mentions")).sum() == 6);
        return brand;
    }

    @Test
    void ranksThemesByDistinctCustomersAndPagesWithACursor() {
        String brand = rankedBrand();
        String token = Api.pm(brand);
        JsonPath first = given().auth().oauth2(token).queryParam("brand", brand).queryParam("limit", 2)
                .when().get("/api/v1/themes").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.customers", Integer.class), contains(3, 2));
        String cursor = first.getString("nextCursor");
        assertThat(cursor, notNullValue());
        JsonPath second = given().auth().oauth2(token).queryParam("brand", brand).queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .when().get("/api/v1/themes").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.customers", Integer.class), contains(1));
        assertThat(second.getString("nextCursor"), nullValue());

        List<String> recent = given().auth().oauth2(token).queryParam("brand", brand).queryParam("sort", "recent")
                .when().get("/api/v1/themes").then().statusCode(200).extract().jsonPath().getList("items.title");
        assertThat(recent.get(0), equalTo("Vasos reutilizables"));
        List<Integer> trending = given().auth().oauth2(token).queryParam("brand", brand).queryParam("sort", "trending")
                .when().get("/api/v1/themes").then().statusCode(200).extract().jsonPath().getList("items.mentions");
        assertThat(trending, contains(3, 2, 1));
        List<Integer> byMentions = given().auth().oauth2(token).queryParam("brand", brand).queryParam("sort", "mentions")
                .queryParam("since", "2026-11-10T09:30:00Z")
                .when().get("/api/v1/themes").then().statusCode(200).extract().jsonPath().getList("items.mentions");
        assertThat(byMentions, contains(1));
    }

    @Test
    void nonAdminsSeeOnlyTheirBrands() {
        String mine = Mentions.uniqueBrand("mine");
        String theirs = Mentions.uniqueBrand("theirs");
        Mentions.of(mine).text("Deberían vender pan sin gluten").send();
        Mentions.of(theirs).text("Deberían vender pan sin gluten").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(mine).size() == 1 && Api.themes(theirs).size() == 1);

        List<String> seen = given().auth().oauth2(Tokens.token("sara", "supervisor", mine))
                .queryParam("limit", 500)
                .when().get("/api/v1/themes").then().statusCode(200).extract().jsonPath().getList("items.brand");
        assertThat(seen, hasItem(mine));
        assertThat(seen, not(hasItem(theirs)));
        given().auth().oauth2(Tokens.token("sara", "supervisor", mine)).queryParam("brand", theirs)
                .when().get("/api/v1/themes").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Api.admin()).queryParam("brand", theirs)
                .when().get("/api/v1/themes").then().statusCode(200).body("items.brand", contains(theirs));
    }

    @Test
    void anotherBrandsThemeIsNotFound() {
        String brand = Mentions.uniqueBrand("hide");
        Mentions.of(brand).text("Pongan enchufes en las mesas").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 1);
        String id = (String) Api.themes(brand).get(0).get("id");

        given().auth().oauth2(Api.pm("someone-else")).when().get("/api/v1/themes/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(Api.pm(brand)).when().get("/api/v1/themes/no-such-theme")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Api.admin()).when().get("/api/v1/themes/" + id)
                .then().statusCode(200).body("id", equalTo(id)).body("samples", not(empty()));
    }

    @Test
    void requiresATokenAndAProductRole() {
        given().when().get("/api/v1/themes").then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/themes/x").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("ana", "agent", "acme")).when().get("/api/v1/themes")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("ana", "partner", "acme")).when().get("/api/v1/themes/x")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.expired("ana", "admin")).when().get("/api/v1/themes")
                .then().statusCode(401);
    }

    @Test
    void rejectsBadParametersNamingThem() {
        String token = Api.pm("acme");
        Map<String, String> cases = Map.of(
                "sort", "popular",
                "limit", "0",
                "status", "done",
                "since", "yesterday",
                "cursor", "!!!");
        cases.forEach((param, value) -> given().auth().oauth2(token).queryParam(param, value)
                .when().get("/api/v1/themes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(param)));
        given().auth().oauth2(token).queryParam("limit", "abc").when().get("/api/v1/themes")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
        given().auth().oauth2(token).queryParam("limit", "501").when().get("/api/v1/themes")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
    }
}
