package io.socialcare.listening.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.mongodb.client.model.Filters;
import io.quarkus.logging.Log;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.MentionEvent;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the indexes at start-up; the unique index on a mention's source is what makes duplicates impossible.
 * When MongoDB is not reachable at start-up the service still starts, and the relay retries until the indexes
 * exist. Also moves mentions that an earlier version left unpublished (outbox fields on the mention itself) into
 * the outbox, once.
 */
@ApplicationScoped
public class IndexInitializer {

    private static final String LEGACY_OUTBOX = "mention-outbox-collection";
    private static final int MAX_ENTRY = 500;

    private final MentionRepository mentions;
    private final OutboxRepository outbox;
    private final CrisisCounterRepository counters;
    private final ReactiveMongoCollection<Document> migrations;
    private volatile boolean ready;

    public IndexInitializer(MentionRepository mentions, OutboxRepository outbox, CrisisCounterRepository counters,
            ReactiveMongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.mentions = mentions;
        this.outbox = outbox;
        this.counters = counters;
        this.migrations = client.getDatabase(db).getCollection("migrations");
    }

    void onStart(@Observes StartupEvent event) {
        try {
            ensure().await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            Log.errorf("MongoDB indexes not created yet (retried by the relay): %s", e.getMessage());
        }
    }

    /** Creates the indexes unless that was done already. */
    public Uni<Void> ensure() {
        if (ready) {
            return Uni.createFrom().voidItem();
        }
        return mentions.ensureIndexes()
                .chain(outbox::ensureIndexes)
                .chain(counters::ensureIndexes)
                .chain(this::moveLegacyUnpublished)
                .invoke(() -> {
                    ready = true;
                    Log.info("MongoDB indexes of the listening service are in place");
                });
    }

    /** One full read of {@code mentions} the first time this version starts on a database; never again. */
    private Uni<Void> moveLegacyUnpublished() {
        return migrations.find(Filters.eq("_id", LEGACY_OUTBOX)).collect().first().chain(done -> {
            if (done != null) {
                return Uni.createFrom().voidItem();
            }
            return mentions.findLegacyUnpublished().chain(legacy -> {
                Instant now = Instant.now();
                Uni<Void> moved = Uni.createFrom().voidItem();
                for (int from = 0; from < legacy.size(); from += MAX_ENTRY) {
                    List<MentionEvent> chunk = legacy.subList(from, Math.min(legacy.size(), from + MAX_ENTRY));
                    List<String> ids = chunk.stream().map(MentionEvent::id).toList();
                    moved = moved.chain(() -> outbox.create(OutboxRepository.items(chunk), now, now))
                            .chain(() -> mentions.clearLegacyOutboxFields(ids));
                }
                if (!legacy.isEmpty()) {
                    Log.infof("Moved %d unpublished mention(s) of an earlier version into the outbox", legacy.size());
                }
                return moved;
            }).chain(() -> migrations.insertOne(new Document("_id", LEGACY_OUTBOX).append("at", new Date()))
                    .onFailure(MentionRepository::isDuplicateKey).recoverWithNull().replaceWithVoid());
        });
    }
}
