package io.socialcare.response.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.ids.Ids;
import io.socialcare.contract.ThemeShippedEvent;
import io.socialcare.response.Channels;
import io.socialcare.response.Reply;
import io.socialcare.response.config.ResponseConfig;
import io.socialcare.response.repository.CaseRepository;
import io.socialcare.response.repository.ReplyRepository;

/**
 * Closes the loop when product ships a theme: each contributing customer is told once (per theme and customer,
 * enforced by the {@code loop_notices} key), in the channel and thread they used, with a personalised message.
 * The notice is an ordinary reply of kind {@code close_loop}, delivered by the outbox like any other.
 */
@ApplicationScoped
public class CloseLoopService {

    static final String REQUESTED_BY = "system:close-loop";

    private final ReplyRepository replies;
    private final CaseRepository cases;
    private final RiskCheck riskCheck;
    private final ReplyWindows windows;
    private final ResponseConfig config;

    public CloseLoopService(ReplyRepository replies, CaseRepository cases, RiskCheck riskCheck, ReplyWindows windows,
            ResponseConfig config) {
        this.replies = replies;
        this.cases = cases;
        this.riskCheck = riskCheck;
        this.windows = windows;
        this.config = config;
    }

    /** Queues one notice per new contributor; returns the ids of the notices queued by this call. */
    @WithTransaction
    public Uni<List<String>> themeShipped(ThemeShippedEvent event) {
        validate(event);
        Map<String, ThemeShippedEvent.Contributor> byCustomer = new LinkedHashMap<>();
        for (ThemeShippedEvent.Contributor c : event.contributors()) {
            byCustomer.putIfAbsent(c.customerKey(), c);
        }
        List<String> queued = new ArrayList<>();
        return Multi.createFrom().iterable(byCustomer.values())
                .onItem().transformToUniAndConcatenate(c -> notify(event, c).invoke(id -> {
                    if (id != null) {
                        queued.add(id);
                    }
                }))
                .collect().last()
                .map(x -> queued);
    }

    private Uni<String> notify(ThemeShippedEvent event, ThemeShippedEvent.Contributor c) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String replyId = Ids.next();
        return replies.claimLoopNotice(event.themeId(), c.customerKey(), replyId, now).flatMap(first -> {
            if (!first) {
                return Uni.createFrom().nullItem();
            }
            return cases.mentionById(c.mentionId()).flatMap(known -> {
                Reply r = notice(event, c, replyId, known == null ? null : known.caseId,
                        known == null ? null : known.at, now);
                return replies.insertIfAbsent(r).map(inserted -> inserted ? replyId : null);
            });
        });
    }

    private Reply notice(ThemeShippedEvent event, ThemeShippedEvent.Contributor c, String replyId, String caseId,
            Instant mentionAt, Instant now) {
        String name = c.authorName() != null && !c.authorName().isBlank() ? c.authorName()
                : (c.authorHandle() != null ? "@" + c.authorHandle() : "");
        String text = config.closeLoop().message()
                .replace("{{customer.name}}", name)
                .replace("{{theme.title}}", event.title() == null ? "" : event.title())
                .replace("{{product}}", event.product() == null || event.product().isBlank() ? event.brand()
                        : event.product());
        if (Channels.X.equals(c.channel()) && text.length() > 280) {
            text = text.substring(0, 279) + "…";
        }
        RiskCheck.Assessment risk = riskCheck.assess(text, false);
        boolean needsApproval = ReplyService.atLeast(risk.level(), config.approval().fromRisk());
        Reply r = new Reply();
        r.id = replyId;
        r.caseId = caseId != null ? caseId : "theme:" + event.themeId();
        r.brand = event.brand();
        r.mentionId = c.mentionId();
        r.channel = c.channel();
        r.threadId = c.threadId() == null || c.threadId().isBlank() ? c.externalId() : c.threadId();
        r.externalId = c.externalId();
        r.mentionAt = mentionAt;
        r.text = text;
        r.status = needsApproval ? Reply.PENDING_APPROVAL : Reply.QUEUED;
        r.riskLevel = risk.level();
        r.riskFlags = String.join(",", risk.flags());
        r.idempotencyKey = "theme:" + event.themeId() + ":" + c.customerKey();
        r.bodyHash = BodyHash.sha256(text);
        r.nextAttemptAt = needsApproval ? null : now;
        r.requestedBy = REQUESTED_BY;
        r.kind = Reply.KIND_CLOSE_LOOP;
        r.traceParent = Traces.currentTraceParent();
        r.createdAt = now;
        // not announced on "replies": a notice weeks later is not a response to the case (first-response time)
        r.eventPublishedAt = now;
        if (windows.closed(r.channel, mentionAt, now)) {
            Log.infof("Contributor %s of theme %s is on a closed private channel; notice recorded as failed",
                    c.customerKey(), event.themeId());
            r.status = Reply.FAILED;
            r.failureReason = ReplyWindows.OUTSIDE_WINDOW;
            r.finishedAt = now;
            r.nextAttemptAt = null;
        }
        return r;
    }

    static void validate(ThemeShippedEvent e) {
        List<String> missing = new ArrayList<>();
        if (e.themeId() == null || e.themeId().isBlank()) {
            missing.add("themeId");
        }
        if (e.brand() == null || e.brand().isBlank()) {
            missing.add("brand");
        }
        if (e.contributors() == null) {
            missing.add("contributors");
        } else {
            for (int i = 0; i < e.contributors().size(); i++) {
                ThemeShippedEvent.Contributor c = e.contributors().get(i);
                if (c == null || blank(c.customerKey()) || blank(c.mentionId()) || blank(c.channel())
                        || blank(c.externalId())) {
                    missing.add("contributors[" + i + "]");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Theme event lacks " + String.join(", ", missing));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
