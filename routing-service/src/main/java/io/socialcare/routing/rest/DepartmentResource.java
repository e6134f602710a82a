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

/** Departments of a brand: where cases are routed by intent, topics and language. */
@Path("/api/v1/departments")
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
    public Uni<Dtos.DepartmentView> put(@PathParam("id") String id, Dtos.DepartmentRequest body) {
        Validator v = new Validator();
        Requests.id(v, "id", id);
        if (body == null) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        v.text("brand", body.brand(), 1, 100);
        v.text("name", body.name(), 1, 200);
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
    public Uni<List<Dtos.DepartmentView>> list(@QueryParam("brand") String brand) {
        if (brand == null || brand.isBlank()) {
            throw ProblemException.invalid("brand", "must not be blank");
        }
        scope.requireBrand(brand);
        return config.listDepartments(brand);
    }
}
