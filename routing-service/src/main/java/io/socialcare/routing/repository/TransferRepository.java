package io.socialcare.routing.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.Transfer;

@ApplicationScoped
@WithSession
public class TransferRepository implements PanacheRepositoryBase<Transfer, UUID> {

    public Uni<List<Transfer>> listByCase(UUID caseId) {
        return list("caseId = ?1 order by at, id", caseId);
    }

    public Uni<List<Transfer>> listByCases(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("caseId in ?1 order by at, id", caseIds);
    }
}
