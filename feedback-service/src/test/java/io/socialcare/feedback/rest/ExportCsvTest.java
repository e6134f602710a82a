package io.socialcare.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportCsvTest {

    @Test
    void exportsThemesAsRfc4180Csv() {
        String brand = Mentions.uniqueBrand("csv");
        Mentions.of(brand).author("a").topics("leche \"vegetal\", sin azúcar")
                .text("Deberían ofrecer leche de almendras sin azúcar").send();
        Mentions.of(brand).author("b").topics("=HYPERLINK(\"http://evil\")")
                .intent("complaint").text("La cafetería no tiene wifi").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.themes(brand).size() == 2);

        Response response = given().auth().oauth2(Api.pm(brand)).queryParam("brand", brand)
                .when().get("/api/v1/themes/export.csv");
        response.then().statusCode(200).contentType(containsString("text/csv"));
        String csv = new String(response.asByteArray(), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0], equalTo(ThemeCsv.HEADER));
        assertThat(lines.length, equalTo(4));
        assertThat(lines[3], equalTo(""));
        assertThat(csv, containsString(",\"leche \"\"vegetal\"\", sin azúcar\","));
        assertThat(csv, containsString(",\"'=HYPERLINK(\"\"http://evil\"\")\","));
        assertThat(lines[1], startsWith(Api.themes(brand).get(0).get("id") + "," + brand + ","));
        assertThat(csv, endsWith("\r\n"));
    }

    @Test
    void exportNeedsAProductRoleAndTheBrandInScope() {
        given().when().get("/api/v1/themes/export.csv?brand=acme").then().statusCode(401);
        given().auth().oauth2(Tokens.token("ana", "agent", "acme")).when().get("/api/v1/themes/export.csv?brand=acme")
                .then().statusCode(403);
        given().auth().oauth2(Api.pm("acme")).when().get("/api/v1/themes/export.csv?brand=zeta")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
