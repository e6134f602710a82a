package io.socialcare.feedback;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.socialcare.testing.Tokens;

/**
 * Reads the service's API the way a product manager would, for assertions and awaitility polls.
 */
public final class Api {

    private Api() {
    }

    public static String pm(String... brands) {
        return Tokens.token("pilar", "product-manager", brands);
    }

    public static String admin() {
        return Tokens.token("root", "admin");
    }

    /** The themes of a brand (first page, most customers first). */
    public static List<Map<String, Object>> themes(String brand) {
        return given().auth().oauth2(pm(brand)).queryParam("brand", brand).queryParam("limit", 500)
                .when().get("/api/v1/themes")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    public static JsonPath theme(String brand, String id) {
        return given().auth().oauth2(pm(brand)).when().get("/api/v1/themes/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Mentions counted in the trends of a brand over the last 30 days (up to now + 1 day). */
    public static int counted(String brand) {
        List<Integer> counts = given().auth().oauth2(pm(brand)).queryParam("brand", brand)
                .queryParam("until", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString())
                .when().get("/api/v1/trends")
                .then().statusCode(200).extract().jsonPath().getList("buckets.mentions", Integer.class);
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    public static int intValue(Map<String, Object> item, String field) {
        return ((Number) item.get(field)).intValue();
    }
}
