package io.socialcare.feedback.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
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
        return contributions().find(Filters.eq("_id", mentionId)).toUni()
                .map(d -> d == null ? null : new Stored(fromDocument(d), Boolean.TRUE.equals(d.getBoolean("applied"))));
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
        return contributions().find(Filters.eq("themeId", themeId))
                .map(d -> new Entry(fromDocument(d), Boolean.TRUE.equals(d.getBoolean("applied")),
                        instant(d.getDate("storedAt"))))
                .collect().asList();
    }

    /** The themes of contributions stored before {@code before} and still not applied (stranded by a crash). */
    public Uni<List<String>> themesWithStranded(Instant before, int limit) {
        return contributions()
                .find(Filters.and(Filters.eq("applied", false), Filters.lt("storedAt", Date.from(before))),
                        new FindOptions().limit(limit).projection(new Document("themeId", 1)))
                .map(d -> d.getString("themeId"))
                .select().distinct()
                .collect().asList();
    }

    /** Marks contributions applied (after a recompute counted them). */
    public Uni<Void> markApplied(List<String> mentionIds) {
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
