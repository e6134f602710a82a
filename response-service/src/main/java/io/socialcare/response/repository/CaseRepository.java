package io.socialcare.response.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.CaseEvent;
import io.socialcare.response.CaseMention;
import io.socialcare.response.CaseProjection;

/**
 * The case projection: cases and their mentions as last published by the routing-service.
 */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseProjection, String> {

    private static final String UPSERT = """
            INSERT INTO cases (id, version, brand, customer_id, customer_name, status, priority, intent,
                               owner_department, owner_agent, created_at, updated_at)
            VALUES (:id, :version, :brand, :customerId, :customerName, :status, :priority, :intent,
                    :department, :agent, :createdAt, :updatedAt)
            ON CONFLICT (id) DO UPDATE SET
                version = EXCLUDED.version, brand = EXCLUDED.brand, customer_id = EXCLUDED.customer_id,
                customer_name = EXCLUDED.customer_name, status = EXCLUDED.status, priority = EXCLUDED.priority,
                intent = EXCLUDED.intent, owner_department = EXCLUDED.owner_department,
                owner_agent = EXCLUDED.owner_agent, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
            WHERE cases.version < EXCLUDED.version
            """;

    /**
     * Stores the snapshot unless one with the same or a higher version is there already; true when it was stored.
     */
    public Uni<Boolean> upsertIfNewer(CaseEvent e) {
        CaseEvent.Owner owner = e.owner();
        return Panache.getSession().flatMap(session -> session.createNativeQuery(UPSERT)
                .setParameter("id", e.id())
                .setParameter("version", e.version())
                .setParameter("brand", e.brand())
                .setParameter("customerId", e.customerId())
                .setParameter("customerName", e.customerName())
                .setParameter("status", e.status())
                .setParameter("priority", e.priority())
                .setParameter("intent", e.intent())
                .setParameter("department", owner == null ? null : owner.department())
                .setParameter("agent", owner == null ? null : owner.agent())
                .setParameter("createdAt", e.createdAt())
                .setParameter("updatedAt", e.at())
                .executeUpdate())
                .map(count -> count > 0);
    }

    /** Replaces the mentions of a case with those of its newest snapshot. */
    public Uni<Void> replaceMentions(String caseId, List<CaseMention> mentions) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("DELETE FROM case_mentions WHERE case_id = :caseId")
                        .setParameter("caseId", caseId)
                        .executeUpdate()
                        .flatMap(deleted -> session.persistAll(mentions.toArray()))
                        .flatMap(v -> session.flush()));
    }

    public Uni<List<CaseMention>> mentions(String caseId) {
        return Panache.getSession().flatMap(session -> session
                .createQuery("from CaseMention where caseId = :caseId order by at, mentionId", CaseMention.class)
                .setParameter("caseId", caseId)
                .getResultList());
    }

    /** The case that holds a mention, if this service has seen it. */
    public Uni<CaseMention> mentionById(String mentionId) {
        return Panache.getSession().flatMap(session -> session
                .createQuery("from CaseMention where mentionId = :mentionId order by at desc", CaseMention.class)
                .setParameter("mentionId", mentionId)
                .setMaxResults(1)
                .getSingleResultOrNull());
    }
}
