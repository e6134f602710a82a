package io.socialcare.response.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.CaseEvent;
import io.socialcare.response.repository.CaseProjectionStore;

/**
 * Keeps the case projection: the snapshot with the highest version wins, whatever order Kafka delivers them in.
 */
@ApplicationScoped
public class CaseService {

    private final CaseProjectionStore store;

    public CaseService(CaseProjectionStore store) {
        this.store = store;
    }

    /**
     * Projects the snapshots of one batch (already validated): per case, the highest version of the batch replaces
     * the stored snapshot and its mentions when it is newer.
     */
    public Uni<Void> apply(List<CaseEvent> events) {
        return store.project(events).invoke(changed -> Log.debugf("%d of %d case snapshots were newer and stored",
                changed, (Object) events.size())).replaceWithVoid();
    }

    /** A snapshot without what a reply needs is unreadable: it fails and goes to the dead-letter topic. */
    public static void validate(CaseEvent e) {
        List<String> missing = new ArrayList<>();
        if (blank(e.id())) {
            missing.add("id");
        }
        if (blank(e.brand())) {
            missing.add("brand");
        }
        if (blank(e.status())) {
            missing.add("status");
        }
        if (blank(e.priority())) {
            missing.add("priority");
        }
        if (e.at() == null) {
            missing.add("at");
        }
        if (e.mentions() != null) {
            for (int i = 0; i < e.mentions().size(); i++) {
                CaseEvent.MentionRef m = e.mentions().get(i);
                if (m == null || blank(m.id()) || blank(m.channel()) || blank(m.externalId())) {
                    missing.add("mentions[" + i + "]");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Case event lacks " + String.join(", ", missing));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
