package io.socialcare.feedback.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Prepared trend counters: one document per (brand, interval, bucket start) holding the number of mentions and
 * their split by intent and by sentiment label.
 *
 * <p>Counting is exactly-once per mention, also across a crash: a per-mention marker ({@code trended_mentions},
 * {@code _id} = mention id) names the batch that counts the mention, and a counter document accepts a batch's
 * increments only once (the batch id is kept in its {@code applied} list until the batch is finished). A batch
 * interrupted between its markers and its counters is therefore completed by applying it again.</p>
 */
@ApplicationScoped
public class TrendRepository {

    /** At most this many unfinished batch ids are remembered per counter document. */
    static final int APPLIED_KEPT = 200;

    private final MongoStore store;

    public TrendRepository(MongoStore store) {
        this.store = store;
    }

    /** The increments one batch makes to one counter document. */
    public record Delta(String brand, String interval, Instant start, int mentions, Map<String, Integer> intents,
            Map<String, Integer> sentiments) {

        public String id() {
            return bucketId(brand, interval, start);
        }
    }

    public static String bucketId(String brand, String interval, Instant start) {
        return brand + "|" + interval + "|" + start;
    }

    /** The mentions a batch counts, and how many of them it marked just now (the others in an earlier attempt). */
    public record Claim(Set<String> mentionIds, int marked) {
    }

    /**
     * Marks the mentions as counted by {@code batchId}; answers those this batch counts: the ones it marked now, or
     * marked in an earlier attempt of the same batch. A mention marked by another batch is that batch's to count.
     */
    public Uni<Claim> claim(String batchId, List<String> mentionIds) {
        if (mentionIds.isEmpty()) {
            return Uni.createFrom().item(new Claim(Set.of(), 0));
        }
        Date now = new Date();
        List<Document> markers = new ArrayList<>(mentionIds.size());
        for (String id : mentionIds) {
            markers.add(new Document("_id", id).append("batch", batchId).append("at", now));
        }
        return store.collection(MongoStore.TRENDED).insertMany(markers, new InsertManyOptions().ordered(false))
                .map(r -> new Claim(new LinkedHashSet<>(mentionIds), mentionIds.size()))
                .onFailure(f -> MongoStore.duplicatePositions(f) != null).recoverWithUni(f -> {
                    Set<String> mine = new LinkedHashSet<>(mentionIds);
                    List<String> taken = new ArrayList<>();
                    for (int position : MongoStore.duplicatePositions(f)) {
                        taken.add(mentionIds.get(position));
                    }
                    taken.forEach(mine::remove);
                    // by _id alone, which the wire-protocol server serves from its index too
                    return store.collection(MongoStore.TRENDED).find(Filters.in("_id", taken))
                            .select().where(d -> batchId.equals(d.getString("batch")))
                            .map(d -> d.getString("_id"))
                            .collect().asList()
                            .map(again -> {
                                Set<String> result = new LinkedHashSet<>();
                                for (String id : mentionIds) {
                                    if (mine.contains(id) || again.contains(id)) {
                                        result.add(id);
                                    }
                                }
                                return new Claim(result, mine.size());
                            });
                });
    }

    /** Adds a batch's increments to the counters, once: a counter that already took this batch is left alone. */
    public Uni<Void> apply(String batchId, Collection<Delta> deltas) {
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(deltas.size());
        for (Delta d : deltas) {
            Document inc = new Document("mentions", d.mentions());
            d.intents().forEach((intent, n) -> inc.append("intents." + intent, n));
            d.sentiments().forEach((label, n) -> inc.append("sentiments." + label, n));
            Document update = new Document("$inc", inc)
                    .append("$setOnInsert", new Document("brand", d.brand())
                            .append("interval", d.interval())
                            .append("start", Date.from(d.start())))
                    .append("$push", new Document("applied", new Document("$each", List.of(batchId))
                            .append("$slice", -APPLIED_KEPT)));
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", d.id()), Filters.ne("applied", batchId)),
                    update, new UpdateOptions().upsert(true)));
        }
        // a counter that took the batch before does not match; the upsert then collides with its _id: already applied
        return store.collection(MongoStore.TRENDS).bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .replaceWithVoid()
                .onFailure(f -> MongoStore.duplicatePositions(f) != null).recoverWithNull();
    }

    /** Forgets a finished batch on its counters (after its journal entry is gone, so it is never applied again). */
    public Uni<Void> release(String batchId, Collection<String> bucketIds) {
        if (bucketIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.collection(MongoStore.TRENDS)
                .updateMany(Filters.in("_id", bucketIds), Updates.pull("applied", batchId))
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
