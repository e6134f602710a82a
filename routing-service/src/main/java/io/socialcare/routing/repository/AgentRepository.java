package io.socialcare.routing.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.Agent;

@ApplicationScoped
@WithSession
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    public Uni<List<Agent>> listAvailable(String department) {
        return list("department = ?1 and available = true order by id", department);
    }

    public Uni<List<Agent>> listByBrand(String brand) {
        return list("brand = ?1 order by department, id", brand);
    }
}
