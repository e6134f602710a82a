package io.socialcare.contract;

import java.time.Instant;

/**
 * Value of {@code reply.sent} and {@code reply.failed} records on the {@code replies} topic.
 */
public record ReplyEvent(
        String type,
        String id,
        String caseId,
        String brand,
        String mentionId,
        String channel,
        String threadId,
        String status,
        String failureReason,
        Instant requestedAt,
        Instant at) {
}
