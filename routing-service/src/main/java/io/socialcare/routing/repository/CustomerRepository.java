package io.socialcare.routing.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.socialcare.routing.Customer;

@ApplicationScoped
@WithSession
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {
}
