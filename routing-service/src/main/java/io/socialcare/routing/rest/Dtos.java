package io.socialcare.routing.rest;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of the routing API (contract section routing-service). */
public final class Dtos {

    private Dtos() {
    }

    /** PUT /api/v1/departments/{id}; {@code position} (optional, added) orders departments for routing. */
    public record DepartmentRequest(String brand, String name, List<String> intents, List<String> topics,
            List<String> languages, Integer position) {
    }

    public record DepartmentView(String id, String brand, String name, List<String> intents, List<String> topics,
            List<String> languages, int position) {
    }

    /** PUT /api/v1/agents/{id}. */
    public record AgentRequest(String brand, String name, String department, List<String> languages,
            List<String> skills, Integer capacity, Boolean available) {
    }

    public record AgentView(String id, String brand, String name, String department, List<String> languages,
            List<String> skills, int capacity, boolean available, long openCases) {
    }

    /** PUT /api/v1/sla-policies/{brand}. */
    public record SlaPolicyRequest(FirstResponseMinutes firstResponseMinutes) {
    }

    public record FirstResponseMinutes(Integer critical, Integer high, Integer normal, Integer low) {
    }

    public record SlaPolicyView(String brand, FirstResponseMinutes firstResponseMinutes) {
    }

    /** POST /api/v1/cases/{id}/transfers. */
    public record TransferRequest(String toDepartment, String reason, Boolean force) {
    }

    /** POST /api/v1/cases/{id}/resolve. */
    public record ResolveRequest(String note) {
    }

    /** GET /api/v1/cases/{id}: exactly the contract's shape. */
    public record CaseView(String id, String brand, String customerId, String status, String priority, String intent,
            OwnerView owner, List<MentionView> mentions, List<TransferView> transfers, SlaView sla,
            String routingReason, Instant createdAt, Instant updatedAt, Instant resolvedAt) {
    }

    public record OwnerView(String department, String agent) {
    }

    public record MentionView(String id, String channel, String threadId, Instant at) {
    }

    public record TransferView(String from, String to, String reason, String by, Instant at) {
    }

    public record SlaView(Instant firstResponseDueAt, Instant firstResponseAt, boolean breached) {
    }

    /** GET /api/v1/customers/{id}. */
    public record CustomerView(String id, String brand, List<IdentityView> identities, String openCaseId,
            List<String> caseIds) {
    }

    public record IdentityView(String channel, String authorId, String handle) {
    }

    /** GET /api/v1/stats. */
    public record StatsView(long cases, long transfers, long pingPongRefused, FirstResponseStats firstResponse) {
    }

    public record FirstResponseStats(Double p50Seconds, Double p90Seconds, long breached) {
    }
}
