package io.socialcare.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.routing.service.StatsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Care statistics of a brand: cases, transfers, refused ping-pong, first-response percentiles and breaches. */
@Path("/api/v1/stats")
@Tag(name = "Stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsService stats;
    private final CallerScope scope;

    public StatsResource(StatsService stats, CallerScope scope) {
        this.stats = stats;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Care statistics of a brand", description = "Roles supervisor, admin. Cases created since"
            + " `since` (ISO-8601), transfers, refused ping-pong transfers, first-response percentiles and breaches.")
    @APIResponse(responseCode = "200", description = "The statistics", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.STATS)))
    public Uni<Dtos.StatsView> get(@QueryParam("brand") String brand, @QueryParam("since") String since) {
        if (brand == null || brand.isBlank()) {
            throw ProblemException.invalid("brand", "must not be blank");
        }
        var from = Requests.instantParam("since", since);
        scope.requireBrand(brand);
        return stats.stats(brand, from);
    }
}
