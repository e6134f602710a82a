package io.socialcare.feedback.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import org.bson.Document;

/**
 * The batches of mentions being ingested ({@code ingest_batches}): a batch is written here before any of its
 * effects and deleted once all of them are done, so a document that stays longer than a batch can take names a batch that a
 * crash (or a failure the consumer gave up on) interrupted. It holds what the recovery needs to finish the batch's
 * trend counts, and the mention ids whose contributions it completes.
 */
@ApplicationScoped
public class IngestJournal {

    /** One mention of a batch: what its trend counts need. */
    public record Entry(String mentionId, String brand, Instant at, String intent, String sentiment) {
    }

    /** An unfinished batch. */
    public record Batch(String id, Instant openedAt, List<Entry> entries) {
    }

    private final MongoStore store;

    public IngestJournal(MongoStore store) {
        this.store = store;
    }

    /** Records the batch (a second attempt of the same batch changes nothing). */
    public Uni<Void> open(String batchId, List<Entry> entries) {
        List<Document> docs = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            docs.add(new Document("m", e.mentionId()).append("b", e.brand()).append("t", Date.from(e.at()))
                    .append("i", e.intent()).append("s", e.sentiment()));
        }
        return store.collection(MongoStore.INGEST_BATCHES)
                .insertOne(new Document("_id", batchId).append("openedAt", new Date()).append("entries", docs))
                .replaceWithVoid()
                .onFailure(MongoStore::isDuplicate).recoverWithNull();
    }

    /** The batch is done. */
    public Uni<Void> close(String batchId) {
        return store.collection(MongoStore.INGEST_BATCHES).deleteOne(Filters.eq("_id", batchId)).replaceWithVoid();
    }

    /** Batches opened before {@code before} and never closed, oldest first (at most {@code limit}). */
    public Uni<List<Batch>> unfinished(Instant before, int limit) {
        return store.collection(MongoStore.INGEST_BATCHES)
                .find(Filters.lt("openedAt", Date.from(before)),
                        new FindOptions().sort(Sorts.ascending("openedAt")).limit(limit))
                .map(IngestJournal::fromDocument)
                .collect().asList();
    }

    static Batch fromDocument(Document d) {
        List<Entry> entries = new ArrayList<>();
        List<Document> docs = d.getList("entries", Document.class);
        if (docs != null) {
            for (Document e : docs) {
                entries.add(new Entry(e.getString("m"), e.getString("b"), e.getDate("t").toInstant(), e.getString("i"),
                        e.getString("s")));
            }
        }
        return new Batch(d.getString("_id"), d.getDate("openedAt").toInstant(), entries);
    }
}
