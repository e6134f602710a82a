package io.socialcare.listening.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnalysisResourceTest {

    @Test
    void analysesATextForAnyRoleWithoutStoringIt() {
        given().auth().oauth2(Tokens.token("pm", "product-manager")).contentType(ContentType.JSON)
                .body(Map.of("text", "Qué maravilla, otra vez sin conexión. Llevo 3 días así"))
                .when().post("/api/v1/analysis").then()
                .statusCode(200)
                .body("language", equalTo("es"))
                .body("sentiment.label", equalTo("negative"))
                .body("sentiment.score", lessThan(0f))
                .body("intent", equalTo("complaint"))
                .body("urgency", equalTo("high"))
                .body("topics", hasItem("connection"));
    }

    @Test
    void requiresATokenAndValidInput() {
        given().contentType(ContentType.JSON).body(Map.of("text", "hola")).when().post("/api/v1/analysis")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("eva", "agent")).contentType(ContentType.JSON)
                .body(Map.of("text", "", "lang", "english"))
                .when().post("/api/v1/analysis").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("text", "lang"));
    }
}
