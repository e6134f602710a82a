package io.socialcare.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.routing.service.CustomerService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers: one person across channels, with their cases. */
@Path("/api/v1/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerService customers;
    private final CallerScope scope;

    public CustomerResource(CustomerService customers, CallerScope scope) {
        this.customers = customers;
        this.scope = scope;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "A customer: one person across channels, with their cases", description = "Roles agent,"
            + " supervisor, admin.")
    @APIResponse(responseCode = "200", description = "The customer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.CUSTOMER)))
    public Uni<Dtos.CustomerView> get(@PathParam("id") String id) {
        return customers.get(Requests.uuidOr404(id, "customer"), Requests.caller(scope));
    }
}
