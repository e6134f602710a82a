package io.socialcare.response.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.response.service.Caller;
import io.socialcare.response.service.DeliveryWorker;
import io.socialcare.response.service.ReplyService;

/**
 * One reply: read it; a supervisor approves (then it is queued) or rejects a reply pending approval.
 */
@Path("/api/v1/replies/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class RepliesResource {

    private final ReplyService replies;
    private final DeliveryWorker worker;
    private final CallerScope scope;

    public RepliesResource(ReplyService replies, DeliveryWorker worker, CallerScope scope) {
        this.replies = replies;
        this.worker = worker;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<ReplyView> get(@PathParam("id") String id) {
        return replies.get(id, Caller.of(scope)).map(ReplyView::of);
    }

    /** 200 with the reply, now queued; 409 unless it was pending approval. */
    @POST
    @Path("/approve")
    @RolesAllowed(Roles.SUPERVISOR)
    public Uni<ReplyView> approve(@PathParam("id") String id) {
        return replies.approve(id, Caller.of(scope)).map(r -> {
            worker.nudge();
            return ReplyView.of(r);
        });
    }

    /** 200 with the reply, now rejected (never posted); 409 unless it was pending approval. */
    @POST
    @Path("/reject")
    @RolesAllowed(Roles.SUPERVISOR)
    public Uni<ReplyView> reject(@PathParam("id") String id) {
        return replies.reject(id, Caller.of(scope)).map(ReplyView::of);
    }
}
