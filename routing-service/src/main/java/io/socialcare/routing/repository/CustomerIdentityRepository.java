package io.socialcare.routing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.CustomerIdentity;

@ApplicationScoped
@WithSession
public class CustomerIdentityRepository implements PanacheRepositoryBase<CustomerIdentity, UUID> {

    public Uni<CustomerIdentity> findIdentity(String brand, String channel, String authorId) {
        return find("brand = ?1 and channel = ?2 and authorId = ?3", brand, channel, authorId).firstResult();
    }

    public Uni<List<CustomerIdentity>> listByCustomer(UUID customerId) {
        return list("customerId = ?1 order by createdAt, id", customerId);
    }

    /** Moves every identity of {@code from} to {@code to} (customer merge). */
    public Uni<Integer> moveCustomer(UUID from, UUID to) {
        return update("customerId = ?1 where customerId = ?2", to, from);
    }
}
