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

/** Care statistics of a brand: cases, transfers, refused ping-pong, first-response percentiles and breaches. */
@Path("/api/v1/stats")
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
    public Uni<Dtos.StatsView> get(@QueryParam("brand") String brand, @QueryParam("since") String since) {
        if (brand == null || brand.isBlank()) {
            throw ProblemException.invalid("brand", "must not be blank");
        }
        var from = Requests.instantParam("since", since);
        scope.requireBrand(brand);
        return stats.stats(brand, from);
    }
}
