package io.socialcare.feedback.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Theme;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Themes and their prepared aggregates, plus the (theme, customer) pairs that make the distinct-customer count
 * exact: a pair's {@code _id} is unique, so a customer is counted once per theme whatever the redeliveries.
 */
@ApplicationScoped
public class ThemeRepository {

    public static final String SHIPMENT_PENDING = "pending";
    public static final String SHIPMENT_PUBLISHED = "published";

    private static final Bson WITHOUT_SAMPLES = Projections.exclude("samples");

    private final MongoStore store;

    public ThemeRepository(MongoStore store) {
        this.store = store;
    }

    private ReactiveMongoCollection<Document> themes() {
        return store.collection(MongoStore.THEMES);
    }

    private ReactiveMongoCollection<Document> themeCustomers() {
        return store.collection(MongoStore.THEME_CUSTOMERS);
    }

    /** The brand's open (not merged) themes most recently active, with the fields matching needs. */
    public Uni<List<Theme>> candidates(String brand, int limit) {
        return themes()
                .find(Filters.and(Filters.eq("brand", brand), Filters.eq("mergedInto", null)),
                        new FindOptions()
                                .sort(Sorts.descending("lastSeenAt"))
                                .limit(limit)
                                .projection(Projections.include("brand", "title", "product", "termCounts", "mentions")))
                .map(ThemeRepository::fromDocument)
                .collect().asList();
    }

    public Uni<Theme> findById(String id) {
        return themes().find(Filters.eq("_id", id)).toUni().map(d -> d == null ? null : fromDocument(d));
    }

    /** Inserts a theme without samples (the detail then reads them from the contributions). */
    public Uni<Void> insert(Theme theme) {
        return themes().insertOne(toDocument(theme)).replaceWithVoid();
    }

    /** Inserts a new theme with its first contribution as its first sample. */
    public Uni<Void> insert(Theme theme, Contribution first) {
        return themes().insertOne(toDocument(theme).append("samples", List.of(sample(first)))).replaceWithVoid();
    }

    /**
     * A prepared sample of a contribution, kept on the theme (the newest {@code feedback.samples}), so that the
     * detail needs no query on the contributions.
     */
    static Document sample(Contribution c) {
        return new Document("mentionId", c.mentionId()).append("channel", c.channel()).append("text", c.text())
                .append("at", Date.from(c.at()));
    }

    /** The samples prepared on the theme, newest first; null for a theme stored before they were kept. */
    public Uni<List<Contribution>> samplesOf(String themeId) {
        return themes().find(Filters.eq("_id", themeId), new FindOptions().projection(Projections.include("samples")))
                .toUni()
                .map(d -> {
                    List<Document> samples = d == null ? null : d.getList("samples", Document.class);
                    if (samples == null) {
                        return null;
                    }
                    return samples.stream()
                            .map(x -> new Contribution(x.getString("mentionId"), themeId, null, null, x.getString("channel"),
                                    null, null, null, null, null, x.getString("text"), 0, null, null, List.of(),
                                    instant(x.getDate("at"))))
                            .sorted(Comparator.comparing(Contribution::at, Comparator.nullsLast(Comparator.reverseOrder())))
                            .toList();
                });
    }

    /** Records that {@code customerKey} contributed to the theme; true the first time only. */
    public Uni<Boolean> addCustomer(String themeId, String customerKey) {
        return themeCustomers()
                .insertOne(new Document("_id", themeId + "|" + customerKey)
                        .append("themeId", themeId)
                        .append("customerKey", customerKey))
                .map(r -> true)
                .onFailure(MongoStore::isDuplicate).recoverWithItem(false);
    }

    /** The customers recorded for a theme. */
    public Multi<String> customersOf(String themeId) {
        return themeCustomers().find(Filters.eq("themeId", themeId)).map(d -> d.getString("customerKey"));
    }

