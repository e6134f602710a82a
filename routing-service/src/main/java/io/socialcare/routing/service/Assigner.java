package io.socialcare.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.socialcare.routing.Agent;
import io.socialcare.routing.CareCase;
import io.socialcare.routing.CaseStatus;
import io.socialcare.routing.Department;
import io.socialcare.routing.repository.AgentRepository;
import io.socialcare.routing.repository.CaseRepository;
import io.socialcare.routing.repository.DepartmentRepository;

/**
 * The routing rules: which department takes a new case (the first by position whose intents, topics and languages
 * match; an empty list matches everything) and which agent in it (the least-loaded available one who speaks the
 * case's language and is under capacity; load = open cases assigned).
 */
@ApplicationScoped
public class Assigner {

    private final DepartmentRepository departments;
    private final AgentRepository agents;
    private final CaseRepository cases;
    private final ConfigCache cache;

    public Assigner(DepartmentRepository departments, AgentRepository agents, CaseRepository cases,
            ConfigCache cache) {
        this.departments = departments;
        this.agents = agents;
        this.cases = cases;
        this.cache = cache;
    }

    public record DepartmentChoice(Department department, String reason) {
    }

    public record AgentChoice(Agent agent, long load) {

        public String reason() {
            return "agent " + agent.name + " has the fewest open cases (" + load + " of " + agent.capacity + ")";
        }
    }

    /** The department for a new case of the brand (departments from the cache). */
    public Uni<DepartmentChoice> chooseDepartment(String brand, String intent, List<String> topics, String language) {
        return cache.departments(brand).map(list -> chooseDepartment(list, brand, intent, topics, language));
    }

    /** The first of {@code list} (the brand's departments in routing order) that matches; else the first. */
    public static DepartmentChoice chooseDepartment(List<Department> list, String brand, String intent,
            List<String> topics, String language) {
        if (list.isEmpty()) {
            return new DepartmentChoice(null, "brand " + brand + " has no departments; the case waits unowned");
        }
        for (Department d : list) {
            List<String> why = new ArrayList<>();
            if (matches(d.intents, intent == null ? List.of() : List.of(intent), "intent", why)
                    && matches(d.topics, topics, "topics", why)
                    && matches(d.languages, language == null ? List.of() : List.of(language), "language", why)) {
                String reason = why.isEmpty()
                        ? "department " + d.name + " accepts every mention"
                        : String.join(" and ", why) + " matched department " + d.name;
                return new DepartmentChoice(d, reason);
            }
        }
        Department first = list.get(0);
        return new DepartmentChoice(first, "no department matched intent " + intent + ", topics " + topics
                + ", language " + language + "; the first department " + first.name + " takes it");
    }

    private static boolean matches(String[] accepted, List<String> actual, String what, List<String> why) {
        if (accepted == null || accepted.length == 0) {
            return true;
        }
        List<String> hits = new ArrayList<>();
        for (String a : accepted) {
            for (String v : actual == null ? List.<String>of() : actual) {
                if (a.equalsIgnoreCase(v)) {
                    hits.add(v);
                }
            }
        }
        if (hits.isEmpty()) {
            return false;
        }
        why.add(what + " " + String.join(", ", hits));
        return true;
    }

    /**
     * Locks the department (assignments into one department are serialized across replicas) and picks the agent,
     * or null when nobody available speaking {@code language} has capacity left.
     */
    public Uni<AgentChoice> pickAgent(String department, String language, String excludeAgent) {
        return Db.flush()
                .chain(() -> departments.lock(department))
                .chain(() -> agents.listAvailable(department))
                .flatMap(candidates -> cases.openLoad(candidates.stream().map(a -> a.id).toList())
                        .map(load -> best(candidates, load, language, excludeAgent)));
    }

    /**
     * The least-loaded of {@code candidates} (the department's available agents) who speaks {@code language} and is
     * under capacity, or null; {@code load} = open cases per agent.
     */
    public static AgentChoice best(List<Agent> candidates, Map<String, Long> load, String language,
            String excludeAgent) {
        List<Agent> speaking = new ArrayList<>();
        for (Agent a : candidates) {
            if (a.speaks(language) && a.capacity > 0 && !a.id.equals(excludeAgent)) {
                speaking.add(a);
            }
        }
        return best(speaking, load);
    }

    private static AgentChoice best(List<Agent> candidates, Map<String, Long> load) {
        AgentChoice best = null;
        for (Agent a : candidates) {
            long l = load.getOrDefault(a.id, 0L);
            if (l < a.capacity && (best == null || l < best.load())) {
                best = new AgentChoice(a, l);
            }
        }
        return best;
    }

    /** Gives the case to the agent (status assigned) and says why. */
    public static void assign(CareCase c, AgentChoice choice, String departmentReason, Instant now) {
        c.agent = choice.agent().id;
        c.status = CaseStatus.ASSIGNED;
        c.queuedAt = null;
        c.routingReason = join(departmentReason, choice.reason());
        c.updatedAt = now;
    }

    /** Puts the case in its department's queue (status new, no agent) and says why. */
    public static void queue(CareCase c, String departmentReason, String language, Instant now) {
        c.agent = null;
        c.status = CaseStatus.NEW;
        c.queuedAt = now;
        c.routingReason = join(departmentReason, c.department == null ? null
                : "no available agent" + (language == null ? "" : " speaking " + language)
                        + " has capacity; the case waits in the department queue");
        c.updatedAt = now;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }
}
