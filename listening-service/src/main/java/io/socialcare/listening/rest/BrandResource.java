package io.socialcare.listening.rest;

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
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.listening.Brand;
import io.socialcare.listening.service.BrandService;

/**
 * Brands: the keywords and handles that make a text a mention of the brand.
 */
@Path("/api/v1/brands")
@Produces(MediaType.APPLICATION_JSON)
public class BrandResource {

    /** Body of {@code PUT /api/v1/brands/{id}}. */
    public record BrandRequest(String name, List<String> keywords, List<String> handles) {
    }

    private final BrandService brands;
    private final CallerScope scope;

    public BrandResource(BrandService brands, CallerScope scope) {
        this.brands = brands;
        this.scope = scope;
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Brand> put(@PathParam("id") String id, BrandRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return brands.upsert(id, body.name(), body.keywords(), body.handles()).map(BrandService.Upserted::brand);
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR, Roles.PRODUCT_MANAGER, Roles.ADMIN })
    public Uni<Page<Brand>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return brands.list(Scopes.visible(scope), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR, Roles.PRODUCT_MANAGER, Roles.ADMIN })
    public Uni<Brand> get(@PathParam("id") String id) {
        return brands.get(id, Scopes.visible(scope));
    }
}