    /** Adds one contribution to the theme's aggregates in a single atomic update. */
    public Uni<Void> addContribution(Contribution c, String channel, String week, double heat, boolean newCustomer,
            int samplesKept) {
        String themeId = c.themeId();
        double sentiment = c.sentiment();
        List<String> terms = c.terms();
        Instant at = c.at();
        Document inc = new Document("mentions", 1)
                .append("customers", newCustomer ? 1 : 0)
                .append("channels." + channel, 1)
                .append("sentimentSum", sentiment)
                .append("weekly." + week, 1)
                .append("heat", heat)
                .append("rev", 1);
        for (String term : terms) {
            inc.append("termCounts." + term, 1);
        }
        Document update = new Document("$inc", inc)
                .append("$min", new Document("firstSeenAt", Date.from(at)))
                .append("$max", new Document("lastSeenAt", Date.from(at)))
                .append("$set", new Document("updatedAt", new Date()))
                .append("$push", new Document("samples", new Document("$each", List.of(sample(c)))
                        .append("$slice", -samplesKept)));
        return themes().updateOne(Filters.eq("_id", themeId), update).replaceWithVoid();
    }

    /** A theme and the revision of its aggregates ({@code rev}, incremented by every change of them). */
    public record Versioned(Theme theme, long rev) {
    }

    public Uni<Versioned> findVersioned(String id) {
        return themes().find(Filters.eq("_id", id)).toUni()
                .map(d -> d == null ? null : new Versioned(fromDocument(d), number(d.get("rev")).longValue()));
    }

    /**
     * Replaces the aggregates with ones recomputed from the contributions, only if they are still at revision
     * {@code expectedRev} (no contribution was added meanwhile); true when replaced. Leaves {@code updatedAt} alone.
     */
    public Uni<Boolean> replaceAggregates(Theme t, long expectedRev, List<Contribution> newest) {
        Document set = new Document("mentions", t.mentions())
                .append("samples", newest.stream().map(ThemeRepository::sample).toList())
                .append("customers", t.customers())
                .append("channels", new Document(new LinkedHashMap<>(t.channels())))
                .append("sentimentSum", t.sentimentSum())
                .append("weekly", new Document(new LinkedHashMap<>(t.weekly())))
                .append("termCounts", new Document(new LinkedHashMap<>(t.termCounts())))
                .append("heat", t.heat())
                .append("firstSeenAt", date(t.firstSeenAt()))
                .append("lastSeenAt", date(t.lastSeenAt()))
                .append("rev", expectedRev + 1)
                .append("needsRecompute", false)
                .append("recomputedAt", new Date());
        Bson sameRevision = expectedRev == 0
                ? Filters.or(Filters.eq("rev", 0L), Filters.eq("rev", 0), Filters.exists("rev", false))
                : Filters.or(Filters.eq("rev", expectedRev), Filters.eq("rev", (int) expectedRev));
        return themes().updateOne(Filters.and(Filters.eq("_id", t.id()), sameRevision), new Document("$set", set))
                .map(r -> r.getMatchedCount() == 1);
    }

    /** Flags the theme for the recompute (an attempt may have counted a contribution twice). */
    public Uni<Void> flagRecompute(String id) {
        return themes().updateOne(Filters.eq("_id", id), new Document("$set", new Document("needsRecompute", true)))
                .replaceWithVoid();
    }

    /** Open themes flagged for the recompute (at most {@code limit}). */
    public Uni<List<String>> flaggedForRecompute(int limit) {
        return themes()
                .find(Filters.and(Filters.eq("needsRecompute", true), Filters.eq("mergedInto", null)),
                        new FindOptions().limit(limit).projection(Projections.include("_id")))
                .map(d -> d.getString("_id"))
                .collect().asList();
    }

