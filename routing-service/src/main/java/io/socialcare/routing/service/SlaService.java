package io.socialcare.routing.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.routing.CareCase;
import io.socialcare.routing.CaseLogEntry;
import io.socialcare.routing.Priority;
import io.socialcare.routing.config.RoutingConfig;
import io.socialcare.routing.messaging.CaseEventPublisher;
import io.socialcare.routing.repository.CaseLogRepository;
import io.socialcare.routing.repository.CaseRepository;

/**
 * The first-response SLA: records the first reply, escalates unanswered cases at a share of their budget
 * (priority one level up, {@code case.escalated}) and marks them breached after the due time
 * ({@code case.sla_breached}). The clock does not run while a case waits for the customer.
 */
@ApplicationScoped
public class SlaService {

    /**
     * Added to the contract's case events: the case missed its first-response due time (marked by the sweep, or by a
     * first reply that came late); published once per SLA clock, with the case's next version.
     */
    public static final String CASE_SLA_BREACHED = "case.sla_breached";

    private final CaseRepository cases;
    private final CaseLogRepository log;
    private final Snapshots snapshots;
    private final CaseEventPublisher publisher;
    private final RoutingConfig config;
    private final CareMetrics metrics;

    public SlaService(CaseRepository cases, CaseLogRepository log, Snapshots snapshots, CaseEventPublisher publisher,
            RoutingConfig config, CareMetrics metrics) {
        this.cases = cases;
        this.log = log;
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    /** What the first response of a case changed, for the metrics after the commit, and the event of a breach. */
    private record FirstResponse(String brand, String priority, Duration elapsed, boolean breached, CaseEvent event) {
    }

    /**
     * Sets the case's first response time unless it has one (idempotent: the row is locked and a known first response
     * is kept); an unknown case is ignored. A response after the due time marks the case breached
     * ({@code case.sla_breached} unless the sweep marked it before).
     */
    public Uni<Void> firstResponse(UUID caseId, Instant at) {
        Instant when = at != null ? at : Db.now();
        return Panache.withTransaction(() -> cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE).flatMap(c -> {
            if (c == null || c.firstResponseAt != null) {
                return Uni.createFrom().<FirstResponse>nullItem();
            }
            boolean late = when.isAfter(c.firstResponseDueAt);
            boolean newlyBreached = late && !c.breached;
            c.firstResponseAt = when;
            c.breached = c.breached || late;
            Duration elapsed = Duration.between(c.slaStartedAt, when);
            if (!newlyBreached) {
                return Uni.createFrom().item(new FirstResponse(c.brand, c.priority, elapsed, false, null));
            }
            c.version++;
            c.updatedAt = Db.now();
            return log.persist(CaseLogEntry.of(c.id, "breached", "first response at " + when + ", due at "
                    + c.firstResponseDueAt, "sla"))
                    .chain(() -> snapshots.event(c, CASE_SLA_BREACHED))
                    .map(event -> new FirstResponse(c.brand, c.priority, elapsed, true, event));
        }))
                .call(r -> {
                    Log.debugf("First response of case %s: %s", caseId, r == null ? "already known" : when);
                    if (r == null) {
                        return Uni.createFrom().voidItem();
                    }
                    metrics.firstResponse(r.brand(), r.priority(), r.elapsed());
                    if (r.breached()) {
                        metrics.slaBreached(r.brand());
                    }
                    return publisher.publish(r.event() == null ? List.of() : List.of(r.event()));
                })
                .replaceWithVoid();
    }

    /**
     * Escalates and marks breaches as of {@code now}, for one brand or (null) every brand, at most
     * {@code routing.sla.batch-size} cases in one transaction; returns how many cases changed (the batch size when
     * more may be waiting).
     */
    public Uni<Integer> sweep(Instant now, String brand) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> cases.listSlaDue(brand, now,
                config.sla().escalateAt(), config.sla().batchSize()).flatMap(list -> apply(list, now))))
                .onFailure(Db::isRetryable).retry().atMost(2)
                .invoke(result -> result.breached().forEach(metrics::slaBreached))
                .flatMap(result -> publisher.publish(result.events()).replaceWith(result.changed()));
    }

    /** The events to publish, how many cases changed, and the brands of the cases newly marked breached. */
    private record SweepResult(List<CaseEvent> events, int changed, List<String> breached) {
    }

    /** Changes the cases of one sweep, logs why, and writes their events with one flush and two reads in all. */
    private Uni<SweepResult> apply(List<CareCase> list, Instant now) {
        List<CareCase> changed = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<CaseLogEntry> entries = new ArrayList<>();
        List<String> breached = new ArrayList<>();
        for (CareCase c : list) {
            if (now.isAfter(c.firstResponseDueAt)) {
                c.breached = true;
                c.version++;
                c.updatedAt = now;
                breached.add(c.brand);
                // per case at debug level: each change is in case_log and on the topic; the scheduler logs the count
                Log.debugf("Case %s missed its first-response due time %s", c.id, c.firstResponseDueAt);
                entries.add(CaseLogEntry.of(c.id, "breached", "no first response by " + c.firstResponseDueAt, "sla"));
                changed.add(c);
                types.add(CASE_SLA_BREACHED);
            } else if (!c.escalated && reachedEscalation(c, now)) {
                String before = c.priority;
                c.escalated = true;
                c.priority = Priority.raise(c.priority);
                c.version++;
                c.updatedAt = now;
                Log.debugf("Escalated case %s (%s -> %s): no first response yet", c.id, before, c.priority);
                entries.add(CaseLogEntry.of(c.id, "escalated", "priority " + before + " -> " + c.priority
                        + "; first response due at " + c.firstResponseDueAt, "sla"));
                changed.add(c);
                types.add(EventTypes.CASE_ESCALATED);
            }
        }
        if (changed.isEmpty()) {
            return Uni.createFrom().item(new SweepResult(List.of(), 0, List.of()));
        }
        return log.persist(entries)
                .chain(() -> snapshots.events(changed, types))
                .map(events -> new SweepResult(events, changed.size(), breached));
    }

    private boolean reachedEscalation(CareCase c, Instant now) {
        long budget = Duration.between(c.slaStartedAt, c.firstResponseDueAt).toMillis();
        long elapsed = Duration.between(c.slaStartedAt, now).toMillis();
        return budget > 0 && elapsed >= budget * config.sla().escalateAt();
    }
}
