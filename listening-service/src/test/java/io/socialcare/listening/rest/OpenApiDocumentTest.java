package io.socialcare.listening.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document: every operation has a summary and every request body an example. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryAndEveryRequestBodyAnExample() {
        Map<String, Object> doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().as(Map.class);
        List<String> problems = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> operation) || !path.startsWith("/api/")) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            if (operation.get("summary") == null) {
                problems.add(name + " has no summary");
            }
            Object body = operation.get("requestBody");
            if (List.of("post", "put", "patch").contains(method) && body instanceof Map<?, ?> requestBody) {
                Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
                boolean example = content != null && content.values().stream().anyMatch(media ->
                        media instanceof Map<?, ?> m && (m.get("examples") != null || m.get("example") != null));
                if (!example) {
                    problems.add(name + " request body has no example");
                }
            }
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            responses.forEach((code, response) -> {
                if (code.startsWith("4") && !String.valueOf(response).contains("application/problem+json")) {
                    problems.add(name + " " + code + " is not documented as application/problem+json");
                }
            });
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
