package io.socialcare.listening.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counters of negative mentions per brand and time bucket (collection {@code crisis_counters}), shared by every
 * replica: {@code _id} = {@code brand|m|<epoch minute>} or {@code brand|h|<epoch hour>}, {@code n} the count,
 * {@code expireAt} when the bucket is no longer needed (a TTL index removes it on MongoDB; {@link #deleteExpired}
 * does it where TTL indexes are not honoured). Writes are {@code $inc} upserts and reads are {@code _id $in}, so
 * neither depends on a secondary index nor grows with the number of stored mentions.
 */
@ApplicationScoped
public class CrisisCounterRepository {

    private final ReactiveMongoCollection<Document> counters;

    public CrisisCounterRepository(ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.counters = client.getDatabase(db).getCollection("crisis_counters");
    }

    public Uni<Void> ensureIndexes() {
        return counters.createIndex(Indexes.ascending("expireAt"),
                new IndexOptions().name("expire_at_ttl").expireAfter(0L, TimeUnit.SECONDS)).replaceWithVoid();
    }

    public static String minuteId(String brand, long epochMinute) {
        return brand + "|m|" + epochMinute;
    }

    public static String hourId(String brand, long epochHour) {
        return brand + "|h|" + epochHour;
    }

    /**
     * Adds {@code delta} (negative to take back) to each bucket, creating it with its expiry when it is new.
     *
     * @param expiries bucket id → when the bucket may be removed
     */
    public Uni<Void> add(Map<String, Instant> expiries, long delta) {
        List<WriteModel<Document>> writes = new ArrayList<>(expiries.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        expiries.forEach((id, expireAt) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.combine(Updates.inc("n", delta), Updates.setOnInsert("expireAt", Date.from(expireAt))),
                upsert)));
        return counters.bulkWrite(writes, new BulkWriteOptions().ordered(false)).replaceWithVoid();
    }

    /** The counts of these buckets (0 for a bucket that does not exist). */
    public Uni<Map<String, Long>> counts(Collection<String> ids) {
        return counters.find(Filters.in("_id", ids)).collect().asList().map(docs -> {
            Map<String, Long> result = new HashMap<>();
            for (Document doc : docs) {
                Number n = doc.get("n", Number.class);
                result.put(doc.getString("_id"), n == null ? 0L : n.longValue());
            }
            return result;
        });
    }

    /** Removes the buckets that expired; the number removed. */
    public Uni<Long> deleteExpired(Instant now) {
        return counters.deleteMany(Filters.lt("expireAt", Date.from(now))).map(r -> r.getDeletedCount());
    }
}
