package io.socialcare.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.socialcare.contract.CaseEvent;
import io.socialcare.routing.CareCase;
import io.socialcare.routing.CaseMention;
import io.socialcare.routing.Transfer;
import io.socialcare.routing.messaging.CaseOutbox;
import io.socialcare.routing.repository.CaseMentionRepository;
import io.socialcare.routing.repository.CustomerRepository;
import io.socialcare.routing.rest.Dtos;

/** Builds the full snapshot of a case that every record on {@code cases} carries, and the API view of a case. */
@ApplicationScoped
public class Snapshots {

    private final CaseMentionRepository mentions;
    private final CustomerRepository customers;
    private final CaseOutbox outbox;

    public Snapshots(CaseMentionRepository mentions, CustomerRepository customers, CaseOutbox outbox) {
        this.mentions = mentions;
        this.customers = customers;
        this.outbox = outbox;
    }

    /**
     * The case as it is now in the transaction (pending changes flushed first), as a record of {@code type};
     * written to the outbox in the same transaction.
     */
    public Uni<CaseEvent> event(CareCase c, String type) {
        return Db.flush()
                .chain(() -> customers.findById(c.customerId))
                .flatMap(customer -> mentions.listByCase(c.id)
                        .map(list -> event(c, type, customer == null ? null : customer.displayName, list)))
                .call(outbox::add);
    }

    /**
     * The cases as they are now in the transaction, each as a record of its type ({@code types}, in the same order),
     * written to the outbox: one flush, one read of the customers and one of the mentions, whatever the number of
     * cases.
     */
    public Uni<List<CaseEvent>> events(List<CareCase> cases, List<String> types) {
        if (cases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<UUID> customerIds = new HashSet<>();
        List<UUID> caseIds = new ArrayList<>(cases.size());
        for (CareCase c : cases) {
            customerIds.add(c.customerId);
            caseIds.add(c.id);
        }
        return Db.flush()
                .chain(() -> customers.list("id in ?1", customerIds))
                .flatMap(found -> mentions.listByCases(caseIds).map(list -> {
                    Map<UUID, String> names = new HashMap<>();
                    found.forEach(customer -> names.put(customer.id, customer.displayName));
                    Map<UUID, List<CaseMention>> byCase = new HashMap<>();
                    list.forEach(m -> byCase.computeIfAbsent(m.caseId, id -> new ArrayList<>()).add(m));
                    List<CaseEvent> events = new ArrayList<>(cases.size());
                    for (int i = 0; i < cases.size(); i++) {
                        CareCase c = cases.get(i);
                        events.add(event(c, types.get(i), names.get(c.customerId), byCase.getOrDefault(c.id,
                                List.of())));
                    }
                    return events;
                }))
                .call(outbox::addAll);
    }

    public static CaseEvent event(CareCase c, String type, String customerName, List<CaseMention> list) {
        List<CaseEvent.MentionRef> refs = new ArrayList<>();
        for (CaseMention m : list) {
            refs.add(new CaseEvent.MentionRef(m.mentionId, m.channel, m.externalId, m.threadId, m.authorId,
                    m.authorHandle, m.authorName, m.at));
        }
        return new CaseEvent(type, c.id.toString(), c.version, c.brand, c.customerId.toString(), customerName,
                c.status, c.priority, c.intent, new CaseEvent.Owner(c.department, c.agent), refs,
                c.firstResponseDueAt, c.createdAt, c.updatedAt);
    }

    public static Dtos.CaseView view(CareCase c, List<CaseMention> caseMentions, List<Transfer> caseTransfers,
            Instant now) {
        List<Dtos.MentionView> ms = new ArrayList<>();
        for (CaseMention m : caseMentions) {
            ms.add(new Dtos.MentionView(m.mentionId, m.channel, m.threadId, m.at));
        }
        List<Dtos.TransferView> ts = new ArrayList<>();
        for (Transfer t : caseTransfers) {
            ts.add(new Dtos.TransferView(t.fromDepartment, t.toDepartment, t.reason, t.byUser, t.at));
        }
        return new Dtos.CaseView(c.id.toString(), c.brand, c.customerId.toString(), c.status, c.priority, c.intent,
                new Dtos.OwnerView(c.department, c.agent), ms, ts,
                new Dtos.SlaView(c.firstResponseDueAt, c.firstResponseAt, c.breachedAt(now)),
                c.routingReason, c.createdAt, c.updatedAt, c.resolvedAt);
    }

    public static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
