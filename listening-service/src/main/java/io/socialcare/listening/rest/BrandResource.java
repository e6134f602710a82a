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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @Operation(summary = "Create or replace a brand")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ""
                    + "{\"name\":\"Acme Telecom\",\"keywords\":[\"Acme\",\"Fibra Max\"],\"handles\":[\"@acm"
                    + "e\"]}")))
    @APIResponse(responseCode = "200", description = "The brand")
    @APIResponse(responseCode = "400", description = "Invalid body (the field is named)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Brand> put(@PathParam("id") String id, BrandRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        return brands.upsert(id, body.name(), body.keywords(), body.handles()).map(BrandService.Upserted::brand);
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR, Roles.PRODUCT_MANAGER, Roles.ADMIN })
    @Operation(summary = "List the brands in the caller's scope")
    @APIResponse(responseCode = "200", description = "A page of brands")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Page<Brand>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return brands.list(Scopes.visible(scope), limit, cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR, Roles.PRODUCT_MANAGER, Roles.ADMIN })
    @Operation(summary = "Get one brand")
    @APIResponse(responseCode = "200", description = "The brand")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Role not allowed, or brand outside the token's scope",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such brand in the caller's scope",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Brand> get(@PathParam("id") String id) {
        return brands.get(id, Scopes.visible(scope));
    }
}
