package io.socialcare.listening.rest;

import static io.restassured.RestAssured.given;
import static io.socialcare.listening.Fixtures.admin;
import static io.socialcare.listening.Fixtures.brand;
import static io.socialcare.listening.Fixtures.mention;
import static io.socialcare.listening.Fixtures.partner;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socialcare.listening.TopicReader;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MentionResourceTest {

    private static ValidatableResponse post(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/mentions").then();
    }

    @Test
    void acceptsAMentionStoresItWithItsAnalysisAndAnswersWithItsLocation() {
        String brand = brand("fibra");
        Map<String, Object> body = mention(brand, "Qué maravilla, otra vez sin conexión en la fibra");
        body.put("lang", "es");
        body.put("customerRef", "crm-42");
        String id = post(partner(brand), body)
                .statusCode(202)
                .header("Location", notNullValue())
                .body("status", equalTo("accepted"))
                .body("id", notNullValue())
                .extract().path("id");
        // Location ends with the id
        given().auth().oauth2(Tokens.token("eva", "agent", brand)).when().get("/api/v1/mentions/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("brand", equalTo(brand))
                .body("externalId", equalTo(body.get("externalId")))
                .body("threadId", equalTo(body.get("externalId")))
                .body("customerRef", equalTo("crm-42"))
                .body("author.handle", equalTo("@cliente"))
                .body("capturedAt", notNullValue())
                .body("analysis.language", equalTo("es"))
                .body("analysis.sentiment.label", equalTo("negative"))
                .body("analysis.intent", equalTo("complaint"))
                .body("analysis.topics", hasItems("fibra", "connection"));
    }

    @Test
    void answersLocationOfTheNewMention() {
        String brand = brand();
        var response = post(partner(brand), mention(brand, "Hola")).statusCode(202).extract();
        String id = response.path("id");
        assertEquals(true, response.header("Location").endsWith("/api/v1/mentions/" + id));
    }

    @Test
    void sameChannelAndExternalIdIsADuplicateWithTheFirstIdAndPublishesNothing() {
        String brand = brand();
        Map<String, Object> body = mention(brand, "Mi pedido no llega");
        String first = post(partner(brand), body).statusCode(202).extract().path("id");
        body.put("text", "Mi pedido no llega (editado)");
        post(partner(brand), body).statusCode(200)
                .body("status", equalTo("duplicate"))
                .body("id", equalTo(first));
        // the same externalId on another channel is another post
        body.put("channel", "facebook");
        String other = post(partner(brand), body).statusCode(202).extract().path("id");
        assertNotEquals(first, other);

        try (TopicReader reader = new TopicReader("mentions")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> assertEquals(1, reader.containing(other).size()));
            assertEquals(1, reader.containing(first).size(), "the duplicate published a second record");
        }
    }

    @Test
    void rejectsInvalidFieldsNamingEachOne() {
        String brand = brand();
        Map<String, Object> body = new HashMap<>();
        body.put("brand", brand);
        body.put("channel", "myspace");
        body.put("externalId", "x".repeat(201));
        body.put("author", Map.of("name", "Sin id"));
        body.put("text", "");
        body.put("url", "ftp://example.com/a");
        body.put("publishedAt", Instant.now().plus(Duration.ofMinutes(10)).toString());
        body.put("lang", "spanish");
        post(partner(brand), body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("channel", "externalId", "author.id", "author.handle",
                        "text", "url", "publishedAt", "lang"));
    }

    @Test
    void rejectsMissingRequiredFields() {
        String brand = brand();
        post(partner(brand), Map.of("brand", brand))
                .statusCode(400)
                .body("violations.field", hasItems("channel", "externalId", "author", "text", "publishedAt"));
        post(admin(), Map.of("text", "hola"))
                .statusCode(400)
                .body("violations.field", hasItem("brand"));
    }

    @Test
    void rejectsOperatorShapedValuesNamingTheField() {
        String brand = brand();
        Map<String, Object> body = mention(brand, "hola");
        body.put("externalId", Map.of("$gt", ""));
        post(partner(brand), body).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("externalId"));
    }

    @Test
    void rejectsABrandThatIsNotConfigured() {
        post(admin(), mention("no-such-brand", "hola"))
                .statusCode(400)
                .body("violations.field", hasItem("brand"));
    }

    @Test
    void forbidsWritingIntoABrandOutsideTheTokensScope() {
        String mine = brand();
        String theirs = brand();
        post(partner(mine), mention(theirs, "hola")).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void requiresATokenAndTheRightRole() {
        String brand = brand();
        given().contentType(ContentType.JSON).body(mention(brand, "hola")).when().post("/api/v1/mentions")
                .then().statusCode(401).contentType("application/problem+json");
        post(Tokens.token("eva", "agent", brand), mention(brand, "hola")).statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/api/v1/mentions").then().statusCode(401);
    }

    @Test
    void rejectsANonJsonContentType() {
        String brand = brand();
        given().auth().oauth2(partner(brand)).contentType(ContentType.TEXT).body("hola")
                .when().post("/api/v1/mentions")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void hidesAnotherBrandsMention() {
        String brand = brand();
        String other = brand();
        String id = post(partner(brand), mention(brand, "hola")).statusCode(202).extract().path("id");
        given().auth().oauth2(Tokens.token("eva", "agent", other)).when().get("/api/v1/mentions/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get("/api/v1/mentions/" + id).then().statusCode(200);
        given().auth().oauth2(admin()).when().get("/api/v1/mentions/unknown-id").then().statusCode(404);
    }

    @Test
    void listsNewestFirstWithCursorPagingAndFilters() {
        String brand = brand();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = mention(brand, i % 2 == 0 ? "¿Cuándo abren la tienda nueva?" : "Me encanta");
            ids.add(post(partner(brand), body).statusCode(202).extract().path("id"));
        }
        String token = Tokens.token("pm", "product-manager", brand);
        var page1 = given().auth().oauth2(token).queryParam("brand", brand).queryParam("limit", 2)
                .when().get("/api/v1/mentions").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract();
        List<String> seen = new ArrayList<>(page1.path("items.id"));
        String cursor = page1.path("nextCursor");
        while (cursor != null) {
            var page = given().auth().oauth2(token).queryParam("brand", brand).queryParam("limit", 2)
                    .queryParam("cursor", cursor).when().get("/api/v1/mentions").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        }
        assertEquals(List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)), seen);

        given().auth().oauth2(token).queryParam("intent", "question").when().get("/api/v1/mentions").then()
                .statusCode(200).body("items", hasSize(3)).body("items.analysis.intent", everyItemIs("question"));
        given().auth().oauth2(token).queryParam("brand", brand()).when().get("/api/v1/mentions").then()
                .statusCode(403);
        given().auth().oauth2(token).queryParam("limit", 501).when().get("/api/v1/mentions").then()
                .statusCode(400).body("violations[0].field", equalTo("limit"));
        given().auth().oauth2(token).queryParam("since", "yesterday").queryParam("channel", "fax")
                .when().get("/api/v1/mentions").then()
                .statusCode(400).body("violations.field", containsInAnyOrder("since", "channel"));
        given().auth().oauth2(token).queryParam("since", Instant.now().plusSeconds(60).toString())
                .when().get("/api/v1/mentions").then().statusCode(200).body("items", hasSize(0));
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void aNonAdminWithoutBrandFilterSeesOnlyTheirBrands() {
        String mine = brand();
        String theirs = brand();
        String myId = post(partner(mine), mention(mine, "hola")).statusCode(202).extract().path("id");
        String theirId = post(partner(theirs), mention(theirs, "hola")).statusCode(202).extract().path("id");
        List<String> ids = given().auth().oauth2(Tokens.token("eva", "agent", mine)).queryParam("limit", 500)
                .when().get("/api/v1/mentions").then().statusCode(200).extract().path("items.id");
        assertEquals(true, ids.contains(myId));
        assertEquals(false, ids.contains(theirId));
        given().auth().oauth2(Tokens.token("nobody", "agent")).when().get("/api/v1/mentions").then()
                .statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void judgesEachBatchItemAlone() {
        String brand = brand();
        Map<String, Object> good = mention(brand, "Gracias por la ayuda, todo resuelto");
        Map<String, Object> bad = mention(brand, "");
        Map<String, Object> wrongShape = mention(brand, "hola");
        wrongShape.put("author", "not-an-object");
        Map<String, Object> foreign = mention(brand(), "hola");
        given().auth().oauth2(partner(brand)).contentType(ContentType.JSON)
                .body(Map.of("mentions", List.of(good, bad, good, wrongShape, foreign)))
                .when().post("/api/v1/mentions/batch").then()
                .statusCode(200)
                .body("results", hasSize(5))
                .body("results.index", equalTo(List.of(0, 1, 2, 3, 4)))
                .body("results.status", equalTo(List.of("accepted", "rejected", "duplicate", "rejected", "rejected")))
                .body("results[0].id", notNullValue())
                .body("results[2].id", equalTo(given().auth().oauth2(admin()).contentType(ContentType.JSON)
                        .body(good).post("/api/v1/mentions").then().statusCode(200).extract().path("id")))
                .body("results[1].problem.violations[0].field", equalTo("text"))
                .body("results[3].problem.violations[0].field", equalTo("author"))
                .body("results[4].problem.status", equalTo(403));
    }

    @Test
    void rejectsAnEmptyOrOversizedBatch() {
        String brand = brand();
        given().auth().oauth2(partner(brand)).contentType(ContentType.JSON).body(Map.of("mentions", List.of()))
                .when().post("/api/v1/mentions/batch").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("mentions"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(Map.of("brand", brand));
        }
        given().auth().oauth2(partner(brand)).contentType(ContentType.JSON).body(Map.of("mentions", many))
                .when().post("/api/v1/mentions/batch").then().statusCode(400)
                .body("violations[0].field", equalTo("mentions"));
    }

    @Test
    void refusesABodyOverOneMebibyteAsProblemJson() {
        String brand = brand();
        Map<String, Object> body = mention(brand, "x".repeat(1024 * 1024 + 10));
        post(partner(brand), body).statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }
}
