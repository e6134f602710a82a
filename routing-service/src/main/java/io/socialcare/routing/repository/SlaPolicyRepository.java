package io.socialcare.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.socialcare.routing.SlaPolicy;

@ApplicationScoped
@WithSession
public class SlaPolicyRepository implements PanacheRepositoryBase<SlaPolicy, String> {
}
