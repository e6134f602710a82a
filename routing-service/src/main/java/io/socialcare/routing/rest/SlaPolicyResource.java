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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** First-response budgets of a brand, per priority. */
@Path("/api/v1/sla-policies/{brand}")
@Tag(name = "Configuration")
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
    @Operation(summary = "Set a brand's first-response budgets", description = "Roles admin, supervisor (brands in"
            + " scope). Minutes per priority, 1-525600 each.")
    @APIResponse(responseCode = "200", description = "The policy as stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.SLA_POLICY)))
    public Uni<Dtos.SlaPolicyView> put(@PathParam("brand") String brand,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ApiExamples.SLA_POLICY_REQUEST))) Dtos.SlaPolicyRequest body) {
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
    @Operation(summary = "A brand's first-response budgets", description = "Roles admin, supervisor, agent; the"
            + " defaults (15/60/240/1440 minutes) when the brand has no policy.")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.SLA_POLICY)))
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
