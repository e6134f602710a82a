package io.socialcare.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case: the customer's open conversation with the brand and its one accountable owner (department and, when
 * assigned, agent). The entity is named CareCase because "case" is a keyword of the query language.
 */
@Entity(name = "CareCase")
@Table(name = "cases")
public class CareCase {

    @Id
    public UUID id;
    public String brand;
    @Column(name = "customer_id")
    public UUID customerId;
    public String status;
    public String priority;
    public String intent;
    public String language;
    public String[] topics;
    public String department;
    public String agent;
    @Column(name = "routing_reason")
    public String routingReason;
    public long version;
    /** When the first-response clock started (creation, or reopening). */
    @Column(name = "sla_started_at")
    public Instant slaStartedAt;
    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;
    @Column(name = "first_response_at")
    public Instant firstResponseAt;
    /** Set while the case waits for the customer; the SLA clock is paused meanwhile. */
    @Column(name = "waiting_since")
    public Instant waitingSince;
    public boolean breached;
    public boolean escalated;
    /** When the case entered its department's queue (status new); the queue is served oldest first. */
    @Column(name = "queued_at")
    public Instant queuedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public boolean isOpen() {
        return !CaseStatus.RESOLVED.equals(status);
    }

    /** Breached when answered late, or not answered and past due at {@code now}. */
    public boolean breachedAt(Instant now) {
        if (breached) {
            return true;
        }
        if (firstResponseAt != null) {
            return firstResponseAt.isAfter(firstResponseDueAt);
        }
        return waitingSince == null && isOpen() && now.isAfter(firstResponseDueAt);
    }
}