    /** Changes the status (and the note when given); returns the theme after the change, or null. */
    public Uni<Theme> setStatus(String id, String status, String note) {
        Document set = new Document("status", status).append("updatedAt", new Date());
        if (note != null) {
            set.append("note", note);
        }
        return themes().findOneAndUpdate(Filters.eq("_id", id), new Document("$set", set),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(d -> d == null ? null : fromDocument(d));
    }

    /**
     * Marks the theme shipped and its {@code theme.shipped} event due, only if it never was: true for the one call
     * that must publish.
     */
    public Uni<Boolean> markShipmentDue(String id, String note) {
        Date now = new Date();
        Document set = new Document("status", "shipped")
                .append("shipment", SHIPMENT_PENDING)
                .append("shippedAt", now)
                .append("shipmentClaimedAt", now)
                .append("updatedAt", now);
        if (note != null) {
            set.append("note", note);
        }
        return themes().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("shipment", null)), new Document("$set", set))
                .map(r -> r.getModifiedCount() == 1);
    }

    /** Claims one theme whose shipment is still pending since before {@code claimedBefore}, for the relay. */
    public Uni<Theme> claimPendingShipment(Instant claimedBefore) {
        return themes().findOneAndUpdate(
                        Filters.and(Filters.eq("shipment", SHIPMENT_PENDING),
                                Filters.or(Filters.lt("shipmentClaimedAt", Date.from(claimedBefore)),
                                        Filters.exists("shipmentClaimedAt", false))),
                        new Document("$set", new Document("shipmentClaimedAt", new Date())),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(d -> d == null ? null : fromDocument(d));
    }

    public Uni<Void> markShipmentPublished(String id) {
        return themes().updateOne(Filters.eq("_id", id), new Document("$set",
                        new Document("shipment", SHIPMENT_PUBLISHED).append("shipmentPublishedAt", new Date())))
                .replaceWithVoid();
    }

    /** Marks {@code id} merged into {@code into}, unless it was merged already; true when it changed. */
    public Uni<Boolean> markMerged(String id, String into) {
        return themes().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("mergedInto", null)),
                        new Document("$set", new Document("mergedInto", into).append("updatedAt", new Date())))
                .map(r -> r.getModifiedCount() == 1);
    }

    /** One page of themes matching {@code filter}, ordered by {@code sort} then id. */
    public Uni<List<Theme>> page(Bson filter, Bson sort, int limit) {
        return themes().find(filter, new FindOptions().sort(sort).limit(limit).projection(WITHOUT_SAMPLES))
                .map(ThemeRepository::fromDocument)
                .collect().asList();
    }

    /** Every theme matching {@code filter}, in {@code sort} order (export). */
    public Multi<Theme> stream(Bson filter, Bson sort) {
        return themes().find(filter, new FindOptions().sort(sort).projection(WITHOUT_SAMPLES))
                .map(ThemeRepository::fromDocument);
    }

    static Document toDocument(Theme t) {
        return new Document("_id", t.id())
                .append("brand", t.brand())
                .append("title", t.title())
                .append("product", t.product())
                .append("status", t.status())
                .append("note", t.note())
                .append("termCounts", new Document(new LinkedHashMap<>(t.termCounts())))
                .append("mentions", t.mentions())
                .append("customers", t.customers())
                .append("channels", new Document(new LinkedHashMap<>(t.channels())))
                .append("sentimentSum", t.sentimentSum())
                .append("firstSeenAt", date(t.firstSeenAt()))
                .append("lastSeenAt", date(t.lastSeenAt()))
                .append("weekly", new Document(new LinkedHashMap<>(t.weekly())))
                .append("heat", t.heat())
                .append("mergedInto", t.mergedInto())
                .append("shipment", t.shipment())
                .append("rev", 1L)
                .append("createdAt", date(t.createdAt()))
                .append("updatedAt", date(t.updatedAt()));
    }

    static Theme fromDocument(Document d) {
        return new Theme(
                d.getString("_id"),
                d.getString("brand"),
                d.getString("title"),
                d.getString("product"),
                d.getString("status"),
                d.getString("note"),
                counts(d.get("termCounts", Document.class)),
                number(d.get("mentions")).intValue(),
                number(d.get("customers")).intValue(),
                counts(d.get("channels", Document.class)),
                number(d.get("sentimentSum")).doubleValue(),
                instant(d.getDate("firstSeenAt")),
                instant(d.getDate("lastSeenAt")),
                counts(d.get("weekly", Document.class)),
                number(d.get("heat")).doubleValue(),
                d.getString("mergedInto"),
                d.getString("shipment"),
                instant(d.getDate("createdAt")),
                instant(d.getDate("updatedAt")));
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }

    private static Map<String, Integer> counts(Document d) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (d != null) {
            for (Map.Entry<String, Object> e : d.entrySet()) {
                int n = number(e.getValue()).intValue();
                if (n != 0) {
                    counts.put(e.getKey(), n);
                }
            }
        }
        return counts;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
