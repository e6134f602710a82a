package io.socialcare.feedback.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Prepared trend counters: one document per (brand, interval, bucket start) holding the number of mentions and
 * their split by intent and by sentiment label, incremented once per mention.
 */
@ApplicationScoped
public class TrendRepository {

    private final MongoStore store;

    public TrendRepository(MongoStore store) {
        this.store = store;
    }

    /** Records that a mention was counted; true the first time only, so a redelivery is not counted twice. */
    public Uni<Boolean> markCounted(String mentionId) {
        return store.collection(MongoStore.TRENDED)
                .insertOne(new Document("_id", mentionId).append("at", new Date()))
                .map(r -> true)
                .onFailure(MongoStore::isDuplicate).recoverWithItem(false);
    }

    public Uni<Void> increment(String brand, String interval, Instant start, String intent, String sentiment) {
        Document inc = new Document("mentions", 1)
                .append("intents." + intent, 1)
                .append("sentiments." + sentiment, 1);
        Document update = new Document("$inc", inc)
                .append("$setOnInsert", new Document("brand", brand)
                        .append("interval", interval)
                        .append("start", Date.from(start)));
        return store.collection(MongoStore.TRENDS)
                .updateOne(Filters.eq("_id", brand + "|" + interval + "|" + start), update,
                        new UpdateOptions().upsert(true))
                .replaceWithVoid();
    }

    /** The counters of {@code interval} whose bucket starts in [since, until); every brand when brands is null. */
    public Uni<List<Document>> range(Collection<String> brands, String interval, Instant since, Instant until) {
        Bson filter = Filters.and(
                Filters.eq("interval", interval),
                Filters.gte("start", Date.from(since)),
                Filters.lt("start", Date.from(until)));
        if (brands != null) {
            filter = Filters.and(filter, Filters.in("brand", brands));
        }
        return store.collection(MongoStore.TRENDS)
                .find(filter, new FindOptions().sort(Sorts.ascending("start")))
                .collect().asList();
    }
}
