package io.socialcare.response;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A reply to one mention of a case, and at the same time its delivery outbox row: {@code queued} rows are
 * claimed by the delivery worker and posted to the mention's own channel and thread.
 */
@Entity
@Table(name = "replies")
public class Reply {

    public static final String PENDING_APPROVAL = "pending_approval";
    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String REJECTED = "rejected";

    public static final String KIND_AGENT = "agent";
    public static final String KIND_CLOSE_LOOP = "close_loop";

    @Id
    public String id;
    @Column(name = "case_id")
    public String caseId;
    public String brand;
    @Column(name = "mention_id")
    public String mentionId;
    public String channel;
    @Column(name = "thread_id")
    public String threadId;
    /** The platform's id of the mention answered. */
    @Column(name = "external_id")
    public String externalId;
    /** When the answered mention was written (reply windows of private-message channels). */
    @Column(name = "mention_at")
    public Instant mentionAt;
    public String text;
    @Column(name = "template_id")
    public String templateId;
    public String status;
    @Column(name = "risk_level")
    public String riskLevel;
    /** Comma-separated risk flags. */
    @Column(name = "risk_flags")
    public String riskFlags;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "body_hash")
    public String bodyHash;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "attempt_started_at")
    public Instant attemptStartedAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "external_post_id")
    public String externalPostId;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "decided_by")
    public String decidedBy;
    public String kind;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "event_published_at")
    public Instant eventPublishedAt;
    /** W3C traceparent of the request that asked for the reply; its event continues that trace. */
    @Column(name = "trace_parent")
    public String traceParent;
    /** Lookups on the platform that failed while the outcome of the attempt at {@link #attemptStartedAt} is unknown. */
    public int lookups;

    public List<String> flags() {
        if (riskFlags == null || riskFlags.isBlank()) {
            return List.of();
        }
        return Arrays.asList(riskFlags.split(","));
    }
}
