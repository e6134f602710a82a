package io.socialcare.feedback.repository;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Indexes;
import io.quarkus.logging.Log;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's MongoDB collections, and their indexes (created at start-up; uniqueness lives in {@code _id}, so
 * that the guarantees hold on the wire-protocol server used locally, which ignores secondary indexes).
 */
@ApplicationScoped
public class MongoStore {

    public static final String THEMES = "themes";
    public static final String CONTRIBUTIONS = "contributions";
    public static final String THEME_CUSTOMERS = "theme_customers";
    public static final String TRENDS = "trends";
    public static final String TRENDED = "trended_mentions";
    /** One document per brand: a counter every change of the brand's themes increments (read models compare it). */
    public static final String THEME_VERSIONS = "theme_versions";
    /** Batches of mentions being ingested; a document that outlives its batch marks work a crash interrupted. */
    public static final String INGEST_BATCHES = "ingest_batches";

    private final ReactiveMongoClient client;
    private final String database;

    public MongoStore(ReactiveMongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.client = client;
        this.database = database;
    }

    public ReactiveMongoCollection<Document> collection(String name) {
        return client.getDatabase(database).getCollection(name);
    }

    void createIndexes(@Observes StartupEvent event) {
        try {
            // one per list order (field descending, then _id), so that a page is an index range scan, not a sort;
            // lastSeenAt also serves the matcher's candidates and since/until
            for (String field : new String[] {"customers", "mentions", "lastSeenAt", "heat"}) {
                collection(THEMES).createIndex(Indexes.compoundIndex(Indexes.ascending("brand", "mergedInto"),
                        Indexes.descending(field), Indexes.ascending("_id"))).await().indefinitely();
            }
            collection(THEMES).createIndex(Indexes.ascending("needsRecompute")).await().indefinitely();
            collection(THEME_CUSTOMERS).createIndex(Indexes.ascending("themeId")).await().indefinitely();
            collection(THEMES).createIndex(Indexes.ascending("shipment", "shipmentClaimedAt")).await().indefinitely();
            collection(CONTRIBUTIONS).createIndex(Indexes.ascending("themeId", "at")).await().indefinitely();
            collection(TRENDS).createIndex(Indexes.ascending("brand", "interval", "start")).await().indefinitely();
            collection(INGEST_BATCHES).createIndex(Indexes.ascending("openedAt")).await().indefinitely();
        } catch (RuntimeException e) {
            Log.warnf("Could not create the indexes now (%s); queries still work without them", e.getMessage());
        }
    }

    /**
     * The positions, in a bulk write, of the operations that failed only because their {@code _id} existed already;
     * null when the failure is anything else (then it must not be ignored).
     */
    public static Set<Integer> duplicatePositions(Throwable failure) {
        if (!(failure instanceof MongoBulkWriteException bulk) || bulk.getWriteConcernError() != null) {
            return null;
        }
        Set<Integer> positions = new HashSet<>();
        for (BulkWriteError error : bulk.getWriteErrors()) {
            if (error.getCategory() != ErrorCategory.DUPLICATE_KEY && error.getCode() != 11000) {
                return null;
            }
            positions.add(error.getIndex());
        }
        return positions;
    }

    /** True for the error a unique key (here always {@code _id}) raises on a second insert. */
    public static boolean isDuplicate(Throwable failure) {
        return failure instanceof MongoWriteException write
                && (write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY || write.getError().getCode() == 11000);
    }
}
