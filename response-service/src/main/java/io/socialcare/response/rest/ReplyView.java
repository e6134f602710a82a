package io.socialcare.response.rest;

import java.time.Instant;
import java.util.List;

import io.socialcare.response.Reply;

/**
 * A reply as the API shows it: the contract's fields ({@code id, caseId, mentionId, channel, threadId, status,
 * risk}) plus the text and the delivery outcome. {@code outcomeUnknownSince}: a queued reply whose post started then
 * and whose outcome is not known yet (in flight, or being looked up on a platform after a timeout); null otherwise.
 */
public record ReplyView(
        String id,
        String caseId,
        String mentionId,
        String channel,
        String threadId,
        String status,
        Risk risk,
        String text,
        String templateId,
        int attempts,
        String failureReason,
        String externalPostId,
        String requestedBy,
        String decidedBy,
        Instant createdAt,
        Instant sentAt,
        Instant outcomeUnknownSince) {

    public record Risk(String level, List<String> flags) {
    }

    public static ReplyView of(Reply r) {
        return new ReplyView(r.id, r.caseId, r.mentionId, r.channel, r.threadId, r.status,
                new Risk(r.riskLevel, r.flags()), r.text, r.templateId, r.attempts, r.failureReason,
                r.externalPostId, r.requestedBy, r.decidedBy, r.createdAt, r.sentAt,
                Reply.QUEUED.equals(r.status) ? r.attemptStartedAt : null);
    }
}
