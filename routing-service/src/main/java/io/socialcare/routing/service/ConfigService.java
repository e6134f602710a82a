package io.socialcare.routing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.routing.Agent;
import io.socialcare.routing.Department;
import io.socialcare.routing.SlaPolicy;
import io.socialcare.routing.repository.AgentRepository;
import io.socialcare.routing.repository.CaseRepository;
import io.socialcare.routing.repository.DepartmentRepository;
import io.socialcare.routing.repository.SlaPolicyRepository;
import io.socialcare.routing.rest.Dtos;

/**
 * Departments, agents and SLA policies (upserts by id). An agent who becomes available (or gets more capacity)
 * takes queued cases; an agent who becomes unavailable hands their cases to colleagues of the same department.
 */
@ApplicationScoped
public class ConfigService {

    private final DepartmentRepository departments;
    private final AgentRepository agents;
    private final SlaPolicyRepository policies;
    private final CaseRepository cases;
    private final CaseService caseService;
    private final ConfigCache cache;

    public ConfigService(DepartmentRepository departments, AgentRepository agents, SlaPolicyRepository policies,
            CaseRepository cases, CaseService caseService, ConfigCache cache) {
        this.departments = departments;
        this.agents = agents;
        this.policies = policies;
        this.cases = cases;
        this.caseService = caseService;
        this.cache = cache;
    }

    public Uni<Dtos.DepartmentView> putDepartment(String id, Dtos.DepartmentRequest r, Caller caller) {
        return Panache.withTransaction(() -> departments.findById(id).flatMap(existing -> {
            ensureSameBrand(existing == null ? null : existing.brand, r.brand(), "Department", id, caller);
            Uni<Integer> position = r.position() != null ? Uni.createFrom().item(r.position())
                    : existing != null ? Uni.createFrom().item(existing.position)
                    : departments.nextPosition(r.brand());
            return position.flatMap(pos -> {
                Department d = existing != null ? existing : new Department();
                java.time.Instant now = Db.now();
                if (existing == null) {
                    d.id = id;
                    d.createdAt = now;
                }
                d.brand = r.brand();
                d.name = r.name();
                d.intents = array(r.intents());
                d.topics = array(r.topics());
                d.languages = array(r.languages());
                d.position = pos;
                d.updatedAt = now;
                return (existing == null ? departments.persist(d) : Uni.createFrom().item(d)).map(ConfigService::view);
            });
        })).invoke(() -> cache.changed(r.brand()));
    }

    public Uni<List<Dtos.DepartmentView>> listDepartments(String brand) {
        return Panache.withSession(() -> departments.listByBrand(brand)
                .map(list -> list.stream().map(ConfigService::view).toList()));
    }

    public Uni<Dtos.AgentView> putAgent(String id, Dtos.AgentRequest r, Caller caller) {
        boolean available = r.available() == null || r.available();
        record Saved(Dtos.AgentView view, boolean becameUnavailable, boolean mayTakeMore) {
        }
        return Panache.withTransaction(() -> agents.findById(id).flatMap(existing -> {
            ensureSameBrand(existing == null ? null : existing.brand, r.brand(), "Agent", id, caller);
            return departments.findById(r.department()).flatMap(dept -> {
                if (dept == null || !dept.brand.equals(r.brand())) {
                    throw ProblemException.invalid("department", "is not a department of brand " + r.brand());
                }
                boolean wasAvailable = existing != null && existing.available;
                int oldCapacity = existing == null ? 0 : existing.capacity;
                Agent a = existing != null ? existing : new Agent();
                java.time.Instant now = Db.now();
                if (existing == null) {
                    a.id = id;
                    a.createdAt = now;
                }
                a.brand = r.brand();
                a.name = r.name();
                a.department = r.department();
                a.languages = array(r.languages());
                a.skills = array(r.skills());
                a.capacity = r.capacity();
                a.available = available;
                a.updatedAt = now;
                boolean becameUnavailable = wasAvailable && !available;
                boolean mayTakeMore = available && (!wasAvailable || a.capacity > oldCapacity);
                return (existing == null ? agents.persist(a) : Uni.createFrom().item(a))
                        .chain(() -> Db.flush())
                        .chain(() -> cases.openLoad(List.of(a.id)))
                        .map(load -> new Saved(view(a, load.getOrDefault(a.id, 0L)), becameUnavailable, mayTakeMore));
            });
        })).call(saved -> saved.becameUnavailable() ? caseService.reassignFrom(id, caller.name())
                : Uni.createFrom().voidItem())
                .call(saved -> saved.mayTakeMore() ? caseService.serveQueue(r.department())
                        : Uni.createFrom().voidItem())
                .map(Saved::view);
    }

    public Uni<List<Dtos.AgentView>> listAgents(String brand) {
        return Panache.withSession(() -> agents.listByBrand(brand).flatMap(list -> cases
                .openLoad(list.stream().map(a -> a.id).toList())
                .map(load -> list.stream().map(a -> view(a, load.getOrDefault(a.id, 0L))).toList())));
    }

    public Uni<Dtos.SlaPolicyView> putSlaPolicy(String brand, Dtos.FirstResponseMinutes m) {
        return Panache.withTransaction(() -> policies.findById(brand).flatMap(existing -> {
            SlaPolicy p = existing != null ? existing : new SlaPolicy();
            p.brand = brand;
            p.criticalMinutes = m.critical();
            p.highMinutes = m.high();
            p.normalMinutes = m.normal();
            p.lowMinutes = m.low();
            p.updatedAt = Db.now();
            return (existing == null ? policies.persist(p) : Uni.createFrom().item(p)).map(ConfigService::view);
        })).invoke(() -> cache.changed(brand));
    }

    public Uni<Dtos.SlaPolicyView> getSlaPolicy(String brand, SlaBudgets defaults) {
        return Panache.withSession(() -> policies.findById(brand).map(p -> p != null ? view(p)
                : new Dtos.SlaPolicyView(brand, new Dtos.FirstResponseMinutes(defaults.defaultMinutes("critical"),
                        defaults.defaultMinutes("high"), defaults.defaultMinutes("normal"),
                        defaults.defaultMinutes("low")))));
    }

    /** An id that exists in another brand: 404 when the caller cannot see that brand, else 409. */
    private static void ensureSameBrand(String existingBrand, String brand, String what, String id, Caller caller) {
        if (existingBrand != null && !existingBrand.equals(brand)) {
            if (!caller.canSee(existingBrand)) {
                throw ProblemException.notFound(what + " " + id + " does not exist");
            }
            throw ProblemException.conflict(what + " " + id + " belongs to brand " + existingBrand);
        }
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    static Dtos.DepartmentView view(Department d) {
        return new Dtos.DepartmentView(d.id, d.brand, d.name, Snapshots.list(d.intents), Snapshots.list(d.topics),
                Snapshots.list(d.languages), d.position);
    }

    static Dtos.AgentView view(Agent a, long openCases) {
        return new Dtos.AgentView(a.id, a.brand, a.name, a.department, Snapshots.list(a.languages),
                Snapshots.list(a.skills), a.capacity, a.available, openCases);
    }

    static Dtos.SlaPolicyView view(SlaPolicy p) {
        return new Dtos.SlaPolicyView(p.brand, new Dtos.FirstResponseMinutes(p.criticalMinutes, p.highMinutes,
                p.normalMinutes, p.lowMinutes));
    }
}
