package io.socialcare.routing.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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
 * (priority one level up, {@code case.escalated}) and marks them breached after the due time. The clock does not
 * run while a case waits for the customer.
 */
@ApplicationScoped
public class SlaService {

    private final CaseRepository cases;
    private final CaseLogRepository log;
    private final Snapshots snapshots;
    private final CaseEventPublisher publisher;
    private final RoutingConfig config;

    public SlaService(CaseRepository cases, CaseLogRepository log, Snapshots snapshots, CaseEventPublisher publisher,
            RoutingConfig config) {
        this.cases = cases;
        this.log = log;
        this.snapshots = snapshots;
        this.publisher = publisher;
        this.config = config;
    }

    /** Sets the case's first response time unless it has one (idempotent); an unknown case is ignored. */
    public Uni<Void> firstResponse(UUID caseId, Instant at) {
        Instant when = at != null ? at : Db.now();
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("UPDATE cases SET first_response_at = :at,"
                        + " breached = (breached OR :at > first_response_due_at)"
                        + " WHERE id = :id AND first_response_at IS NULL")
                .setParameter("at", when)
                .setParameter("id", caseId)
                .executeUpdate()))
                .invoke(n -> Log.debugf("First response of case %s: %s", caseId, n == 0 ? "already known" : when))
                .replaceWithVoid();
    }

    /**
     * Escalates and marks breaches as of {@code now}, for one brand or (null) every brand; returns how many cases
     * changed.
     */
    public Uni<Integer> sweep(Instant now, String brand) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> cases.listSlaCandidates(brand,
                config.sla().batchSize()).flatMap(list -> sweepLoop(list, 0, now, new ArrayList<>(), new int[1]))))
                .onFailure(Db::isRetryable).retry().atMost(2)
                .flatMap(result -> publisher.publish(result.events()).replaceWith(result.changed()));
    }

    private record SweepResult(List<CaseEvent> events, int changed) {
    }

    private Uni<SweepResult> sweepLoop(List<CareCase> list, int i, Instant now, List<CaseEvent> events,
            int[] changed) {
        if (i >= list.size()) {
            return Uni.createFrom().item(new SweepResult(events, changed[0]));
        }
        CareCase c = list.get(i);
        Uni<Void> step = Uni.createFrom().voidItem();
        if (now.isAfter(c.firstResponseDueAt)) {
            c.breached = true;
            c.updatedAt = now;
            changed[0]++;
            step = log.persist(CaseLogEntry.of(c.id, "breached", "no first response by " + c.firstResponseDueAt,
                    "sla")).replaceWithVoid();
        } else if (!c.escalated && reachedEscalation(c, now)) {
            String before = c.priority;
            c.escalated = true;
            c.priority = Priority.raise(c.priority);
            c.version++;
            c.updatedAt = now;
            changed[0]++;
            Log.infof("Escalated case %s (%s -> %s): no first response yet", c.id, before, c.priority);
            step = log.persist(CaseLogEntry.of(c.id, "escalated", "priority " + before + " -> " + c.priority
                    + "; first response due at " + c.firstResponseDueAt, "sla"))
                    .chain(() -> snapshots.event(c, EventTypes.CASE_ESCALATED))
                    .invoke(events::add)
                    .replaceWithVoid();
        }
        return step.flatMap(x -> sweepLoop(list, i + 1, now, events, changed));
    }

    private boolean reachedEscalation(CareCase c, Instant now) {
        long budget = Duration.between(c.slaStartedAt, c.firstResponseDueAt).toMillis();
        long elapsed = Duration.between(c.slaStartedAt, now).toMillis();
        return budget > 0 && elapsed >= budget * config.sla().escalateAt();
    }
}
