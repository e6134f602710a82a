package io.socialcare.response.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.socialcare.response.CaseMention;
import io.socialcare.response.CaseProjection;

/**
 * The case projection read through the ORM: cases and their mentions as last published by the routing-service
 * ({@link CaseProjectionStore} writes them).
 */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseProjection, String> {

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
