package io.socialcare.routing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.CaseLogEntry;

@ApplicationScoped
@WithSession
public class CaseLogRepository implements PanacheRepositoryBase<CaseLogEntry, UUID> {

    public Uni<List<CaseLogEntry>> listByCase(UUID caseId) {
        return list("caseId = ?1 order by at, id", caseId);
    }
}
