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
    public Uni<Feed> put(@PathParam("id") String id, FeedRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return feeds.upsert(id, body.brand(), body.url());
    }

    @GET
    public Uni<List<Feed>> list(@QueryParam("brand") String brand) {
        return feeds.list(brand);
    }

    @GET
    @Path("/{id}")
    public Uni<Feed> get(@PathParam("id") String id) {
        return feeds.get(id);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return feeds.delete(id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/poll")
    public Uni<FeedService.PollResult> poll(@PathParam("id") String id) {
        return feeds.poll(id);
    }
}
