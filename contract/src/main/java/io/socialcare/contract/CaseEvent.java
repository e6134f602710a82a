package io.socialcare.contract;

import java.time.Instant;
import java.util.List;

/**
 * Value of every record on the {@code cases} topic: a snapshot of the case after the change named by
 * the record's {@code ce_type}. Consumers keep the snapshot with the highest {@code version}.
 */
public record CaseEvent(
        String type,
        String id,
        long version,
        String brand,
        String customerId,
        String customerName,
        String status,
        String priority,
        String intent,
        Owner owner,
        List<MentionRef> mentions,
        Instant firstResponseDueAt,
        Instant createdAt,
        Instant at) {

    public record Owner(String department, String agent) {
    }

    /** A mention of the case, with what a reply needs to reach the same channel and thread. */
    public record MentionRef(
            String id,
            String channel,
            String externalId,
            String threadId,
            String authorId,
            String authorHandle,
            String authorName,
            Instant at) {
    }
}
