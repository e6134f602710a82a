package io.socialcare.listening.repository;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the indexes at start-up; the unique index on a mention's source is what makes duplicates impossible.
 */
@ApplicationScoped
public class IndexInitializer {

    private final MentionRepository mentions;

    public IndexInitializer(MentionRepository mentions) {
        this.mentions = mentions;
    }

    void onStart(@Observes StartupEvent event) {
        mentions.ensureIndexes().await().atMost(Duration.ofSeconds(30));
        Log.info("MongoDB indexes of the listening service are in place");
    }
}
