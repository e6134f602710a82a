package io.socialcare.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.ids.Ids;
import io.socialcare.commons.paging.Cursors;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.routing.CareCase;
import io.socialcare.routing.CaseLogEntry;
import io.socialcare.routing.CaseMention;
import io.socialcare.routing.CaseStatus;
import io.socialcare.routing.Transfer;
import io.socialcare.routing.TransferRefusal;
import io.socialcare.routing.config.RoutingConfig;
import io.socialcare.routing.messaging.CaseEventPublisher;
import io.socialcare.routing.repository.CaseLogRepository;
import io.socialcare.routing.repository.CaseMentionRepository;
import io.socialcare.routing.repository.CaseRepository;
import io.socialcare.routing.repository.DepartmentRepository;
import io.socialcare.routing.repository.TransferRefusalRepository;
import io.socialcare.routing.repository.TransferRepository;
import io.socialcare.routing.rest.Dtos;

/** Reading cases, transfers, resolution, and serving department queues when capacity frees. */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final CaseMentionRepository mentions;
    private final TransferRepository transfers;
    private final TransferRefusalRepository refusals;
    private final DepartmentRepository departments;
    private final CaseLogRepository log;
    private final Assigner assigner;
    private final Snapshots snapshots;
    private final CaseEventPublisher publisher;
    private final RoutingConfig config;
    private final CareMetrics metrics;

    public CaseService(CaseRepository cases, CaseMentionRepository mentions, TransferRepository transfers,
            TransferRefusalRepository refusals, DepartmentRepository departments, CaseLogRepository log,
            Assigner assigner, Snapshots snapshots, CaseEventPublisher publisher, RoutingConfig config,
            CareMetrics metrics) {
        this.cases = cases;
        this.mentions = mentions;
        this.transfers = transfers;
        this.refusals = refusals;
        this.departments = departments;
        this.log = log;
        this.assigner = assigner;
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    // ---- reading ----

    public Uni<Dtos.CaseView> get(UUID id, Caller caller) {
        return Panache.withSession(() -> cases.findById(id).flatMap(c -> {
            if (c == null || !caller.canSee(c.brand)) {
                return Uni.createFrom().failure(ProblemException.notFound("No case " + id));
            }
            return view(c);
        }));
    }

    public Uni<Dtos.CaseView> byMention(String mentionId, Caller caller) {
        return Panache.withSession(() -> mentions.findById(mentionId).flatMap(m -> m == null
                ? Uni.createFrom().<CareCase>nullItem()
                : cases.findById(m.caseId)).flatMap(c -> {
                    if (c == null || !caller.canSee(c.brand)) {
                        return Uni.createFrom().failure(ProblemException.notFound(
                                "No case holds mention " + mentionId));
                    }
                    return view(c);
                }));
    }

    private Uni<Dtos.CaseView> view(CareCase c) {
        return mentions.listByCase(c.id).flatMap(ms -> transfers.listByCase(c.id)
                .map(ts -> Snapshots.view(c, ms, ts, Db.now())));
    }

    public Uni<Page<Dtos.CaseView>> list(Caller caller, String brand, String status, String department, String agent,
            UUID customerId, String cursor, int limit) {
        List<String> after = Cursors.decode(cursor, 2);
        Instant afterAt;
        UUID afterId;
        try {
            afterAt = after == null ? null : Instant.parse(after.get(0));
            afterId = after == null ? null : UUID.fromString(after.get(1));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list returned");
        }
        return Panache.withSession(() -> cases.page(caller.scope(), brand, status, department, agent, customerId,
                afterAt, afterId, limit).flatMap(found -> {
                    boolean more = found.size() > limit;
                    List<CareCase> page = more ? found.subList(0, limit) : found;
                    List<UUID> ids = page.stream().map(c -> c.id).toList();
                    return mentions.listByCases(ids).flatMap(ms -> transfers.listByCases(ids).map(ts -> {
                        Map<UUID, List<CaseMention>> byCaseM = new HashMap<>();
                        ms.forEach(m -> byCaseM.computeIfAbsent(m.caseId, k -> new ArrayList<>()).add(m));
                        Map<UUID, List<Transfer>> byCaseT = new HashMap<>();
                        ts.forEach(t -> byCaseT.computeIfAbsent(t.caseId, k -> new ArrayList<>()).add(t));
                        Instant now = Db.now();
                        List<Dtos.CaseView> items = page.stream().map(c -> Snapshots.view(c,
                                byCaseM.getOrDefault(c.id, List.of()), byCaseT.getOrDefault(c.id, List.of()), now))
                                .toList();
                        CareCase last = page.isEmpty() ? null : page.get(page.size() - 1);
                        String next = more && last != null
                                ? Cursors.encode(last.createdAt.toString(), last.id.toString()) : null;
                        return new Page<>(items, next);
                    }));
                }));
    }

    // ---- transfers ----

    private record TransferOutcome(Dtos.CaseView view, List<CaseEvent> events, String refused, String freedDepartment,
            String brand) {
    }

    /**
     * Hands the case to another department. A department that held the case before is refused (409, counted)
     * unless a supervisor forces it; after {@code maxAgentTransfers} transfers only a supervisor may transfer.
     */
    public Uni<Dtos.CaseView> transfer(UUID id, String toDepartment, String reason, boolean force, Caller caller) {
        if (force && !caller.supervisor()) {
            return Uni.createFrom().failure(ProblemException.forbidden("Only a supervisor may force a transfer"));
        }
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> cases.findById(id,
                LockModeType.PESSIMISTIC_WRITE).flatMap(c -> {
                    if (c == null || !caller.canSee(c.brand)) {
                        throw ProblemException.notFound("No case " + id);
                    }
                    if (!c.isOpen()) {
                        throw ProblemException.conflict("Case " + id + " is resolved");
                    }
                    return departments.findById(toDepartment).flatMap(target -> {
                        if (target == null || !target.brand.equals(c.brand)) {
                            throw ProblemException.invalid("toDepartment",
                                    "is not a department of brand " + c.brand);
                        }
                        if (target.id.equals(c.department)) {
                            throw ProblemException.conflict("Department " + target.id + " already holds the case");
                        }
                        return transfers.count("caseId = ?1", c.id).flatMap(count -> {
                            if (count >= config.maxAgentTransfers() && !caller.supervisor()) {
                                throw ProblemException.forbidden("Case " + id + " was transferred " + count
                                        + " times; a supervisor must decide further transfers");
                            }
                            return cases.wasHeldBy(c.id, target.id);
                        }).flatMap(held -> {
                            if (held && !force) {
                                return refuse(c, target.id, caller);
                            }
                            return move(c, target.id, target.name, reason, held, caller);
                        });
                    });
                })))
                .onFailure(Db::isRetryable).retry().atMost(2)
                .call(outcome -> publisher.publish(outcome.events()))
                .call(outcome -> outcome.freedDepartment() == null ? Uni.createFrom().voidItem()
                        : serveQueue(outcome.freedDepartment()))
                .map(outcome -> {
                    if (outcome.refused() != null) {
                        metrics.pingPongRefused(outcome.brand());
                        throw ProblemException.conflict(outcome.refused());
                    }
                    return outcome.view();
                });
    }

    private Uni<TransferOutcome> refuse(CareCase c, String to, Caller caller) {
        TransferRefusal r = new TransferRefusal();
        r.id = Ids.uuid();
        r.caseId = c.id;
        r.brand = c.brand;
        r.fromDepartment = c.department;
        r.toDepartment = to;
        r.byUser = caller.name();
        r.at = Db.now();
        Log.infof("Refused ping-pong transfer of case %s back to department %s", c.id, to);
        return refusals.persist(r).replaceWith(new TransferOutcome(null, List.of(),
                "Department " + to + " held case " + c.id + " before; transfers back are refused (ping-pong)"
                        + " unless a supervisor forces them", null, c.brand));
    }

    private Uni<TransferOutcome> move(CareCase c, String to, String toName, String reason, boolean forced,
            Caller caller) {
        Instant now = Db.now();
        String from = c.department;
        String freed = c.agent != null ? from : null;
        Transfer t = new Transfer();
        t.id = Ids.uuid();
        t.caseId = c.id;
        t.brand = c.brand;
        t.fromDepartment = from;
        t.toDepartment = to;
        t.reason = reason;
        t.byUser = caller.name();
        t.forced = forced;
        t.at = now;
        c.department = to;
        c.version++;
        String why = "transferred from " + from + " to " + toName + " by " + caller.name()
                + (forced ? " (forced by a supervisor)" : "") + ": " + reason;
        return transfers.persist(t)
                .chain(() -> Db.flush())
                .chain(() -> cases.markHeld(c.id, to, now))
                .chain(() -> assigner.pickAgent(to, c.language, null))
                .flatMap(agent -> {
                    if (agent == null) {
                        Assigner.queue(c, why, c.language, now);
                    } else {
                        Assigner.assign(c, agent, why, now);
                    }
                    return snapshots.event(c, EventTypes.CASE_TRANSFERRED);
                })
                .flatMap(event -> view(c).map(v -> new TransferOutcome(v, List.of(event), null, freed, c.brand)));
    }

    // ---- resolution ----

    public Uni<Dtos.CaseView> resolve(UUID id, String note, Caller caller) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> cases.findById(id,
                LockModeType.PESSIMISTIC_WRITE).flatMap(c -> {
                    if (c == null || !caller.canSee(c.brand)) {
                        throw ProblemException.notFound("No case " + id);
                    }
                    if (!c.isOpen()) {
                        return view(c).map(v -> new TransferOutcome(v, List.of(), null, null, c.brand));
                    }
                    Instant now = Db.now();
                    String freed = c.agent != null ? c.department : null;
                    c.status = CaseStatus.RESOLVED;
                    c.resolvedAt = now;
                    c.updatedAt = now;
                    c.queuedAt = null;
                    c.waitingSince = null;
                    c.version++;
                    return log.persist(CaseLogEntry.of(c.id, "resolved", note, caller.name()))
                            .chain(() -> snapshots.event(c, EventTypes.CASE_RESOLVED))
                            .flatMap(event -> view(c)
                                    .map(v -> new TransferOutcome(v, List.of(event), null, freed, c.brand)));
                })))
                .onFailure(Db::isRetryable).retry().atMost(2)
                .call(outcome -> publisher.publish(outcome.events()))
                .call(outcome -> outcome.freedDepartment() == null ? Uni.createFrom().voidItem()
                        : serveQueue(outcome.freedDepartment()))
                .map(TransferOutcome::view);
    }

    /**
     * Marks the case as waiting for the customer: the first-response clock pauses until the customer writes again
     * (their follow-up puts the case back to its owner). Only an open, not yet resolved case can wait.
     */
    public Uni<Dtos.CaseView> waitForCustomer(UUID id, Caller caller) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> cases.findById(id,
                LockModeType.PESSIMISTIC_WRITE).flatMap(c -> {
                    if (c == null || !caller.canSee(c.brand)) {
                        throw ProblemException.notFound("No case " + id);
                    }
                    if (!c.isOpen()) {
                        throw ProblemException.conflict("Case " + id + " is resolved");
                    }
                    if (CaseStatus.WAITING_CUSTOMER.equals(c.status)) {
                        return view(c).map(v -> new TransferOutcome(v, List.of(), null, null, c.brand));
                    }
                    Instant now = Db.now();
                    c.status = CaseStatus.WAITING_CUSTOMER;
                    c.waitingSince = now;
                    c.updatedAt = now;
                    c.version++;
                    return log.persist(CaseLogEntry.of(c.id, "waiting_customer", null, caller.name()))
                            .chain(() -> snapshots.event(c, EventTypes.CASE_WAITING_CUSTOMER))
                            .flatMap(event -> view(c)
                                    .map(v -> new TransferOutcome(v, List.of(event), null, null, c.brand)));
                })))
                .onFailure(Db::isRetryable).retry().atMost(2)
                .call(outcome -> publisher.publish(outcome.events()))
                .map(TransferOutcome::view);
    }

    // ---- queues ----

    /** Assigns the department's longest-waiting cases while an agent has capacity, then publishes. */
    public Uni<Void> serveQueue(String department) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> serveLoop(department,
                config.maxQueueAssignments(), new ArrayList<>())))
                .onFailure(Db::isRetryable).retry().atMost(2)
                .flatMap(publisher::publish)
                .onFailure().recoverWithUni(e -> {
                    Log.errorf(e, "Could not serve the queue of department %s", department);
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<List<CaseEvent>> serveLoop(String department, int remaining, List<CaseEvent> events) {
        if (remaining <= 0) {
            return Uni.createFrom().item(events);
        }
        return Db.flush().chain(() -> cases.oldestQueued(department)).flatMap(c -> {
            if (c == null) {
                return Uni.createFrom().item(events);
            }
            return assigner.pickAgent(department, c.language, null).flatMap(agent -> {
                if (agent == null) {
                    return Uni.createFrom().item(events);
                }
                Instant now = Db.now();
                Assigner.assign(c, agent, "waited in the department queue since " + c.queuedAt, now);
                c.version++;
                return snapshots.event(c, EventTypes.CASE_ASSIGNED).flatMap(event -> {
                    events.add(event);
                    return serveLoop(department, remaining - 1, events);
                });
            });
        });
    }

    /**
     * Moves the open cases of an agent who became unavailable to other agents of the same department (never to
     * another department); cases nobody can take wait in the department queue. Every move is logged.
     */
    public Uni<Void> reassignFrom(String agentId, String byUser) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> cases.openOf(agentId)
                .flatMap(open -> reassignLoop(open, 0, agentId, byUser, new ArrayList<>()))))
                .onFailure(Db::isRetryable).retry().atMost(2)
                .flatMap(publisher::publish);
    }

    private Uni<List<CaseEvent>> reassignLoop(List<CareCase> open, int i, String agentId, String byUser,
            List<CaseEvent> events) {
        if (i >= open.size()) {
            return Uni.createFrom().item(events);
        }
        CareCase c = open.get(i);
        Instant now = Db.now();
        c.agent = null;
        return assigner.pickAgent(c.department, c.language, agentId).flatMap(agent -> {
            String why = "agent " + agentId + " became unavailable";
            if (agent == null) {
                Assigner.queue(c, why, c.language, now);
            } else {
                Assigner.assign(c, agent, why, now);
            }
            c.version++;
            return log.persist(CaseLogEntry.of(c.id, "reassigned", why + "; now "
                    + (c.agent == null ? "queued in department " + c.department : "agent " + c.agent), byUser))
                    .chain(() -> snapshots.event(c, EventTypes.CASE_ASSIGNED));
        }).flatMap(event -> {
            events.add(event);
            return reassignLoop(open, i + 1, agentId, byUser, events);
        });
    }
}
