package io.socialcare.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardTest {

    @Test
    void servesTheDashboardWithoutExternalScripts() {
        given().when().get("/dashboard/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/api/v1/themes"))
                .body(containsString("/api/v1/trends"))
                .body(not(containsString("<script src=\"http")))
                .body(not(containsString("innerHTML")));
    }
}
