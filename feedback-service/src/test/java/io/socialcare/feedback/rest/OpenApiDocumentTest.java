package io.socialcare.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document: every feedback operation of the contract, each with a summary and examples. */
@QuarkusTest
class OpenApiDocumentTest {

    /** The feedback-service operations of CONTRACT.md, with the parameters the contract names. */
    private static final Map<String, List<String>> CONTRACT = Map.of(
            "GET /api/v1/themes", List.of("brand", "product", "status", "since", "until", "sort", "limit", "cursor"),
            "GET /api/v1/themes/{id}", List.of("id"),
            "PATCH /api/v1/themes/{id}", List.of("id"),
            "POST /api/v1/themes/{id}/merge", List.of("id"),
            "GET /api/v1/trends", List.of("brand", "interval", "since", "until"),
            "GET /api/v1/themes/export.csv", List.of("brand"));

    @Test
    void everyFeedbackOperationOfTheContractIsInTheDocumentWithItsParameters() {
        JsonPath doc = document();
        List<String> missing = new ArrayList<>();
        CONTRACT.forEach((operation, parameters) -> {
            String[] parts = operation.split(" ");
            Map<String, Object> op = doc.getMap("paths.'" + parts[1] + "'." + parts[0].toLowerCase());
            if (op == null) {
                missing.add(operation);
                return;
            }
            List<String> names = doc.getList("paths.'" + parts[1] + "'." + parts[0].toLowerCase() + ".parameters.name");
            for (String p : parameters) {
                if (names == null || !names.contains(p)) {
                    missing.add(operation + " parameter " + p);
                }
            }
        });
        assertTrue(missing.isEmpty(), "missing from the OpenAPI document: " + missing);
        assertFalse(doc.getString("info.title").isBlank());
        assertFalse(doc.getString("info.description").isBlank());
    }

    @Test
    void everyOperationHasASummaryExamplesAndProblemErrors() {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> problems = new ArrayList<>();
        int bodies = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!Set.of("get", "put", "post", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> operation = op.getValue();
                if (operation.get("summary") == null || operation.get("summary").toString().isBlank()) {
                    problems.add(name + ": no summary");
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation
                        .get("responses");
                if (!hasExample(responses.get("200"))) {
                    problems.add(name + ": no example of the 200 response");
                }
                if (path.getKey().startsWith("/api")) {
                    for (String code : List.of("400", "401", "403")) {
                        if (!hasMediaType(responses.get(code), "application/problem+json")) {
                            problems.add(name + ": " + code + " is not documented as application/problem+json");
                        }
                    }
                    if (path.getKey().contains("{id}") && !hasMediaType(responses.get("404"), "application/problem+json")) {
                        problems.add(name + ": 404 is not documented as application/problem+json");
                    }
                }
                if (Set.of("post", "put", "patch").contains(op.getKey())) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
                    if (body == null) {
                        problems.add(name + ": no request body documented");
                    } else {
                        bodies++;
                        if (!hasExample(body)) {
                            problems.add(name + ": no example of the request body");
                        }
                    }
                    for (String code : List.of("409", "413", "415")) {
                        if (!hasMediaType(responses.get(code), "application/problem+json")) {
                            problems.add(name + ": " + code + " is not documented as application/problem+json");
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(bodies >= 2, "request bodies found: " + bodies);
        assertTrue(doc.getMap("components.schemas").containsKey("Problem"));
        assertTrue(doc.getMap("components.securitySchemes").size() >= 1, "the bearer scheme is documented");
    }

    private static JsonPath document() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private static boolean hasExample(Map<String, Object> holder) {
        if (holder == null || !(holder.get("content") instanceof Map<?, ?> content)) {
            return false;
        }
        for (Object media : content.values()) {
            Map<String, Object> m = (Map<String, Object>) media;
            if (m.get("example") != null || (m.get("examples") instanceof Map<?, ?> ex && !ex.isEmpty())
                    || (m.get("schema") instanceof Map<?, ?> schema && schema.get("example") != null)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMediaType(Map<String, Object> response, String type) {
        return response != null && response.get("content") instanceof Map<?, ?> content && content.containsKey(type);
    }
}
