package io.socialcare.feedback.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.feedback.Contribution;
import org.bson.Document;

/**
 * Contributions, one document per mention ({@code _id} = mention id), each pointing at its theme.
 *
 * <p>Whether a contribution is applied (its theme's aggregates include it) is known without writing it back: a
 * contribution stored by an ingest batch carries the batch id and is applied once the batch's journal entry is
 * closed, which happens after its themes were written. An explicit {@code applied} flag wins: {@code true} once a
 * recompute or a resumed attempt counted it, {@code false} for a contribution stored on its own.</p>
 */
@ApplicationScoped
public class ContributionRepository {

    private final MongoStore store;

    public ContributionRepository(MongoStore store) {
        this.store = store;
    }

    private ReactiveMongoCollection<Document> contributions() {
        return store.collection(MongoStore.CONTRIBUTIONS);
    }

    /** A stored contribution and whether its theme's aggregates include it yet. */
    public record Stored(Contribution contribution, boolean applied) {
    }

    /** The contribution stored for a mention, or null. */
    public Uni<Stored> find(String mentionId) {
        return findAll(List.of(mentionId)).map(found -> found.get(mentionId));
    }

    /**
     * Whether each document is applied: its explicit flag, else whether the batch that stored it is finished (its
     * journal entry is gone). One read by {@code _id} of the journal, only for documents that need it.
     */
    private Uni<Map<String, Boolean>> applied(List<Document> docs) {
        Map<String, Boolean> applied = new HashMap<>();
        Set<String> batches = new LinkedHashSet<>();
        for (Document d : docs) {
            Boolean flag = d.getBoolean("applied");
            if (flag != null) {
                applied.put(d.getString("_id"), flag);
            } else if (d.getString("batch") != null) {
                batches.add(d.getString("batch"));
            } else {
                applied.put(d.getString("_id"), true);
            }
        }
        if (batches.isEmpty()) {
            return Uni.createFrom().item(applied);
        }
        return store.collection(MongoStore.INGEST_BATCHES).find(Filters.in("_id", batches),
                        new FindOptions().projection(new Document("_id", 1)))
                .map(d -> d.getString("_id")).collect().asList()
                .map(open -> {
                    Set<String> unfinished = new HashSet<>(open);
                    for (Document d : docs) {
                        applied.putIfAbsent(d.getString("_id"), !unfinished.contains(d.getString("batch")));
                    }
                    return applied;
                });
    }

    /**
     * Stores the contribution, not yet applied to its theme's aggregates; false when this mention was stored
     * before (nothing changes then).
     */
    public Uni<Boolean> insert(Contribution c) {
        return contributions().insertOne(toDocument(c).append("applied", false).append("storedAt", new Date()))
                .map(r -> true)
                .onFailure(MongoStore::isDuplicate).recoverWithItem(false);
    }

    /** The contributions stored for these mentions, by mention id (absent ids were never stored). */
    public Uni<Map<String, Stored>> findAll(Collection<String> mentionIds) {
        if (mentionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return contributions().find(Filters.in("_id", mentionIds)).collect().asList()
                .chain(docs -> applied(docs).map(applied -> {
                    Map<String, Stored> found = new HashMap<>();
                    for (Document d : docs) {
                        found.put(d.getString("_id"), new Stored(fromDocument(d), applied.get(d.getString("_id"))));
                    }
                    return found;
                }));
    }

    /**
     * Stores contributions of ingest batch {@code batchId} (applied once the batch is finished) in one unordered bulk
     * insert; answers the mention ids actually inserted (a mention stored before, by an earlier attempt or by another
     * replica at the same moment, is left out). {@code traceparents} holds the W3C trace context of the consumer span
     * that read each mention.
     */
    public Uni<Set<String>> insertAll(String batchId, List<Contribution> batch, Map<String, String> traceparents) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Date now = new Date();
        List<Document> docs = new ArrayList<>(batch.size());
        for (Contribution c : batch) {
            Document d = toDocument(c).append("batch", batchId).append("storedAt", now);
            String traceparent = traceparents.get(c.mentionId());
            if (traceparent != null) {
                d.append("traceparent", traceparent);
            }
            docs.add(d);
        }
        Set<String> all = new LinkedHashSet<>();
        batch.forEach(c -> all.add(c.mentionId()));
        return contributions().insertMany(docs, new InsertManyOptions().ordered(false))
                .map(r -> all)
                .onFailure(f -> MongoStore.duplicatePositions(f) != null).recoverWithItem(f -> {
                    Set<String> inserted = new LinkedHashSet<>(all);
                    for (int position : MongoStore.duplicatePositions(f)) {
                        inserted.remove(batch.get(position).mentionId());
                    }
                    return inserted;
                });
    }

