package io.socialcare.listening.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.Problem;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.contract.MentionEvent;
import io.socialcare.listening.CaptureResult;
import io.socialcare.listening.MentionRequest;
import io.socialcare.listening.service.MentionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Mentions pushed by partner apps, and the read side over every captured mention.
 */
@Path("/api/v1/mentions")
@Produces(MediaType.APPLICATION_JSON)
public class MentionResource {

    /** Answer of {@code POST /api/v1/mentions}. */
    public record Captured(String id, String status) {
    }

    /** Body of {@code POST /api/v1/mentions/batch}; items are read one by one so that each is judged alone. */
    public record BatchRequest(List<JsonNode> mentions) {
    }

    /** One line of the batch answer; {@code id} and {@code problem} are null where they do not apply. */
    public record BatchItem(int index, String id, String status, Problem problem) {
    }

    public record BatchResponse(List<BatchItem> results) {
    }

    private final MentionService mentions;
    private final CallerScope scope;

    public MentionResource(MentionService mentions, CallerScope scope) {
        this.mentions = mentions;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PARTNER, Roles.ADMIN })
    @Operation(summary = "Capture one mention")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ""
                    + "{\"brand\":\"acme\",\"channel\":\"x\",\"externalId\":\"1790000000000000001\",\"autho"
                    + "r\":{\"id\":\"u-42\",\"handle\":\"@cliente\",\"name\":\"Cliente\"},\"text\":\"Qué ma"
                    + "ravilla, otra vez sin conexión\",\"url\":\"https://x.com/cliente/status/179000000000"
                    + "0000001\",\"publishedAt\":\"2026-11-22T10:15:00Z\"}")))
    @APIResponse(responseCode = "202", description = "Accepted: stored and on its way to Kafka")
    @APIResponse(responseCode = "200", description = "Duplicate: the first capture's id")
    @APIResponse(responseCode = "400", description = "Invalid mention (every field violation is named)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "Body over 1 MiB",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "415", description = "Not JSON",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> capture(MentionRequest body) {
        return mentions.capture(body, Scopes.predicate(scope), "api").map(MentionResource::answer);
    }

    static Response answer(CaptureResult result) {
        Captured captured = new Captured(result.id(), result.status());
        if (result.isAccepted()) {
            return Response.accepted(captured).location(URI.create("/api/v1/mentions/" + result.id())).build();
        }
        return Response.ok(captured).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PARTNER, Roles.ADMIN })
    @Operation(summary = "Capture up to 500 mentions, each judged alone")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ""
                    + "{\"mentions\":[{\"brand\":\"acme\",\"channel\":\"x\",\"externalId\":\"17900000000000"
                    + "00001\",\"author\":{\"id\":\"u-42\",\"handle\":\"@cliente\",\"name\":\"Cliente\"},\""
                    + "text\":\"Qué maravilla, otra vez sin conexión\",\"url\":\"https://x.com/cliente/stat"
                    + "us/1790000000000000001\",\"publishedAt\":\"2026-11-22T10:15:00Z\"}]}")))
    @APIResponse(responseCode = "200",
            description = "One result per item: accepted, duplicate or rejected with its problem")
    @APIResponse(responseCode = "400", description = "Not a list of 1 to 500 mentions",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "Body over 1 MiB",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<BatchResponse> captureBatch(BatchRequest body) {
        if (body == null) {
            throw ProblemException.invalid("mentions", "must hold between 1 and " + MentionService.MAX_BATCH
                    + " mentions");
        }
        return mentions.captureBatch(body.mentions(), Scopes.predicate(scope)).map(results -> new BatchResponse(
                results.stream().map(r -> new BatchItem(r.index(), r.id(), r.status(), r.problem())).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR, Roles.PRODUCT_MANAGER, Roles.ADMIN })
    @Operation(summary = "Get one mention with its analysis")
    @APIResponse(responseCode = "200", description = "The mention")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such mention in the caller's scope",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<MentionEvent> get(@PathParam("id") String id) {
        return mentions.get(id, Scopes.predicate(scope));
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR, Roles.PRODUCT_MANAGER, Roles.ADMIN })
    @Operation(summary = "List mentions, newest first")
    @APIResponse(responseCode = "200", description = "A page of mentions")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Page<MentionEvent>> list(@QueryParam("brand") String brand, @QueryParam("channel") String channel,
            @QueryParam("intent") String intent, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return mentions.list(Scopes.visible(scope), brand, channel, intent, since, until, limit, cursor);
    }
}
