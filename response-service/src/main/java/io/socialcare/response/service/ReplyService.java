package io.socialcare.response.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.ids.Ids;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.response.CaseMention;
import io.socialcare.response.CaseProjection;
import io.socialcare.response.Channels;
import io.socialcare.response.Reply;
import io.socialcare.response.config.ResponseConfig;
import io.socialcare.response.repository.CaseRepository;
import io.socialcare.response.repository.ReplyRepository;
import io.socialcare.response.repository.ReplyStore;
import io.socialcare.response.rest.ReplyRequest;

/**
 * Asking for replies, approving and rejecting them. A reply is stored as the delivery outbox row; the
 * {@link DeliveryWorker} posts it.
 */
@ApplicationScoped
public class ReplyService {

    /** X refuses longer posts; checked before the reply is accepted rather than failing at delivery. */
    static final int X_MAX_LENGTH = 280;

    private final CaseRepository cases;
    private final ReplyRepository replies;
    private final ReplyStore store;
    private final RiskCheck riskCheck;
    private final ResponseConfig config;
    private final ReplyWindows windows;

    public ReplyService(CaseRepository cases, ReplyRepository replies, ReplyStore store, RiskCheck riskCheck,
            ResponseConfig config, ReplyWindows windows) {
        this.cases = cases;
        this.replies = replies;
        this.store = store;
        this.riskCheck = riskCheck;
        this.config = config;
        this.windows = windows;
    }

    /** The outcome of a reply request: the reply and whether this request created it. */
    public record Outcome(Reply reply, boolean created) {
    }

    /**
     * Two round trips and no transaction: one read of everything the request needs (case, answered mention, a reply
     * already made with this key, template), then one {@code INSERT ... ON CONFLICT DO NOTHING}, the only write, which
     * the unique constraint on (case, key) decides between concurrent requests.
     */
    public Uni<Outcome> create(String caseId, String idempotencyKey, ReplyRequest request, Caller caller) {
        String hash = BodyHash.of(request);
        String traceParent = Traces.currentTraceParent();
        return store.context(caseId, idempotencyKey, request.inReplyTo(), request.templateId()).flatMap(context -> {
            if (context == null || !caller.canSee(context.brand())) {
                throw ProblemException.notFound("No case " + caseId);
            }
            if (context.existingId() != null) {
                return store.findByKey(caseId, idempotencyKey).map(existing -> replay(existing, hash));
            }
            Reply reply = build(caseId, context, request, idempotencyKey, hash, caller, traceParent);
            return store.insertIfAbsent(reply).flatMap(inserted -> inserted
                    ? Uni.createFrom().item(new Outcome(reply, true))
                    : store.findByKey(caseId, idempotencyKey).map(winner -> replay(winner, hash)));
        });
    }

    private static Outcome replay(Reply existing, String hash) {
        if (!existing.bodyHash.equals(hash)) {
            throw ProblemException.conflict("Idempotency-Key was already used for a different reply on this case");
        }
        return new Outcome(existing, false);
    }

