package io.socialcare.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.routing.service.ConfigService;
import io.socialcare.routing.service.SlaBudgets;

/** First-response budgets of a brand, per priority. */
@Path("/api/v1/sla-policies/{brand}")
@Produces(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {

    private final ConfigService config;
    private final SlaBudgets budgets;
    private final CallerScope scope;

    public SlaPolicyResource(ConfigService config, SlaBudgets budgets, CallerScope scope) {
        this.config = config;
        this.budgets = budgets;
        this.scope = scope;
    }

    /** Creates or replaces the brand's policy (admin; supervisor for brands in scope). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    public Uni<Dtos.SlaPolicyView> put(@PathParam("brand") String brand, Dtos.SlaPolicyRequest body) {
        Validator v = new Validator();
        Requests.id(v, "brand", brand);
        if (body == null) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        Dtos.FirstResponseMinutes m = body.firstResponseMinutes();
        if (v.required("firstResponseMinutes", m)) {
            minutes(v, "firstResponseMinutes.critical", m.critical());
            minutes(v, "firstResponseMinutes.high", m.high());
            minutes(v, "firstResponseMinutes.normal", m.normal());
            minutes(v, "firstResponseMinutes.low", m.low());
        }
        v.throwIfInvalid();
        scope.requireBrand(brand);
        return config.putSlaPolicy(brand, m);
    }

    /** The brand's policy, or the defaults when it has none. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT })
    public Uni<Dtos.SlaPolicyView> get(@PathParam("brand") String brand) {
        scope.requireBrand(brand);
        return config.getSlaPolicy(brand, budgets);
    }

    private static void minutes(Validator v, String field, Integer value) {
        if (v.required(field, value) && (value < 1 || value > 525_600)) {
            v.add(field, "must be between 1 and 525600 minutes");
        }
    }
}
