package io.socialcare.listening.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.ids.Ids;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox of mentions (collection {@code mention_outbox}): one small entry per capture (a single mention, a
 * batch, a webhook delivery) listing the ids and record keys of the mentions it stores, in order. The entry is
 * written <em>before</em> the mentions, leased to the request that wrote it, and deleted once Kafka acknowledged
 * every one of them; what is left (a failed send, a crash, a record held back behind an older one of its key)
 * is released to the relay. The collection only ever holds what has not reached Kafka yet, so reading it whole
 * stays cheap, and a published mention is never rewritten (its document carries no outbox fields). Every write
 * filters by {@code _id} alone, which any MongoDB — and the embedded wire server — serves from the primary key.
 */
@ApplicationScoped
public class OutboxRepository {

    /** One mention of an entry: its id and its record key ({@code brand:channel:authorId}). */
    public record Item(String id, String key) {
    }

    /** A stored entry. {@code seq} orders entries by creation (microseconds since the epoch, unique per process). */
    public record Entry(String id, long seq, Instant createdAt, List<Item> items, int failures, Instant leaseUntil) {
    }

    /** The record key of a mention on {@code mentions}: {@code brand:channel:authorId}. */
    public static String key(MentionEvent m) {
        return EventTypes.mentionKey(m.brand(), m.channel(), m.author().id());
    }

    /** The outbox items of these mentions, in their order. */
    public static List<Item> items(List<MentionEvent> mentions) {
        List<Item> items = new ArrayList<>(mentions.size());
        for (MentionEvent m : mentions) {
            items.add(new Item(m.id(), key(m)));
        }
        return items;
    }

    private final ReactiveMongoCollection<Document> outbox;
    private final AtomicLong clock = new AtomicLong();

    public OutboxRepository(ReactiveMongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.outbox = client.getDatabase(db).getCollection("mention_outbox");
    }

    public Uni<Void> ensureIndexes() {
        return outbox.createIndex(Indexes.ascending("leaseUntil", "seq"), new IndexOptions().name("due"))
                .replaceWithVoid();
    }

    /** A creation order that never repeats nor goes back within this process and follows the clock across them. */
    long nextSeq() {
        long micros = Math.multiplyExact(System.currentTimeMillis(), 1000L);
        return clock.updateAndGet(last -> Math.max(last + 1, micros));
    }

    /** Stores a new entry leased until {@code leaseUntil} and returns it. */
    public Uni<Entry> create(List<Item> items, Instant now, Instant leaseUntil) {
        Entry entry = new Entry(Ids.next(), nextSeq(), now, List.copyOf(items), 0, leaseUntil);
        Document doc = new Document("_id", entry.id()).append("seq", entry.seq())
                .append("createdAt", Date.from(now)).append("leaseUntil", Date.from(leaseUntil))
                .append("failures", 0).append("mentions", toDocuments(items));
        return outbox.insertOne(doc).replaceWith(entry);
    }

    /** Every mention of the entry reached Kafka (or none of them was stored). */
    public Uni<Void> delete(String id) {
        return outbox.deleteOne(Filters.eq("_id", id)).replaceWithVoid();
    }

    /**
     * Keeps only {@code remaining} in the entry and leases it until {@code leaseUntil} (now: the relay takes it at
     * once); {@code failed} records a failed send (with its error) rather than a mention held back behind an older
     * one. An upsert, so that an entry the relay already removed (it found none of its mentions yet) comes back.
     */
    public Uni<Void> requeue(Entry entry, List<Item> remaining, boolean failed, String error, Instant leaseUntil) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("mentions", toDocuments(remaining)),
                Updates.set("leaseUntil", Date.from(leaseUntil)), Updates.setOnInsert("seq", entry.seq()),
                Updates.setOnInsert("createdAt", Date.from(entry.createdAt()))));
        if (failed) {
            updates.add(Updates.inc("failures", 1));
            updates.add(Updates.set("lastError", error == null ? "unknown" : error));
        }
        return outbox.updateOne(Filters.eq("_id", entry.id()), Updates.combine(updates),
                new UpdateOptions().upsert(true)).replaceWithVoid();
    }

    /** Entries whose lease ran out, oldest first. */
    public Uni<List<Entry>> findDue(Instant now, int limit) {
        return outbox.find(Filters.lte("leaseUntil", Date.from(now)),
                        new FindOptions().sort(Sorts.ascending("seq")).limit(limit))
                .map(OutboxRepository::toEntry).collect().asList();
    }

    /** Entries still leased (a send under way) that were created before {@code seq}. */
    public Uni<List<Entry>> findLeasedBefore(Instant now, long seq) {
        return outbox.find(Filters.and(Filters.gt("leaseUntil", Date.from(now)), Filters.lt("seq", seq)))
                .map(OutboxRepository::toEntry).collect().asList();
    }

    /**
     * Takes the lease of a due entry for one relay attempt; null when another attempt holds it or it is gone. The
     * update filters by {@code _id} only and decides from the document as it was before, which is atomic per document.
     */
    public Uni<Entry> claim(String id, Instant now, Instant until) {
        return outbox.findOneAndUpdate(Filters.eq("_id", id), Updates.set("leaseUntil", Date.from(until)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE))
                .map(before -> {
                    if (before == null) {
                        return null;
                    }
                    Entry entry = toEntry(before);
                    return entry.leaseUntil() == null || !entry.leaseUntil().isAfter(now) ? entry : null;
                });
    }

    /** True when another entry created before {@code seq} still holds a mention with one of these keys. */
    public Uni<Boolean> hasOlderWithKey(Collection<String> keys, String exceptId, long seq) {
        Bson filter = Filters.and(Filters.in("mentions.key", keys), Filters.lt("seq", seq),
                Filters.ne("_id", exceptId));
        return outbox.find(filter, new FindOptions().limit(1)).collect().first().map(doc -> doc != null);
    }

    /** The entries holding the mention; empty once it reached Kafka. */
    public Uni<List<Entry>> findByMention(String mentionId) {
        return outbox.find(Filters.eq("mentions.id", mentionId)).map(OutboxRepository::toEntry).collect().asList();
    }

    /** How many mentions wait in the outbox (in flight or for the relay). */
    public Uni<Long> countMentions() {
        return outbox.find().map(doc -> (long) doc.getList("mentions", Document.class, List.of()).size())
                .collect().with(java.util.stream.Collectors.summingLong(Long::longValue));
    }

    private static List<Document> toDocuments(List<Item> items) {
        List<Document> docs = new ArrayList<>(items.size());
        for (Item item : items) {
            docs.add(new Document("id", item.id()).append("key", item.key()));
        }
        return docs;
    }

    static Entry toEntry(Document doc) {
        List<Item> items = new ArrayList<>();
        for (Document item : doc.getList("mentions", Document.class, List.of())) {
            items.add(new Item(item.getString("id"), item.getString("key")));
        }
        Number seq = doc.get("seq", Number.class);
        Number failures = doc.get("failures", Number.class);
        Date lease = doc.getDate("leaseUntil");
        Date created = doc.getDate("createdAt");
        return new Entry(doc.getString("_id"), seq == null ? 0 : seq.longValue(),
                created == null ? Instant.EPOCH : created.toInstant(), items,
                failures == null ? 0 : failures.intValue(), lease == null ? null : lease.toInstant());
    }
}
