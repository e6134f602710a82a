package io.socialcare.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.ids.Ids;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import io.socialcare.routing.CareCase;
import io.socialcare.routing.CaseLogEntry;
import io.socialcare.routing.CaseMention;
import io.socialcare.routing.CaseStatus;
import io.socialcare.routing.Customer;
import io.socialcare.routing.CustomerIdentity;
import io.socialcare.routing.CustomerRef;
import io.socialcare.routing.Priority;
import io.socialcare.routing.config.RoutingConfig;
import io.socialcare.routing.repository.CaseLogRepository;
import io.socialcare.routing.repository.CaseMentionRepository;
import io.socialcare.routing.repository.CaseRepository;
import io.socialcare.routing.repository.CustomerIdentityRepository;
import io.socialcare.routing.repository.CustomerRefRepository;
import io.socialcare.routing.repository.CustomerRepository;

/**
 * Routes a captured mention into a case: finds or creates the customer, then joins their open case, reopens a case
 * resolved recently, or opens a new one and assigns it. One transaction per mention; the partial unique index on
 * open cases decides races between replicas, and the loser retries (and then joins the winner's case). The mentions
 * consumer routes whole batches with {@link BatchRouter}, which applies the same rules (the static methods here), and
 * comes here one mention at a time for a batch that needs a customer merge or could not be routed together.
 */
@ApplicationScoped
public class RoutingService {

    private static final int ATTEMPTS = 4;

    private final CustomerRepository customers;
    private final CustomerIdentityRepository identities;
    private final CustomerRefRepository refs;
    private final CaseRepository cases;
    private final CaseMentionRepository mentions;
    private final CaseLogRepository log;
    private final Assigner assigner;
    private final SlaBudgets budgets;
    private final Snapshots snapshots;
    private final RoutingConfig config;

    public RoutingService(CustomerRepository customers, CustomerIdentityRepository identities,
            CustomerRefRepository refs, CaseRepository cases, CaseMentionRepository mentions, CaseLogRepository log,
            Assigner assigner, SlaBudgets budgets, Snapshots snapshots, RoutingConfig config) {
        this.customers = customers;
        this.identities = identities;
        this.refs = refs;
        this.cases = cases;
        this.mentions = mentions;
        this.log = log;
        this.assigner = assigner;
        this.budgets = budgets;
        this.snapshots = snapshots;
        this.config = config;
    }

