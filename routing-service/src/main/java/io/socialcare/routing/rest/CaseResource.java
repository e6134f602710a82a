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

/** Cases: reading, transfers between departments, resolution. */
@Path("/api/v1/cases")
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
    public Uni<Dtos.CaseView> get(@PathParam("id") String id) {
        return cases.get(Requests.uuidOr404(id, "case"), Requests.caller(scope));
    }

    /** The case that holds the mention; 404 until the mention is routed. */
    @GET
    @Path("/by-mention/{mentionId}")
    public Uni<Dtos.CaseView> byMention(@PathParam("mentionId") String mentionId) {
        return cases.byMention(mentionId, Requests.caller(scope));
    }

    /** Cases of the caller's brands, newest first. */
    @GET
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
    public Uni<Dtos.CaseView> transfer(@PathParam("id") String id, Dtos.TransferRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must not be empty");
        }
        Validator v = new Validator();
        v.text("toDepartment", body.toDepartment(), 1, 100);
        v.text("reason", body.reason(), 1, 2000);
        v.throwIfInvalid();
        return cases.transfer(Requests.uuidOr404(id, "case"), body.toDepartment(), body.reason(),
                Boolean.TRUE.equals(body.force()), Requests.caller(scope));
    }

    /** Resolves the case (a second call changes nothing); the agent's freed capacity serves the queue. */
    @POST
    @Path("/{id}/resolve")
    public Uni<Dtos.CaseView> resolve(@PathParam("id") String id, Dtos.ResolveRequest body) {
        String note = body == null ? null : body.note();
        Validator v = new Validator();
        v.optionalText("note", note, 2000);
        v.throwIfInvalid();
        return cases.resolve(Requests.uuidOr404(id, "case"), note, Requests.caller(scope));
    }

    /** Marks the case as waiting for the customer (added): the SLA clock pauses until the customer writes again. */
    @POST
    @Path("/{id}/waiting-customer")
    public Uni<Dtos.CaseView> waitForCustomer(@PathParam("id") String id) {
        return cases.waitForCustomer(Requests.uuidOr404(id, "case"), Requests.caller(scope));
    }
}
