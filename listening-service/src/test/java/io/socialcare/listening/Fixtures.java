package io.socialcare.listening;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.socialcare.testing.Tokens;

/**
 * Test data made through the public API: a fresh brand per test and mention bodies that pass every rule.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static String admin() {
        return Tokens.token("root", "admin");
    }

    public static String partner(String... brands) {
        return Tokens.token("partner-app", "partner", brands);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a brand with a unique id and returns the id. */
    public static String brand(String... keywords) {
        String id = unique("brand");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Marca " + id, "keywords", List.of(keywords), "handles", List.of("@" + id)))
                .when().put("/api/v1/brands/" + id)
                .then().statusCode(200);
        return id;
    }

    /** A valid mention body; change fields with {@code put}. */
    public static Map<String, Object> mention(String brand, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("brand", brand);
        body.put("channel", "x");
        body.put("externalId", unique("tw"));
        body.put("author", new HashMap<>(Map.of("id", unique("user"), "handle", "@cliente", "name", "Cliente")));
        body.put("text", text);
        body.put("url", "https://x.com/cliente/status/1");
        body.put("publishedAt", Instant.now().minusSeconds(60).toString());
        return body;
    }
}
