package io.socialcare.routing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.routing.service.ConfigService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agents: who answers cases, in which department and languages, up to which capacity. */
@Path("/api/v1/agents")
@Tag(name = "Configuration")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final ConfigService config;
    private final CallerScope scope;

    public AgentResource(ConfigService config, CallerScope scope) {
        this.config = config;
        this.scope = scope;
    }

    /**
     * Creates or replaces the agent (admin; supervisor for brands in scope). Becoming available takes queued cases;
     * becoming unavailable hands open cases to colleagues of the same department.
     */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Create or replace an agent", description = "Roles admin, supervisor (brands in scope)."
            + " Becoming available takes queued cases; becoming unavailable hands open cases to colleagues.")
    @APIResponse(responseCode = "200", description = "The agent with their open cases", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.AGENT)))
    @APIResponse(responseCode = "409", description = "The id belongs to another brand of the caller")
    public Uni<Dtos.AgentView> put(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ApiExamples.AGENT_REQUEST))) Dtos.AgentRequest body) {
        Validator v = new Validator();
        Requests.id(v, "id", id);
        if (body == null) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        Requests.text(v, "brand", body.brand(), 1, 100);
        Requests.text(v, "name", body.name(), 1, 200);
        Requests.text(v, "department", body.department(), 1, 100);
        Requests.languages(v, "languages", body.languages());
        Requests.texts(v, "skills", body.skills(), 100);
        if (v.required("capacity", body.capacity()) && (body.capacity() < 0 || body.capacity() > 1000)) {
            v.add("capacity", "must be between 0 and 1000");
        }
        v.throwIfInvalid();
        scope.requireBrand(body.brand());
        return config.putAgent(id, body, Requests.caller(scope));
    }

    /** The brand's agents with their open cases. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "List a brand's agents with their open cases", description = "Roles admin, supervisor;"
            + " the brand must be in the token's scope.")
    @APIResponse(responseCode = "200", description = "The agents", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.AGENTS)))
    public Uni<List<Dtos.AgentView>> list(@QueryParam("brand") String brand) {
        if (brand == null || brand.isBlank()) {
            throw ProblemException.invalid("brand", "must not be blank");
        }
        scope.requireBrand(brand);
        return config.listAgents(brand);
    }
}