    /** Routes the mention (nothing happens when it was routed before); the events to publish after commit. */
    public Uni<List<CaseEvent>> route(MentionEvent mention) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> routeInTransaction(mention)))
                .onFailure(Db::isRetryable).invoke(e -> Log.debugf("Routing of mention %s lost a race; retrying",
                        mention.id()))
                .onFailure(Db::isRetryable).retry().atMost(ATTEMPTS - 1);
    }

    private Uni<List<CaseEvent>> routeInTransaction(MentionEvent m) {
        return mentions.findById(m.id()).flatMap(existing -> {
            if (existing != null) {
                Log.debugf("Mention %s was routed before into case %s", m.id(), existing.caseId);
                return Uni.createFrom().item(List.<CaseEvent>of());
            }
            List<CaseEvent> events = new ArrayList<>();
            return resolveCustomer(m, events)
                    .flatMap(customer -> cases.find("brand = ?1 and customerId = ?2 and status <> ?3", m.brand(),
                            customer.id, CaseStatus.RESOLVED).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                            .flatMap(open -> {
                                if (open != null) {
                                    return join(open, m);
                                }
                                Instant since = Db.now().minus(config.reopenWindow());
                                return cases.find("brand = ?1 and customerId = ?2 and status = ?3 and resolvedAt >= ?4"
                                        + " order by resolvedAt desc", m.brand(), customer.id, CaseStatus.RESOLVED,
                                        since).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                                        .flatMap(resolved -> resolved != null ? reopen(resolved, m)
                                                : open(customer, m));
                            }))
                    .map(more -> {
                        events.addAll(more);
                        return events;
                    });
        });
    }

    /**
     * The customer of the mention's author: by (brand, channel, author id), else by customerRef, else a new one;
     * links the identity and the ref to it. When identity and ref belong to two customers, they are merged.
     */
    private Uni<Customer> resolveCustomer(MentionEvent m, List<CaseEvent> events) {
        String ref = m.customerRef() == null || m.customerRef().isBlank() ? null : m.customerRef();
        return identities.findIdentity(m.brand(), m.channel(), m.author().id())
                .flatMap(identity -> (ref == null ? Uni.createFrom().<CustomerRef>nullItem()
                        : refs.findRef(m.brand(), ref))
                        .flatMap(customerRef -> {
                            if (identity != null && customerRef != null
                                    && !identity.customerId.equals(customerRef.customerId)) {
                                return merge(m.brand(), identity.customerId, customerRef.customerId, events);
                            }
                            UUID known = identity != null ? identity.customerId
                                    : customerRef != null ? customerRef.customerId : null;
                            Uni<Customer> customer = known != null ? customers.findById(known) : create(m);
                            return customer.flatMap(c -> link(m, ref, identity, customerRef, c).replaceWith(c));
                        }));
    }

    private Uni<Customer> create(MentionEvent m) {
        Customer c = new Customer();
        c.id = Ids.uuid();
        c.brand = m.brand();
        c.displayName = m.author().name() != null && !m.author().name().isBlank() ? m.author().name()
                : m.author().handle();
        c.createdAt = Db.now();
        return customers.persist(c);
    }

    private Uni<Void> link(MentionEvent m, String ref, CustomerIdentity identity, CustomerRef customerRef,
            Customer customer) {
        Uni<Void> result = Uni.createFrom().voidItem();
        if (identity == null) {
            CustomerIdentity i = new CustomerIdentity();
            i.id = Ids.uuid();
            i.brand = m.brand();
            i.channel = m.channel();
            i.authorId = m.author().id();
            i.handle = m.author().handle();
            i.customerId = customer.id;
            i.createdAt = Db.now();
            result = result.chain(() -> identities.persist(i)).replaceWithVoid();
        }
        if (ref != null && customerRef == null) {
            CustomerRef r = new CustomerRef();
            r.id = Ids.uuid();
            r.brand = m.brand();
            r.ref = ref;
            r.customerId = customer.id;
            r.createdAt = Db.now();
            result = result.chain(() -> refs.persist(r)).replaceWithVoid();
        }
        return result;
    }

    /**
     * Merges two customers that a customerRef proved to be one person: the younger customer's identities, refs and
     * cases move to the older one; when both have an open case, the younger case's mentions move into the older
     * case and the younger case is closed as merged (recorded in both cases' logs).
     */
    private Uni<Customer> merge(String brand, UUID a, UUID b, List<CaseEvent> events) {
        return customers.findById(a).flatMap(ca -> customers.findById(b).flatMap(cb -> {
            Customer keep = ca.createdAt.isAfter(cb.createdAt) ? cb : ca;
            Customer gone = keep == ca ? cb : ca;
            Log.infof("Merging customer %s into %s (linked by customerRef)", gone.id, keep.id);
            return openCaseOf(brand, keep.id).flatMap(keepCase -> openCaseOf(brand, gone.id).flatMap(goneCase -> {
                Uni<Void> cases = Uni.createFrom().voidItem();
                if (keepCase != null && goneCase != null) {
                    CareCase older = keepCase.createdAt.isAfter(goneCase.createdAt) ? goneCase : keepCase;
                    CareCase younger = older == keepCase ? goneCase : keepCase;
                    cases = mergeCases(older, younger, events);
                }
                return cases
                        .chain(() -> Db.flush())
                        .invoke(() -> {
                            if (goneCase != null) {
                                // after the younger case is closed, so that one open case remains per customer
                                goneCase.customerId = keep.id;
                            }
                        })
                        .chain(() -> Db.flush())
                        .chain(() -> identities.moveCustomer(gone.id, keep.id))
                        .chain(() -> refs.moveCustomer(gone.id, keep.id))
                        .chain(() -> this.cases.update("customerId = ?1 where customerId = ?2", keep.id, gone.id))
                        .replaceWith(keep);
            }));
        }));
    }

    private Uni<CareCase> openCaseOf(String brand, UUID customerId) {
        return cases.find("brand = ?1 and customerId = ?2 and status <> ?3", brand, customerId, CaseStatus.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private Uni<Void> mergeCases(CareCase older, CareCase younger, List<CaseEvent> events) {
        Instant now = Db.now();
        younger.status = CaseStatus.RESOLVED;
        younger.resolvedAt = now;
        younger.updatedAt = now;
        younger.version++;
        younger.routingReason = "merged into case " + older.id + " (the same customer, linked by customerRef)";
        older.version++;
        older.updatedAt = now;
        if (Priority.ALL.indexOf(younger.priority) > Priority.ALL.indexOf(older.priority)) {
            older.priority = younger.priority;
        }
        return Db.flush()
                .chain(() -> mentions.moveCase(younger.id, older.id))
                .chain(() -> cases.copyHeld(younger.id, older.id))
                .chain(() -> log.persist(CaseLogEntry.of(older.id, "merged",
                        "case " + younger.id + " merged into this case", "routing-service")))
                .chain(() -> log.persist(CaseLogEntry.of(younger.id, "merged",
                        "merged into case " + older.id, "routing-service")))
                .chain(() -> snapshots.event(younger, EventTypes.CASE_RESOLVED))
                .invoke(events::add)
                .chain(() -> snapshots.event(older, EventTypes.CASE_MENTION_ADDED))
                .invoke(events::add)
                .replaceWithVoid();
    }

    static CaseMention mention(UUID caseId, MentionEvent m, Instant now) {
        CaseMention cm = new CaseMention();
        cm.mentionId = m.id();
        cm.caseId = caseId;
        cm.channel = m.channel();
        cm.externalId = m.externalId();
        cm.threadId = m.threadId() != null ? m.threadId() : m.externalId();
        cm.authorId = m.author().id();
        cm.authorHandle = m.author().handle();
        cm.authorName = m.author().name();
        cm.at = m.publishedAt() != null ? m.publishedAt() : m.capturedAt() != null ? m.capturedAt() : now;
        cm.routedAt = now;
        return cm;
    }

    /** A new case of the customer for the mention (status new, version 1); department and due time still to set. */
    static CareCase newCase(UUID customerId, MentionEvent m, Instant now) {
        MentionEvent.Analysis analysis = m.analysis();
        CareCase c = new CareCase();
        c.id = Ids.uuid();
        c.brand = m.brand();
        c.customerId = customerId;
        c.status = CaseStatus.NEW;
        c.priority = Priority.of(urgency(m));
        c.intent = analysis == null ? null : analysis.intent();
        c.language = analysis != null && analysis.language() != null ? analysis.language() : m.lang();
        List<String> topics = analysis == null || analysis.topics() == null ? List.of() : analysis.topics();
        c.topics = topics.stream().filter(java.util.Objects::nonNull).toArray(String[]::new);
        c.version = 1;
        c.slaStartedAt = now;
        c.queuedAt = now;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    private static String urgency(MentionEvent m) {
        return m.analysis() == null ? null : m.analysis().urgency();
    }

    /** A follow-up joins the open case with its owner. */
    private Uni<List<CaseEvent>> join(CareCase c, MentionEvent m) {
        Instant now = Db.now();
        applyJoin(c, m, now);
        return mentions.persist(mention(c.id, m, now))
                .chain(() -> snapshots.event(c, EventTypes.CASE_MENTION_ADDED))
                .map(List::of);
    }

    /**
     * What a follow-up changes on the open case it joins: a new version, the priority raised to the mention's urgency,
     * and a case waiting for the customer back to its owner with the SLA clock resumed.
     */
    static void applyJoin(CareCase c, MentionEvent m, Instant now) {
        c.version++;
        c.updatedAt = now;
        String priority = Priority.of(urgency(m));
        if (Priority.ALL.indexOf(priority) > Priority.ALL.indexOf(c.priority)) {
            c.priority = priority;
        }
        if (CaseStatus.WAITING_CUSTOMER.equals(c.status)) {
            resumeSla(c, now);
            c.status = c.agent != null ? CaseStatus.ASSIGNED : CaseStatus.NEW;
        }
    }

    /** Restarts a paused SLA clock: the due time moves by the time spent waiting for the customer. */
    static void resumeSla(CareCase c, Instant now) {
        if (c.waitingSince != null) {
            java.time.Duration paused = java.time.Duration.between(c.waitingSince, now);
            c.firstResponseDueAt = c.firstResponseDueAt.plus(paused);
            c.slaStartedAt = c.slaStartedAt.plus(paused);
            c.waitingSince = null;
        }
    }

    /** A follow-up within the reopen window reopens the case with the same owner and a new first-response clock. */
    private Uni<List<CaseEvent>> reopen(CareCase c, MentionEvent m) {
        Instant now = Db.now();
        return budgets.budget(c.brand, reopenPriority(c, m)).flatMap(budget -> {
            applyReopen(c, m, budget, now, config.reopenWindow());
            return mentions.persist(mention(c.id, m, now))
                    .chain(() -> log.persist(reopenLog(c, m)))
                    .chain(() -> snapshots.event(c, EventTypes.CASE_REOPENED))
                    .map(List::of);
        });
    }

    /** The priority of a reopened case: the higher of its own and the mention's urgency. */
    static String reopenPriority(CareCase c, MentionEvent m) {
        String priority = Priority.of(urgency(m));
        return Priority.ALL.indexOf(priority) > Priority.ALL.indexOf(c.priority) ? priority : c.priority;
    }

    /** What reopening changes: open again with the same owner, a new version and a new first-response clock. */
    static void applyReopen(CareCase c, MentionEvent m, java.time.Duration budget, Instant now,
            java.time.Duration window) {
        c.priority = reopenPriority(c, m);
        c.status = c.agent != null ? CaseStatus.ASSIGNED : CaseStatus.NEW;
        c.queuedAt = c.agent != null ? null : now;
        c.resolvedAt = null;
        c.version++;
        c.updatedAt = now;
        c.slaStartedAt = now;
        c.firstResponseDueAt = now.plus(budget);
        c.firstResponseAt = null;
        c.waitingSince = null;
        c.breached = false;
        c.escalated = false;
        c.routingReason = "reopened by a follow-up within " + window.toDays() + " days of its resolution; same owner";
    }

    static CaseLogEntry reopenLog(CareCase c, MentionEvent m) {
        return CaseLogEntry.of(c.id, "reopened", "by mention " + m.id(), "routing-service");
    }

    /** A new case: opened in the matching department, then assigned when an agent has capacity. */
    private Uni<List<CaseEvent>> open(Customer customer, MentionEvent m) {
        Instant now = Db.now();
        CareCase c = newCase(customer.id, m, now);
        List<String> topics = Snapshots.list(c.topics);
        return budgets.budget(c.brand, c.priority)
                .invoke(budget -> c.firstResponseDueAt = now.plus(budget))
                .chain(() -> assigner.chooseDepartment(c.brand, c.intent, topics, c.language))
                .flatMap(choice -> {
                    c.department = choice.department() == null ? null : choice.department().id;
                    c.routingReason = choice.reason();
                    return cases.persist(c)
                            .chain(() -> mentions.persist(mention(c.id, m, now)))
                            .chain(() -> Db.flush())
                            .chain(() -> cases.markHeld(c.id, c.department, now))
                            .chain(() -> snapshots.event(c, EventTypes.CASE_OPENED))
                            .flatMap(opened -> {
                                if (c.department == null) {
                                    return Uni.createFrom().item(List.of(opened));
                                }
                                return assigner.pickAgent(c.department, c.language, null).flatMap(agent -> {
                                    if (agent == null) {
                                        Assigner.queue(c, choice.reason(), c.language, now);
                                        return Db.flush().replaceWith(List.of(opened));
                                    }
                                    Assigner.assign(c, agent, choice.reason(), now);
                                    c.version++;
                                    return snapshots.event(c, EventTypes.CASE_ASSIGNED)
                                            .map(assigned -> List.of(opened, assigned));
                                });
                            });
                });
    }
}
