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

/**
 * Replies of a case: ask for one (idempotent per {@code Idempotency-Key}) and list them.
 */
@Path("/api/v1/cases/{caseId}/replies")
@Produces(MediaType.APPLICATION_JSON)
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
    public Uni<RestResponse<ReplyView>> create(@PathParam("caseId") String caseId,
            @HeaderParam("Idempotency-Key") String idempotencyKey, ReplyRequest body) {
        validate(idempotencyKey, body);
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
    public Uni<Page<ReplyView>> list(@PathParam("caseId") String caseId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit);
        List<String> after = Cursors.decode(cursor, 2);
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
        if (body.variables() != null) {
            body.variables().forEach((name, value) -> {
                if (value == null) {
                    v.add("variables." + name, "must not be null");
                } else {
                    v.optionalText("variables." + name, value, 1_000);
                }
            });
        }
        v.throwIfInvalid();
    }
}
