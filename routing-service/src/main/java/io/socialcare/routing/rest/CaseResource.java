package io.socialcare.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.paging.Cursors;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.routing.CaseStatus;
import io.socialcare.routing.service.CaseService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cases: reading, transfers between departments, resolution. */
@Path("/api/v1/cases")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
public class CaseResource {

    private final CaseService cases;
    private final CallerScope scope;

    public CaseResource(CaseService cases, CallerScope scope) {
        this.cases = cases;
        this.scope = scope;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A case", description = "Roles agent, supervisor, admin. Another brand's case is a 404.")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.CASE)))
    public Uni<Dtos.CaseView> get(@PathParam("id") String id) {
        return cases.get(Requests.uuidOr404(id, "case"), Requests.caller(scope));
    }

    /** The case that holds the mention; 404 until the mention is routed. */
    @GET
    @Path("/by-mention/{mentionId}")
    @Operation(summary = "The case that holds a mention", description = "Roles agent, supervisor, admin; 404 until"
            + " the mention is routed.")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.CASE)))
    public Uni<Dtos.CaseView> byMention(@PathParam("mentionId") String mentionId) {
        return cases.byMention(mentionId, Requests.caller(scope));
    }

    /** Cases of the caller's brands, newest first. */
    @GET
    @Operation(summary = "List cases, newest first", description = "Roles agent, supervisor, admin. Without `brand`,"
            + " the caller's brands; `limit` 1-500 (default 50), `cursor` from the previous page.")
    @APIResponse(responseCode = "200", description = "One page of cases", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.CASES)))
    public Uni<Page<Dtos.CaseView>> list(@QueryParam("brand") String brand, @QueryParam("status") String status,
            @QueryParam("department") String department, @QueryParam("agent") String agent,
            @QueryParam("customerId") String customerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        Validator v = new Validator();
        v.oneOf("status", Requests.blankToNull(status), CaseStatus.ALL);
        v.throwIfInvalid();
        int size = Cursors.limit(limit);
        String b = Requests.blankToNull(brand);
        if (b != null) {
            scope.requireBrand(b);
        }
        return cases.list(Requests.caller(scope), b, Requests.blankToNull(status), Requests.blankToNull(department),
                Requests.blankToNull(agent), Requests.uuidParam("customerId", customerId), cursor, size);
    }

    /**
     * Hands the case to another department with a reason. 409 when that department held the case before
     * (ping-pong) unless a supervisor forces it; an agent's force is 403; after 3 transfers only a supervisor.
     */
    @POST
    @Path("/{id}/transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Transfer a case to another department (warm hand-off with a reason)", description = "Roles"
            + " agent, supervisor, admin. A department that held the case before is refused (409, counted) unless a"
            + " supervisor forces it; an agent's force is 403; after 3 transfers only a supervisor.")
    @APIResponse(responseCode = "200", description = "The case after the transfer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.CASE)))
    @APIResponse(responseCode = "409", description = "Ping-pong (the department held the case before), the case is"
            + " resolved, or the department already holds it")
    public Uni<Dtos.CaseView> transfer(@PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ApiExamples.TRANSFER_REQUEST))) Dtos.TransferRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        Validator v = new Validator();
        Requests.text(v, "toDepartment", body.toDepartment(), 1, 100);
        Requests.text(v, "reason", body.reason(), 1, 2000);
        v.throwIfInvalid();
        return cases.transfer(Requests.uuidOr404(id, "case"), body.toDepartment(), body.reason(),
                Boolean.TRUE.equals(body.force()), Requests.caller(scope));
    }

    /** Resolves the case (a second call changes nothing); the agent's freed capacity serves the queue. */
    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Resolve a case", description = "Roles agent, supervisor, admin. Resolving a resolved case"
            + " changes nothing.")
    @APIResponse(responseCode = "200", description = "The resolved case", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.CASE)))
    public Uni<Dtos.CaseView> resolve(@PathParam("id") String id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
                    name = "example", value = ApiExamples.RESOLVE_REQUEST))) Dtos.ResolveRequest body) {
        String note = body == null ? null : body.note();
        Validator v = new Validator();
        Requests.optionalText(v, "note", note, 2000);
        v.throwIfInvalid();
        return cases.resolve(Requests.uuidOr404(id, "case"), note, Requests.caller(scope));
    }

    /** Marks the case as waiting for the customer (added): the SLA clock pauses until the customer writes again. */
    @POST
    @Path("/{id}/waiting-customer")
    @Operation(summary = "Mark a case as waiting for the customer", description = "Roles agent, supervisor, admin."
            + " The first-response clock pauses until the customer writes again. No body.")
    @APIResponse(responseCode = "200", description = "The case, waiting for the customer", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
            value = ApiExamples.CASE)))
    @APIResponse(responseCode = "409", description = "The case is resolved")
    public Uni<Dtos.CaseView> waitForCustomer(@PathParam("id") String id) {
        return cases.waitForCustomer(Requests.uuidOr404(id, "case"), Requests.caller(scope));
    }
}
