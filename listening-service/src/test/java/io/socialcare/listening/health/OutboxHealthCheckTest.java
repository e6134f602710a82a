package io.socialcare.listening.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxHealthCheckTest {

    @Test
    void readinessReportsTheOutboxAndNeedsNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("mention-outbox"))
                .body("checks.find { it.name == 'mention-outbox' }.data.unpublished", notNullValue());
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
