package io.socialcare.feedback.rest;

import java.util.List;
import java.util.Map;

import io.socialcare.commons.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the errors every {@code /api} operation can answer, as {@code application/problem+json} (RFC 9457):
 * 401 and 403 everywhere, 400 where there is input, 404 where the path names an object. Error responses an operation
 * declares itself (409, ...) get the same problem content when they have none.
 */
public class OpenApiProblems implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean namesObject = path.getKey().contains("{");
            for (Operation op : path.getValue().getOperations().values()) {
                APIResponses responses = op.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    op.setResponses(responses);
                }
                boolean hasInput = op.getRequestBody() != null
                        || (op.getParameters() != null && !op.getParameters().isEmpty()) || namesObject;
                if (hasInput) {
                    addIfMissing(responses, "400", "Invalid input; `violations` names each field");
                }
                addIfMissing(responses, "401", "No token, or an invalid or expired token");
                addIfMissing(responses, "403", "The token lacks a role this operation needs, or the brand is outside"
                        + " its brand scope");
                if (namesObject) {
                    addIfMissing(responses, "404", "No such object, or it belongs to another brand");
                }
                for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                        APIResponse response = r.getValue();
                        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                                || response.getContent().getMediaTypes().isEmpty()) {
                            response.setContent(problemContent(Integer.parseInt(r.getKey())));
                        }
                    }
                }
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent(int status) {
        Map<String, Object> example = status == 400
                ? Map.of("type", "about:blank", "title", "Bad Request", "status", 400,
                        "detail", "The request is invalid", "violations",
                        List.of(Map.of("field", "status",
                                "message", "must be one of new, under_review, planned, shipped, declined")))
                : Map.of("type", "about:blank", "title", title(status), "status", status,
                        "detail", "See the title");
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(example));
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "Error";
        };
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("JSON path of the field, e.g. status"))
                .addProperty("message", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem")
                .addProperty("type", string)
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(violation));
    }
}
