package io.socialcare.response.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the answers every {@code /api} operation shares: 401 (no or invalid token) and 403 (role missing, or
 * a brand outside the token), both {@code application/problem+json}, as the one exception mapper sends them.
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                operation.getResponses().addAPIResponse("401", problem("No bearer token, or an invalid or expired one",
                        401, "Unauthorized", "Authentication is required"));
                if (operation.getResponses().getAPIResponse("403") == null
                        || operation.getResponses().getAPIResponse("403").getContent() == null) {
                    operation.getResponses().addAPIResponse("403", problem(
                            "The token's roles do not allow this operation", 403, "Forbidden",
                            "Access denied"));
                }
            }
        }
    }

    private static APIResponse problem(String description, int status, String title, String detail) {
        Example example = OASFactory.createExample().value(Map.of("type", "about:blank", "title", title,
                "status", status, "detail", detail));
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ApiDocs.PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                        .addExample("problem", example)));
    }
}
