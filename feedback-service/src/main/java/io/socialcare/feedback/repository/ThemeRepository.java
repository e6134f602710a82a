package io.socialcare.feedback.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
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
    private static final Bson SUMMARY = Projections.exclude("samples", "weekly");

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
                                .projection(Projections.include("brand", "title", "product", "termCounts", "mentions",
                                        "lastSeenAt")))
                .map(ThemeRepository::fromDocument)
                .collect().asList();
    }

    public Uni<Theme> findById(String id) {
        return themes().find(Filters.eq("_id", id)).toUni().map(d -> d == null ? null : fromDocument(d));
    }

    /** A theme with its prepared samples (null for a theme stored before they were kept), read at once. */
    public record Detail(Theme theme, List<Contribution> samples) {
    }

    public Uni<Detail> findDetail(String id) {
        return themes().find(Filters.eq("_id", id)).toUni()
                .map(d -> d == null ? null : new Detail(fromDocument(d), samples(id, d)));
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
                .map(d -> d == null ? null : samples(themeId, d));
    }

    private static List<Contribution> samples(String themeId, Document d) {
        List<Document> samples = d.getList("samples", Document.class);
        if (samples == null) {
            return null;
        }
        return samples.stream()
                .map(x -> new Contribution(x.getString("mentionId"), themeId, null, null, x.getString("channel"),
                        null, null, null, null, null, x.getString("text"), 0, null, null, List.of(),
                        instant(x.getDate("at"))))
                .sorted(Comparator.comparing(Contribution::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
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

    /**
     * Records many (theme, customer) pairs at once ({@code themeId|customerKey}); answers the pairs that were new.
     */
    public Uni<Set<String>> addCustomers(List<String> pairIds) {
        if (pairIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Document> docs = new ArrayList<>(pairIds.size());
        for (String id : pairIds) {
            int bar = id.indexOf('|');
            docs.add(new Document("_id", id).append("themeId", id.substring(0, bar))
                    .append("customerKey", id.substring(bar + 1)));
        }
        Set<String> all = new LinkedHashSet<>(pairIds);
        return themeCustomers().insertMany(docs, new InsertManyOptions().ordered(false))
                .map(r -> all)
                .onFailure(f -> MongoStore.duplicatePositions(f) != null).recoverWithItem(f -> {
                    Set<String> added = new LinkedHashSet<>(all);
                    for (int position : MongoStore.duplicatePositions(f)) {
                        added.remove(pairIds.get(position));
                    }
                    return added;
                });
    }

    /** Inserts new themes, each with its prepared samples (newest last) and its aggregates revision. */
    public Uni<Void> insertAll(List<Opened> opened, int samplesKept) {
        if (opened.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Document> docs = new ArrayList<>(opened.size());
        for (Opened o : opened) {
            List<Contribution> newest = o.contributions().subList(Math.max(0, o.contributions().size() - samplesKept),
                    o.contributions().size());
            docs.add(toDocument(o.theme()).append("rev", (long) o.contributions().size())
                    .append("samples", newest.stream().map(ThemeRepository::sample).toList()));
        }
        return themes().insertMany(docs, new InsertManyOptions().ordered(false)).replaceWithVoid();
    }

    /** A theme a batch opens, with the batch's contributions to it in the order they were applied. */
    public record Opened(Theme theme, List<Contribution> contributions) {
    }

    /** What a batch adds to an existing theme: its contributions in order, and how many of their customers are new. */
    public record Growth(String themeId, List<Contribution> contributions, int newCustomers) {
    }

    /**
     * Adds each theme's contributions of a batch to its aggregates: one atomic update per theme, all in one unordered
     * bulk write ({@code heat} and {@code channel}/{@code week} keys are computed by {@code keys}).
     */
    public Uni<Void> grow(List<Growth> growths, AggregateKeys keys, int samplesKept) {
        if (growths.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Date now = new Date();
        List<WriteModel<Document>> writes = new ArrayList<>(growths.size());
        for (Growth g : growths) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            double sentiment = 0;
            double heat = 0;
            Instant first = null;
            Instant last = null;
            for (Contribution c : g.contributions()) {
                counts.merge("channels." + keys.channel(c.channel()), 1, Integer::sum);
                counts.merge("weekly." + keys.week(c.at()), 1, Integer::sum);
                for (String term : c.terms()) {
                    counts.merge("termCounts." + term, 1, Integer::sum);
                }
                sentiment += c.sentiment();
                heat += keys.heat(c.at());
                first = first == null || c.at().isBefore(first) ? c.at() : first;
                last = last == null || c.at().isAfter(last) ? c.at() : last;
            }
            int n = g.contributions().size();
            Document inc = new Document("mentions", n).append("customers", g.newCustomers())
                    .append("sentimentSum", sentiment).append("heat", heat).append("rev", n);
            counts.forEach(inc::append);
            List<Contribution> newest = g.contributions().subList(Math.max(0, n - samplesKept), n);
            Document update = new Document("$inc", inc)
                    .append("$min", new Document("firstSeenAt", Date.from(first)))
                    .append("$max", new Document("lastSeenAt", Date.from(last)))
                    .append("$set", new Document("updatedAt", now))
                    .append("$push", new Document("samples", new Document("$each",
                            newest.stream().map(ThemeRepository::sample).toList()).append("$slice", -samplesKept)));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", g.themeId()), update));
        }
        return themes().bulkWrite(writes, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    /** How contributions map to the keys of the aggregates (the contract's channels, ISO weeks, heat). */
    public interface AggregateKeys {
        String channel(String channel);

        String week(Instant at);

        double heat(Instant at);
    }

    /** The change counters of these brands (0 for a brand never counted). */
    public Uni<Map<String, Long>> versions(Collection<String> brands) {
        if (brands.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return store.collection(MongoStore.THEME_VERSIONS).find(Filters.in("_id", brands)).collect().asList()
                .map(docs -> {
                    Map<String, Long> versions = new HashMap<>();
                    brands.forEach(b -> versions.put(b, 0L));
                    docs.forEach(d -> versions.put(d.getString("_id"), number(d.get("v")).longValue()));
                    return versions;
                });
    }

    /** Counts one change of each brand's themes; answers the counters afterwards. */
    public Uni<Map<String, Long>> bumpVersions(Collection<String> brands) {
        if (brands.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<WriteModel<Document>> writes = new ArrayList<>(brands.size());
        for (String brand : brands) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", brand), Updates.inc("v", 1L),
                    new UpdateOptions().upsert(true)));
        }
        return store.collection(MongoStore.THEME_VERSIONS).bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .chain(() -> versions(brands));
    }

    /** These themes, without samples and weekly counts (to bring the lists' read model up to date). */
    public Uni<List<Theme>> summaries(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return themes().find(Filters.in("_id", ids), new FindOptions().projection(SUMMARY))
                .map(ThemeRepository::fromDocument)
                .collect().asList();
    }

    /** Every open (not merged) theme of a brand, without samples and weekly counts (the lists' read model). */
    public Uni<List<Theme>> openThemes(String brand) {
        return themes().find(Filters.and(Filters.eq("brand", brand), Filters.eq("mergedInto", null)),
                        new FindOptions().projection(SUMMARY))
                .map(ThemeRepository::fromDocument)
                .collect().asList();
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
    public Uni<Boolean> markShipmentDue(String id, String note, String traceparent) {
        Date now = new Date();
        Document set = new Document("status", "shipped")
                .append("shipment", SHIPMENT_PENDING)
                .append("shipmentTraceparent", traceparent)
                .append("shippedAt", now)
                .append("shipmentClaimedAt", now)
                .append("updatedAt", now);
        if (note != null) {
            set.append("note", note);
        }
        return themes().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("shipment", null)), new Document("$set", set))
                .map(r -> r.getModifiedCount() == 1);
    }

    /** A theme whose shipment is due, with the W3C trace context of the request that shipped it (or null). */
    public record PendingShipment(Theme theme, String traceparent) {
    }

    /** Claims one theme whose shipment is still pending since before {@code claimedBefore}, for the relay. */
    public Uni<PendingShipment> claimPendingShipment(Instant claimedBefore) {
        return themes().findOneAndUpdate(
                        Filters.and(Filters.eq("shipment", SHIPMENT_PENDING),
                                Filters.or(Filters.lt("shipmentClaimedAt", Date.from(claimedBefore)),
                                        Filters.exists("shipmentClaimedAt", false))),
                        new Document("$set", new Document("shipmentClaimedAt", new Date())),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(d -> d == null ? null : new PendingShipment(fromDocument(d), d.getString("shipmentTraceparent")));
    }

    /** The W3C trace context stored with a theme's shipment (the request that shipped it), or null. */
    public Uni<String> shipmentTraceparent(String id) {
        return themes().find(Filters.eq("_id", id), new FindOptions().projection(Projections.include("shipmentTraceparent")))
                .toUni().map(d -> d == null ? null : d.getString("shipmentTraceparent"));
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