    /** The newest contributions of a theme. */
    public Uni<List<Contribution>> newest(String themeId, int limit) {
        return contributions()
                .find(Filters.eq("themeId", themeId), new FindOptions().sort(Sorts.descending("at")).limit(limit))
                .map(ContributionRepository::fromDocument)
                .collect().asList();
    }

    /** Every contribution of a theme, oldest first. */
    public Multi<Contribution> ofTheme(String themeId) {
        return contributions()
                .find(Filters.eq("themeId", themeId), new FindOptions().sort(Sorts.ascending("at", "_id")))
                .map(ContributionRepository::fromDocument);
    }

    /** Every contribution of a theme with its applied flag and when it was stored (null for old documents). */
    public record Entry(Contribution contribution, boolean applied, Instant storedAt) {
    }

    public Uni<List<Entry>> entriesOf(String themeId) {
        return contributions().find(Filters.eq("themeId", themeId)).collect().asList()
                .chain(docs -> applied(docs).map(applied -> docs.stream()
                        .map(d -> new Entry(fromDocument(d), applied.get(d.getString("_id")),
                                instant(d.getDate("storedAt"))))
                        .toList()));
    }

    /** Marks contributions applied (their themes' aggregates include them, or a recompute counted them). */
    public Uni<Void> markApplied(Collection<String> mentionIds) {
        if (mentionIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return contributions().updateMany(Filters.in("_id", mentionIds), Updates.set("applied", true)).replaceWithVoid();
    }

    /** Records that the theme's aggregates include the contribution. */
    public Uni<Void> markApplied(String mentionId) {
        return contributions().updateOne(Filters.eq("_id", mentionId), Updates.set("applied", true)).replaceWithVoid();
    }

    /** Moves every contribution of {@code from} to {@code to}. */
    public Uni<Long> reassign(String from, String to) {
        return contributions().updateMany(Filters.eq("themeId", from), Updates.set("themeId", to))
                .map(r -> r.getModifiedCount());
    }

    static Document toDocument(Contribution c) {
        return new Document("_id", c.mentionId())
                .append("themeId", c.themeId())
                .append("brand", c.brand())
                .append("customerKey", c.customerKey())
                .append("channel", c.channel())
                .append("threadId", c.threadId())
                .append("externalId", c.externalId())
                .append("authorId", c.authorId())
                .append("authorHandle", c.authorHandle())
                .append("authorName", c.authorName())
                .append("text", c.text())
                .append("sentiment", c.sentiment())
                .append("intent", c.intent())
                .append("product", c.product())
                .append("terms", c.terms())
                .append("at", Date.from(c.at()));
    }

    static Contribution fromDocument(Document d) {
        List<String> terms = d.getList("terms", String.class);
        Number sentiment = d.get("sentiment", Number.class);
        return new Contribution(
                d.getString("_id"),
                d.getString("themeId"),
                d.getString("brand"),
                d.getString("customerKey"),
                d.getString("channel"),
                d.getString("threadId"),
                d.getString("externalId"),
                d.getString("authorId"),
                d.getString("authorHandle"),
                d.getString("authorName"),
                d.getString("text"),
                sentiment == null ? 0 : sentiment.doubleValue(),
                d.getString("intent"),
                d.getString("product"),
                terms == null ? List.of() : new ArrayList<>(terms),
                instant(d.getDate("at")));
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
