package io.socialcare.routing.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.CareCase;
import io.socialcare.routing.CaseStatus;

@ApplicationScoped
@WithSession
public class CaseRepository implements PanacheRepositoryBase<CareCase, UUID> {

    /** The customer's open case, if any (the database allows at most one). */
    public Uni<CareCase> findOpen(String brand, UUID customerId) {
        return find("brand = ?1 and customerId = ?2 and status <> ?3", brand, customerId, CaseStatus.RESOLVED)
                .firstResult();
    }

    /** The customer's case resolved most recently after {@code since}, if any. */
    public Uni<CareCase> findResolvedSince(String brand, UUID customerId, Instant since) {
        return find("brand = ?1 and customerId = ?2 and status = ?3 and resolvedAt >= ?4 order by resolvedAt desc",
                brand, customerId, CaseStatus.RESOLVED, since).firstResult();
    }

    public Uni<List<CareCase>> listByCustomer(UUID customerId) {
        return list("customerId = ?1 order by createdAt, id", customerId);
    }

    /**
     * Open cases per agent, for the given agents (kept in {@code agent_open_cases} by a trigger on {@code cases}; the
     * changes of the current transaction count once flushed).
     */
    public Uni<Map<String, Long>> openLoad(Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT agent, open_cases FROM agent_open_cases WHERE agent IN (:agents)",
                        Object[].class)
                .setParameter("agents", agentIds)
                .getResultList())
                .map(rows -> {
                    Map<String, Long> load = new HashMap<>();
                    for (Object[] row : rows) {
                        load.put((String) row[0], ((Number) row[1]).longValue());
                    }
                    return load;
                });
    }

    /** The case that waited longest in the department's queue (status new), if any. */
    public Uni<CareCase> oldestQueued(String department) {
        return find("department = ?1 and status = ?2 order by queuedAt, createdAt, id", department, CaseStatus.NEW)
                .firstResult();
    }

    /** Open cases assigned to the agent, oldest first. */
    public Uni<List<CareCase>> openOf(String agent) {
        return list("agent = ?1 and status <> ?2 order by createdAt, id", agent, CaseStatus.RESOLVED);
    }

    /** True when {@code department} has held the case before (or holds it now). */
    public Uni<Boolean> wasHeldBy(UUID caseId, String department) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT 1 FROM case_departments WHERE case_id = :id AND department = :d")
                .setParameter("id", caseId)
                .setParameter("d", department)
                .getResultList())
                .map(rows -> !rows.isEmpty());
    }

    public Uni<Void> markHeld(UUID caseId, String department, Instant at) {
        if (department == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("INSERT INTO case_departments (case_id, department, since) VALUES (:id, :d, :at)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("id", caseId)
                .setParameter("d", department)
                .setParameter("at", at)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Copies the departments that held case {@code from} to case {@code to} (merge). */
    public Uni<Void> copyHeld(UUID from, UUID to) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("INSERT INTO case_departments (case_id, department, since)"
                        + " SELECT :to, department, since FROM case_departments WHERE case_id = :from"
                        + " ON CONFLICT DO NOTHING")
                .setParameter("to", to)
                .setParameter("from", from)
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The unanswered open cases the SLA sweep has to act on at {@code now}, earliest due first: past their due time
     * (to be marked breached), or not escalated yet and past {@code escalateAt} of their budget (to be escalated).
     * Cases with nothing to do are not returned, so a full batch of escalated cases waiting for their due time cannot
     * hold back the escalation of another. Locked {@code FOR UPDATE SKIP LOCKED}: two replicas sweeping at once take
     * different cases.
     */
    public Uni<List<CareCase>> listSlaDue(String brand, Instant now, double escalateAt, int max) {
        String sql = "SELECT * FROM cases WHERE status IN ('" + CaseStatus.NEW + "', '" + CaseStatus.ASSIGNED + "')"
                + " AND first_response_at IS NULL AND NOT breached"
                + " AND (first_response_due_at < :now OR (NOT escalated AND sla_started_at"
                + " + (first_response_due_at - sla_started_at) * :share <= :now))"
                + (brand == null ? "" : " AND brand = :brand")
                + " ORDER BY first_response_due_at LIMIT :max FOR UPDATE SKIP LOCKED";
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, CareCase.class)
                    .setParameter("now", now)
                    .setParameter("share", escalateAt)
                    .setParameter("max", max);
            if (brand != null) {
                query.setParameter("brand", brand);
            }
            return query.getResultList();
        });
    }

    /** One page of cases, newest first, after the cursor position ({@code afterCreatedAt}, {@code afterId}). */
    public Uni<List<CareCase>> page(Collection<String> brands, String brand, String status, String department,
            String agent, UUID customerId, Instant afterCreatedAt, UUID afterId, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (brands != null) {
            q.append(" and brand in :brands");
            p.and("brands", brands);
        }
        if (brand != null) {
            q.append(" and brand = :brand");
            p.and("brand", brand);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (department != null) {
            q.append(" and department = :department");
            p.and("department", department);
        }
        if (agent != null) {
            q.append(" and agent = :agent");
            p.and("agent", agent);
        }
        if (customerId != null) {
            q.append(" and customerId = :customerId");
            p.and("customerId", customerId);
        }
        if (afterCreatedAt != null) {
            q.append(" and (createdAt < :t or (createdAt = :t and id < :afterId))");
            p.and("t", afterCreatedAt).and("afterId", afterId);
        }
        q.append(" order by createdAt desc, id desc");
        return find(q.toString(), p).range(0, limit).list();
    }
}
