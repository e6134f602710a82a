package io.socialcare.listening.repository;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Creates the indexes at start-up; the unique index on a mention's source is what makes duplicates impossible.
 * When MongoDB is not reachable at start-up the service still starts, and the relay retries until the indexes
 * exist.
 */
@ApplicationScoped
public class IndexInitializer {

    private final MentionRepository mentions;
    private volatile boolean ready;

    public IndexInitializer(MentionRepository mentions) {
        this.mentions = mentions;
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
        return mentions.ensureIndexes().invoke(() -> {
            ready = true;
            Log.info("MongoDB indexes of the listening service are in place");
        });
    }
}
