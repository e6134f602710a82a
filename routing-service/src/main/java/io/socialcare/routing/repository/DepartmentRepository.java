package io.socialcare.routing.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.Department;

@ApplicationScoped
@WithSession
public class DepartmentRepository implements PanacheRepositoryBase<Department, String> {

    /** The brand's departments in routing order. */
    public Uni<List<Department>> listByBrand(String brand) {
        return list("brand = ?1 order by position, id", brand);
    }

    public Uni<Integer> nextPosition(String brand) {
        return Panache.getSession().flatMap(s -> s
                .createSelectionQuery("select coalesce(max(d.position), 0) from Department d where d.brand = :brand",
                        Integer.class)
                .setParameter("brand", brand)
                .getSingleResult())
                .map(max -> max + 1);
    }

    /**
     * Locks the department row until the transaction ends, so that assignments into one department are serialized
     * and no agent goes over capacity when several replicas assign at once.
     */
    public Uni<Void> lock(String id) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT id FROM departments WHERE id = :id FOR UPDATE")
                .setParameter("id", id)
                .getResultList())
                .replaceWithVoid();
    }
}
