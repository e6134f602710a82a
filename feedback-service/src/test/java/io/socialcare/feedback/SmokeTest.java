package io.socialcare.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {

    @Path("/smoke")
    public static class SmokeResource {
        private final CallerScope scope;

        public SmokeResource(CallerScope scope) {
            this.scope = scope;
        }

        @GET
        @RolesAllowed("admin")
        public java.util.Set<String> brands() {
            return scope.brands();
        }
    }

    @Test
    void stackWorks() {
        given().when().get("/smoke").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("ana", "agent", "acme")).when().get("/smoke").then().statusCode(403);
        given().auth().oauth2(Tokens.token("ana", "admin", "acme", "zeta")).when().get("/smoke").then()
                .statusCode(200).body("$", hasItem("zeta"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
