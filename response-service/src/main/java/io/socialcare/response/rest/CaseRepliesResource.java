package io.socialcare.response.rest;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import io.socialcare.response.Reply;
import io.socialcare.response.service.Caller;
import io.socialcare.response.service.DeliveryWorker;
import io.socialcare.response.service.ReplyService;
import org.jboss.resteasy.reactive.RestResponse;
import io.socialcare.commons.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Replies of a case: ask for one (idempotent per {@code Idempotency-Key}) and list them.
 */
@Path("/api/v1/cases/{caseId}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Replies")
public class CaseRepliesResource {

    static final int MAX_TEXT = 10_000;
    static final int MAX_ID = 200;

    private final ReplyService replies;
    private final DeliveryWorker worker;
    private final CallerScope scope;

    public CaseRepliesResource(ReplyService replies, DeliveryWorker worker, CallerScope scope) {
        this.replies = replies;
        this.worker = worker;
        this.scope = scope;
    }

    /**
     * 202 with the new reply; 200 with the same reply for a repeated key and body; 409 for a repeated key with
     * another body; 404 for a case unknown here or of another brand.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Operation(summary = "Ask for a reply to the case, in the channel and thread of the mention it answers", description = "Idempotent per Idempotency-Key within the case. A high-risk reply or one on a critical case waits for a supervisor (pending_approval); otherwise it is queued and posted once.")
    @APIResponse(responseCode = "202", description = "The reply was created (queued or pending_approval); Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyView.class),
                    examples = @ExampleObject(name = "replyView", value = ApiDocs.REPLY)))
    @APIResponse(responseCode = "200", description = "The same Idempotency-Key and body were sent before: the reply made then",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyView.class),
                    examples = @ExampleObject(name = "replyView", value = ApiDocs.REPLY)))
    @APIResponse(responseCode = "400", description = "Invalid input: no Idempotency-Key, no text nor templateId, text too long for x, a missing template variable, inReplyTo not a mention of the case",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "404", description = "No such case here, or another brand's",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used with another body, or a private-message window has closed",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.CONFLICT)))
    public Uni<RestResponse<ReplyView>> create(@PathParam("caseId") String caseId,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReplyRequest.class), examples = {
                            @ExampleObject(name = "text", value = ApiDocs.REPLY_REQUEST),
                            @ExampleObject(name = "template", value = ApiDocs.REPLY_TEMPLATE_REQUEST)})) ReplyRequest body) {
        validate(idempotencyKey, body);
        Inputs.pathId(caseId, "case");
        Caller caller = Caller.of(scope);
        return replies.create(caseId, idempotencyKey, body, caller).map(outcome -> {
            Reply r = outcome.reply();
            if (outcome.created() && Reply.QUEUED.equals(r.status)) {
                worker.nudge();
            }
            return RestResponse.ResponseBuilder
                    .create(outcome.created() ? RestResponse.Status.ACCEPTED : RestResponse.Status.OK, ReplyView.of(r))
                    .location(URI.create("/api/v1/replies/" + r.id))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "List the replies of a case, oldest first")
    @APIResponse(responseCode = "200", description = "A page of replies: {items, nextCursor}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "page", value = ApiDocs.REPLY_PAGE)))
    @APIResponse(responseCode = "400", description = "limit outside 1-500 or a cursor this list did not return",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(responseCode = "404", description = "No such case here, or another brand's",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "problem", value = ApiDocs.NOT_FOUND)))
    public Uni<Page<ReplyView>> list(@PathParam("caseId") String caseId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        List<String> after = Inputs.cursor(Cursors.decode(cursor, 2));
        Inputs.pathId(caseId, "case");
        Instant afterCreatedAt = null;
        if (after != null) {
            try {
                afterCreatedAt = Instant.parse(after.get(0));
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this list returned");
            }
        }
        return replies.pageOfCase(caseId, afterCreatedAt, after == null ? null : after.get(1), size + 1,
                Caller.of(scope)).map(rows -> {
                    boolean more = rows.size() > size;
                    List<Reply> page = more ? rows.subList(0, size) : rows;
                    String next = null;
                    if (more) {
                        Reply last = page.get(page.size() - 1);
                        next = Cursors.encode(last.createdAt.toString(), last.id);
                    }
                    return new Page<>(page.stream().map(ReplyView::of).toList(), next);
                });
    }

    static void validate(String idempotencyKey, ReplyRequest body) {
        Validator v = new Validator();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            v.add("Idempotency-Key", "header is required");
        } else if (idempotencyKey.length() > MAX_ID) {
            v.add("Idempotency-Key", "length must be at most " + MAX_ID);
        } else {
            Inputs.storable(v, "Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            v.add("body", "must be a JSON object with text or templateId");
            v.throwIfInvalid();
            return;
        }
        boolean noText = body.text() == null || body.text().isBlank();
        boolean noTemplate = body.templateId() == null || body.templateId().isBlank();
        if (noText && noTemplate) {
            v.add("text", "text or templateId is required");
        } else if (!noText) {
            v.text("text", body.text(), 1, MAX_TEXT);
        } else if (body.text() != null) {
            v.add("text", "must not be blank");
        }
        if (body.templateId() != null && body.templateId().isBlank()) {
            v.add("templateId", "must not be blank");
        }
        v.optionalText("templateId", body.templateId(), MAX_ID);
        v.optionalText("inReplyTo", body.inReplyTo(), MAX_ID);
        if (body.inReplyTo() != null && body.inReplyTo().isBlank()) {
            v.add("inReplyTo", "must not be blank");
        }
        Inputs.storable(v, "text", body.text());
        Inputs.storable(v, "templateId", body.templateId());
        Inputs.storable(v, "inReplyTo", body.inReplyTo());
        if (body.variables() != null) {
            body.variables().forEach((name, value) -> {
                if (value == null) {
                    v.add("variables." + name, "must not be null");
                } else {
                    v.optionalText("variables." + name, value, 1_000);
                    Inputs.storable(v, "variables." + name, value);
                }
            });
        }
        v.throwIfInvalid();
    }
}
