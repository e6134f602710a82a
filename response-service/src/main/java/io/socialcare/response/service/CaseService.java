package io.socialcare.response.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.CaseEvent;
import io.socialcare.response.CaseMention;
import io.socialcare.response.repository.CaseRepository;

/**
 * Keeps the case projection: the snapshot with the highest version wins, whatever order Kafka delivers them in.
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;

    public CaseService(CaseRepository cases) {
        this.cases = cases;
    }

    @WithTransaction
    public Uni<Void> apply(CaseEvent event) {
        validate(event);
        return cases.upsertIfNewer(event).flatMap(stored -> {
            if (!stored) {
                Log.debugf("Case %s version %d is not newer than the stored one; ignored", event.id(), event.version());
                return Uni.createFrom().voidItem();
            }
            return cases.replaceMentions(event.id(), mentions(event));
        });
    }

    /** A snapshot without what a reply needs is unreadable: it fails and goes to the dead-letter topic. */
    static void validate(CaseEvent e) {
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

    private static List<CaseMention> mentions(CaseEvent e) {
        List<CaseMention> result = new ArrayList<>();
        if (e.mentions() == null) {
            return result;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CaseEvent.MentionRef ref : e.mentions()) {
            if (!seen.add(ref.id())) {
                continue;
            }
            CaseMention m = new CaseMention();
            m.caseId = e.id();
            m.mentionId = ref.id();
            m.channel = ref.channel();
            m.externalId = ref.externalId();
            m.threadId = blank(ref.threadId()) ? ref.externalId() : ref.threadId();
            m.authorId = ref.authorId();
            m.authorHandle = ref.authorHandle();
            m.authorName = ref.authorName();
            m.at = ref.at() != null ? ref.at() : e.at();
            result.add(m);
        }
        return result;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
