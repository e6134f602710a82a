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
import io.socialcare.commons.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One reply: read it; a supervisor approves (then it is queued) or rejects a reply pending approval.
 */
@Path("/api/v1/replies/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Replies")
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
    @Operation(summary = "Read one reply with its delivery outcome")
    @APIResponse(responseCode = "200", description = "The reply",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyView.class),
                    examples = @ExampleObject(name = "replyView", value = ApiDocs.SENT_REPLY)))
    @APIResponse(responseCode = "404", description = "No such reply, or another brand's",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.NOT_FOUND)))
    public Uni<ReplyView> get(@PathParam("id") String id) {
        return replies.get(Inputs.pathId(id, "reply"), Caller.of(scope)).map(ReplyView::of);
    }

    /** 200 with the reply, now queued; 409 unless it was pending approval. */
    @POST
    @Path("/approve")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Approve a reply waiting for approval; it is queued and posted right away")
    @APIResponse(responseCode = "200", description = "The reply, now queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyView.class),
                    examples = @ExampleObject(name = "replyView", value = ApiDocs.APPROVED_REPLY)))
    @APIResponse(responseCode = "404", description = "No such reply, or another brand's",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The reply is not pending approval",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.CONFLICT)))
    public Uni<ReplyView> approve(@PathParam("id") String id) {
        return replies.approve(Inputs.pathId(id, "reply"), Caller.of(scope)).map(r -> {
            worker.nudge();
            return ReplyView.of(r);
        });
    }

    /** 200 with the reply, now rejected (never posted); 409 unless it was pending approval. */
    @POST
    @Path("/reject")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Reject a reply waiting for approval; it is never posted")
    @APIResponse(responseCode = "200", description = "The reply, now rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyView.class),
                    examples = @ExampleObject(name = "replyView", value = ApiDocs.APPROVED_REPLY)))
    @APIResponse(responseCode = "404", description = "No such reply, or another brand's",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The reply is not pending approval",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.CONFLICT)))
    public Uni<ReplyView> reject(@PathParam("id") String id) {
        return replies.reject(Inputs.pathId(id, "reply"), Caller.of(scope)).map(ReplyView::of);
    }
}
