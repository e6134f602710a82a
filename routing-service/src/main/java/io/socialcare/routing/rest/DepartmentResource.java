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

/** Departments of a brand: where cases are routed by intent, topics and language. */
@Path("/api/v1/departments")
@Tag(name = "Configuration")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    private final ConfigService config;
    private final CallerScope scope;

    public DepartmentResource(ConfigService config, CallerScope scope) {
        this.config = config;
        this.scope = scope;
    }

    /** Creates or replaces the department (admin; supervisor for brands in scope). */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Create or replace a department", description = "Roles admin, supervisor (brands in scope)."
            + " Empty lists match everything; position orders routing (default: after the last).")
    @APIResponse(responseCode = "200", description = "The department as stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.DEPARTMENT)))
    @APIResponse(responseCode = "409", description = "The id belongs to another brand of the caller")
    public Uni<Dtos.DepartmentView> put(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ApiExamples.DEPARTMENT_REQUEST))) Dtos.DepartmentRequest body) {
        Validator v = new Validator();
        Requests.id(v, "id", id);
        if (body == null) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        Requests.text(v, "brand", body.brand(), 1, 100);
        Requests.text(v, "name", body.name(), 1, 200);
        Requests.intents(v, "intents", body.intents());
        Requests.texts(v, "topics", body.topics(), 100);
        Requests.languages(v, "languages", body.languages());
        if (body.position() != null && (body.position() < 0 || body.position() > 100_000)) {
            v.add("position", "must be between 0 and 100000");
        }
        v.throwIfInvalid();
        scope.requireBrand(body.brand());
        return config.putDepartment(id, body, Requests.caller(scope));
    }

    /** The brand's departments in routing order. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT })
    @Operation(summary = "List a brand's departments in routing order", description = "Roles admin, supervisor,"
            + " agent; the brand must be in the token's scope.")
    @APIResponse(responseCode = "200", description = "The departments", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.DEPARTMENTS)))
    public Uni<List<Dtos.DepartmentView>> list(@QueryParam("brand") String brand) {
        if (brand == null || brand.isBlank()) {
            throw ProblemException.invalid("brand", "must not be blank");
        }
        scope.requireBrand(brand);
        return config.listDepartments(brand);
    }
}
