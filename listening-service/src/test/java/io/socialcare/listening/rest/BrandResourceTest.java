package io.socialcare.listening.rest;

import static io.restassured.RestAssured.given;
import static io.socialcare.listening.Fixtures.admin;
import static io.socialcare.listening.Fixtures.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.listening.Fixtures;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BrandResourceTest {

    private static void put(String token, String id, Object body, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/brands/" + id).then().statusCode(status);
    }

    @Test
    void upsertsABrandByIdAndReadsItBack() {
        String id = unique("acme");
        put(admin(), id, Map.of("name", "Acme", "keywords", List.of("Acme", "Fibra Max"), "handles", List.of("@acme")),
                200);
        put(admin(), id, Map.of("name", "Acme Telecom", "keywords", List.of("Acme", "Fibra Max", "Acme TV")), 200);
        given().auth().oauth2(Tokens.token("eva", "agent", id)).when().get("/api/v1/brands/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Acme Telecom"))
                .body("keywords", equalTo(List.of("Acme", "Fibra Max", "Acme TV")))
                .body("handles", hasSize(0));
    }

    @Test
    void onlyAnAdminConfiguresBrands() {
        String id = unique("acme");
        given().contentType(ContentType.JSON).body(Map.of("name", "Acme")).when().put("/api/v1/brands/" + id)
                .then().statusCode(401).contentType("application/problem+json");
        put(Tokens.token("sam", "supervisor", id), id, Map.of("name", "Acme"), 403);
        given().when().get("/api/v1/brands").then().statusCode(401);
    }

    @Test
    void rejectsInvalidBrandsNamingTheField() {
        String id = unique("acme");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("keywords", List.of("ok", ""), "handles", List.of("@a")))
                .when().put("/api/v1/brands/" + id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("name", "keywords[1]"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", Map.of("$gt", "")))
                .when().put("/api/v1/brands/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().put("/api/v1/brands/bad%20id!").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void listsOnlyTheBrandsInTheCallersScopeAndAllForAnAdmin() {
        String mine = Fixtures.brand();
        String theirs = Fixtures.brand();
        given().auth().oauth2(Tokens.token("eva", "agent", mine)).when().get("/api/v1/brands").then()
                .statusCode(200).body("items.id", equalTo(List.of(mine))).body("nextCursor", equalTo(null));
        given().auth().oauth2(Tokens.token("eva", "agent", mine)).when().get("/api/v1/brands/" + theirs).then()
                .statusCode(404);
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(admin()).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/brands").then().statusCode(200).body("items", hasSize(1))
                    .extract();
            all.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(true, all.containsAll(List.of(mine, theirs)));
        assertEquals(all.stream().sorted().toList(), all);
        given().auth().oauth2(Tokens.token("eva", "agent", mine)).when().get("/api/v1/brands").then()
                .body("items.id", not(hasItem(theirs)));
    }
}
