package io.socialcare.routing.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.CaseMention;

@ApplicationScoped
@WithSession
public class CaseMentionRepository implements PanacheRepositoryBase<CaseMention, String> {

    public Uni<List<CaseMention>> listByCase(UUID caseId) {
        return list("caseId = ?1 order by at, mentionId", caseId);
    }

    public Uni<List<CaseMention>> listByCases(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("caseId in ?1 order by at, mentionId", caseIds);
    }

    /** Moves every mention of case {@code from} into case {@code to} (merge). */
    public Uni<Integer> moveCase(UUID from, UUID to) {
        return update("caseId = ?1 where caseId = ?2", to, from);
    }
}
