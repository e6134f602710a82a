package io.socialcare.routing.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.CustomerRef;

@ApplicationScoped
@WithSession
public class CustomerRefRepository implements PanacheRepositoryBase<CustomerRef, UUID> {

    public Uni<CustomerRef> findRef(String brand, String ref) {
        return find("brand = ?1 and ref = ?2", brand, ref).firstResult();
    }

    /** Moves every ref of {@code from} to {@code to} (customer merge). */
    public Uni<Integer> moveCustomer(UUID from, UUID to) {
        return update("customerId = ?1 where customerId = ?2", to, from);
    }
}
