package io.socialcare.response.rest;

import static io.restassured.RestAssured.given;
import static io.socialcare.response.Fixtures.agent;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.openCase;
import static io.socialcare.response.Fixtures.postsContaining;
import static io.socialcare.response.Fixtures.supervisor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.CaseEvent;
import org.junit.jupiter.api.Test;

/**
 * Templates CRUD and replies built from templates.
 */
@QuarkusTest
class TemplatesTest {

    private static String create(String brand, String name, String text) {
        return given().auth().oauth2(supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "name", name, "lang", "es", "text", text))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id");
    }

    @Test
    void supervisorsWriteTemplatesAndAgentsReadThem() {
        String brand = brand();
        String id = given().auth().oauth2(supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "name", "saludo", "lang", "es",
                        "text", "Hola {{customer.name}}, su caso {{case.id}} está en marcha."))
                .post("/api/v1/templates").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/templates/"))
                .body("placeholders", contains("customer.name", "case.id"))
                .extract().path("id");
        given().auth().oauth2(agent(brand)).get("/api/v1/templates/{id}", id).then().statusCode(200)
                .body("name", equalTo("saludo"));
        given().auth().oauth2(supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "name", "saludo", "text", "Otro"))
                .post("/api/v1/templates").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "name", "saludo", "text", "Hola {{customer.name}}."))
                .put("/api/v1/templates/{id}", id).then().statusCode(200).body("text", equalTo("Hola {{customer.name}}."));
        given().auth().oauth2(agent(brand)).queryParam("brand", brand).get("/api/v1/templates").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(agent(brand())).get("/api/v1/templates/{id}", id).then().statusCode(404);
        given().auth().oauth2(agent(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "name", "x", "text", "y")).post("/api/v1/templates").then().statusCode(403);
        given().auth().oauth2(supervisor(brand)).contentType(ContentType.JSON)
                .body(Map.of("brand", brand(), "name", "x", "text", "y")).post("/api/v1/templates").then()
                .statusCode(403);
        given().get("/api/v1/templates").then().statusCode(401);
        given().auth().oauth2(supervisor(brand)).delete("/api/v1/templates/{id}", id).then().statusCode(204);
        given().auth().oauth2(agent(brand)).get("/api/v1/templates/{id}", id).then().statusCode(404);
    }

    @Test
    void rejectsInvalidTemplatesNamingTheField() {
        String brand = brand();
        Map<String, Object> body = new HashMap<>(Map.of("brand", brand, "name", "n", "text", "Hola {{ }}"));
        given().auth().oauth2(supervisor(brand)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/templates").then().statusCode(400).body("violations.field", hasItem("text"));
        body.put("text", "ok");
        body.put("lang", "spanish");
        given().auth().oauth2(supervisor(brand)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/templates").then().statusCode(400).body("violations.field", hasItem("lang"));
        body.remove("lang");
        body.remove("name");
        given().auth().oauth2(supervisor(brand)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/templates").then().statusCode(400).body("violations.field", hasItem("name"));
    }

    @Test
    void replyFromTemplateIsPersonalisedAndPosted() {
        String brand = brand();
        CaseEvent c = openCase(brand, "forum");
        String tpl = create(brand, "seguimiento", "Hola {{customer.name}}, su pedido {{order}} sale hoy.");
        String replyId = given().auth().oauth2(agent(brand)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id())
                .body(Map.of("templateId", tpl, "variables", Map.of("order", "A-1001")))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(202)
                .body("text", equalTo("Hola Lucía García, su pedido A-1001 sale hoy."))
                .body("risk.flags", not(hasItem("impersonal")))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> postsContaining(replyId).size() == 1);
        assertEquals("Hola Lucía García, su pedido A-1001 sale hoy.",
                postsContaining(replyId).get(0).at("/body/text").asText());
        given().auth().oauth2(agent(brand)).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("templateId", tpl))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(400)
                .body("violations.field", hasItem("variables.order"));
    }

    @Test
    void uneditedTemplateWithNothingAboutTheCustomerIsImpersonal() {
        String brand = brand();
        CaseEvent c = openCase(brand, "forum");
        String tpl = create(brand, "generico", "Gracias por contactar. Estamos revisando su caso.");
        given().auth().oauth2(agent(brand)).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("templateId", tpl))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(202)
                .body("risk.flags", hasItem("impersonal")).body("risk.level", equalTo("medium"));
        given().auth().oauth2(agent(brand)).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("templateId", tpl, "text", "Gracias, Lucía. Estamos revisando su caso del router."))
                .post("/api/v1/cases/{id}/replies", c.id()).then().statusCode(202)
                .body("risk.flags", not(hasItem("impersonal")));
    }
}
