package io.socialcare.routing.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.routing.CareCase;
import io.socialcare.routing.repository.CaseRepository;
import io.socialcare.routing.repository.CustomerIdentityRepository;
import io.socialcare.routing.repository.CustomerRepository;
import io.socialcare.routing.rest.Dtos;

/** A customer with their channel identities and cases. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerIdentityRepository identities;
    private final CaseRepository cases;

    public CustomerService(CustomerRepository customers, CustomerIdentityRepository identities,
            CaseRepository cases) {
        this.customers = customers;
        this.identities = identities;
        this.cases = cases;
    }

    public Uni<Dtos.CustomerView> get(UUID id, Caller caller) {
        return Panache.withSession(() -> customers.findById(id).flatMap(c -> {
            if (c == null || !caller.canSee(c.brand)) {
                return Uni.createFrom().failure(ProblemException.notFound("No customer " + id));
            }
            return identities.listByCustomer(id).flatMap(ids -> cases.listByCustomer(id).map(list -> {
                String open = list.stream().filter(CareCase::isOpen).map(k -> k.id.toString()).findFirst()
                        .orElse(null);
                return new Dtos.CustomerView(c.id.toString(), c.brand,
                        ids.stream().map(i -> new Dtos.IdentityView(i.channel, i.authorId, i.handle)).toList(),
                        open, list.stream().map(k -> k.id.toString()).toList());
            }));
        }));
    }
}