    private Reply build(String caseId, ReplyStore.Context context, ReplyRequest request, String idempotencyKey,
            String hash, Caller caller, String traceParent) {
        if (request.templateId() != null && (context.templateText() == null
                || !context.brand().equals(context.templateBrand()))) {
            throw ProblemException.invalid("templateId", "is not a template of brand " + context.brand());
        }
        if (context.mentionId() == null) {
            if (request.inReplyTo() != null) {
                throw ProblemException.invalid("inReplyTo", "is not a mention of this case");
            }
            throw ProblemException.conflict("The case has no mention to answer");
        }
        CaseProjection c = new CaseProjection();
        c.id = caseId;
        c.brand = context.brand();
        c.priority = context.priority();
        c.customerName = context.customerName();
        CaseMention mention = new CaseMention();
        mention.caseId = caseId;
        mention.mentionId = context.mentionId();
        mention.channel = context.channel();
        mention.externalId = context.externalId();
        mention.threadId = context.threadId();
        mention.authorHandle = context.authorHandle();
        mention.authorName = context.authorName();
        mention.at = context.mentionAt();

        Validator violations = new Validator();
        String text = request.text();
        boolean impersonal = false;
        if (request.templateId() != null) {
            String rendered = TemplateRenderer.render(context.templateText(), request.variables(), c, mention,
                    violations);
            boolean unedited = text == null || text.strip().equals(rendered.strip());
            if (text == null) {
                text = rendered;
            }
            impersonal = unedited && !personal(context.templateText());
        }
        if (Channels.X.equals(mention.channel) && text != null && text.length() > X_MAX_LENGTH) {
            violations.add(request.text() != null ? "text" : "templateId",
                    "is longer than the " + X_MAX_LENGTH + " characters x allows");
        }
        violations.throwIfInvalid();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (windows.closed(mention.channel, mention.at, now)) {
            throw ProblemException.conflict(windows.explain(mention.channel));
        }

        RiskCheck.Assessment risk = riskCheck.assess(text, impersonal);
        boolean needsApproval = atLeast(risk.level(), config.approval().fromRisk())
                || (config.approval().criticalCases() && "critical".equals(c.priority));

        Reply r = new Reply();
        r.id = Ids.next();
        r.caseId = c.id;
        r.brand = c.brand;
        r.mentionId = mention.mentionId;
        r.channel = mention.channel;
        r.threadId = mention.threadId;
        r.externalId = mention.externalId;
        r.mentionAt = mention.at;
        r.text = text;
        r.templateId = request.templateId();
        r.status = needsApproval ? Reply.PENDING_APPROVAL : Reply.QUEUED;
        r.riskLevel = risk.level();
        r.riskFlags = String.join(",", risk.flags());
        r.idempotencyKey = idempotencyKey;
        r.bodyHash = hash;
        r.nextAttemptAt = needsApproval ? null : now;
        r.requestedBy = caller.name();
        r.kind = Reply.KIND_AGENT;
        r.traceParent = traceParent;
        r.createdAt = now;
        return r;
    }

    /**
     * Whether a template says anything about this customer: a customer placeholder, or a variable filled for
     * this reply.
     */
    private static boolean personal(String templateText) {
        List<String> used = TemplateRenderer.placeholders(templateText);
        if (used.contains("customer.name") || used.contains("customer.handle")) {
            return true;
        }
        return used.stream().anyMatch(p -> !TemplateRenderer.BUILT_IN.contains(p));
    }

    static boolean atLeast(String level, String threshold) {
        return rank(level) >= rank(threshold);
    }

    private static int rank(String level) {
        return switch (level) {
            case RiskCheck.HIGH -> 3;
            case RiskCheck.MEDIUM -> 2;
            default -> 1;
        };
    }

    @WithSession
    public Uni<Reply> get(String id, Caller caller) {
        return replies.findById(id).map(r -> {
            if (r == null || !caller.canSee(r.brand)) {
                throw ProblemException.notFound("No reply " + id);
            }
            return r;
        });
    }

    /** One page of a case's replies; 404 for a case the caller may not see. */
    @WithSession
    public Uni<List<Reply>> pageOfCase(String caseId, Instant afterCreatedAt, String afterId, int limit,
            Caller caller) {
        return cases.findById(caseId).flatMap(c -> {
            if (c == null || !caller.canSee(c.brand)) {
                throw ProblemException.notFound("No case " + caseId);
            }
            return replies.pageOfCase(caseId, afterCreatedAt, afterId, limit);
        });
    }

    @WithTransaction
    public Uni<Reply> approve(String id, Caller caller) {
        return decide(id, caller, Reply.QUEUED);
    }

    @WithTransaction
    public Uni<Reply> reject(String id, Caller caller) {
        return decide(id, caller, Reply.REJECTED);
    }

    private Uni<Reply> decide(String id, Caller caller, String status) {
        return replies.findById(id).map(r -> {
            if (r == null || !caller.canSee(r.brand)) {
                throw ProblemException.notFound("No reply " + id);
            }
            if (!Reply.PENDING_APPROVAL.equals(r.status)) {
                throw ProblemException.conflict("Reply " + id + " is " + r.status + ", not pending_approval");
            }
            r.status = status;
            r.decidedBy = caller.name();
            if (Reply.QUEUED.equals(status)) {
                r.nextAttemptAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            } else {
                r.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                r.failureReason = "rejected_by_supervisor";
            }
            return r;
        });
    }
}
