package io.socialcare.listening.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.security.Roles;
import io.socialcare.listening.Feed;
import io.socialcare.listening.service.FeedService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Admin API of the RSS/Atom sources: a feed belongs to one brand and is polled on a schedule; {@code poll} polls
 * it at once.
 */
@Path("/api/v1/feeds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class FeedResource {

    /** Body of {@code PUT /api/v1/feeds/{id}}. */
    public record FeedRequest(String brand, String url) {
    }

    private final FeedService feeds;

    public FeedResource(FeedService feeds) {
        this.feeds = feeds;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace an RSS/Atom feed of a brand")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ""
                    + "{\"brand\":\"acme\",\"url\":\"https://foro.example.com/feed.xml\"}")))
    @APIResponse(responseCode = "200", description = "The feed")
    @APIResponse(responseCode = "400", description = "Invalid body (the field is named)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Feed> put(@PathParam("id") String id, FeedRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return feeds.upsert(id, body.brand(), body.url());
    }

    @GET
    @Operation(summary = "List feeds (optionally of one brand)")
    @APIResponse(responseCode = "200", description = "The feeds")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<List<Feed>> list(@QueryParam("brand") String brand) {
        return feeds.list(brand);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one feed")
    @APIResponse(responseCode = "200", description = "The feed")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such feed",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Feed> get(@PathParam("id") String id) {
        return feeds.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a feed")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such feed",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> delete(@PathParam("id") String id) {
        return feeds.delete(id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/poll")
    @Operation(summary = "Poll a feed now")
    @APIResponse(responseCode = "200", description = "What the poll found and captured")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such feed",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<FeedService.PollResult> poll(@PathParam("id") String id) {
        return feeds.poll(id);
    }
}
