package io.socialcare.listening.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.logging.Log;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.socialcare.listening.CrisisAlert;
import io.socialcare.listening.config.ListeningConfig;
import io.socialcare.listening.messaging.AlertPublisher;
import io.socialcare.listening.repository.AlertRepository;
import io.socialcare.listening.repository.MentionRepository;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Spike ("crisis") detection: a brand is in crisis when its negative mentions of the last window (15 min) are at
 * least {@code min-count} (20) and more than {@code factor} (3) times its average per window over the trailing
 * period (24 h) before it. While it lasts, new negative mentions of the brand are rated {@code critical}; the
 * start of a crisis is published once per window to {@code alerts}, through the alert outbox: the alert is stored
 * first, then sent, and the relay sends it later when Kafka was down.
 */
@ApplicationScoped
public class CrisisDetector {

    private final MentionRepository mentions;
    private final ReactiveMongoCollection<Document> crises;
    private final AlertRepository alerts;
    private final AlertPublisher publisher;
    private final ListeningConfig config;

    public CrisisDetector(MentionRepository mentions, ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String db, AlertRepository alerts,
            AlertPublisher publisher, ListeningConfig config) {
        this.mentions = mentions;
        this.crises = client.getDatabase(db).getCollection("crises");
        this.alerts = alerts;
        this.publisher = publisher;
        this.config = config;
    }

    /** What the detector concluded for a new negative mention. */
    public record Assessment(boolean crisis, long inWindow, double trailingPerWindow) {
        static final Assessment NONE = new Assessment(false, 0, 0);
    }

    /** Whether a new negative mention of {@code brand}, captured {@code now}, is part of a crisis. */
    public Uni<Assessment> assess(String brand, Instant now) {
        ListeningConfig.Crisis c = config.crisis();
        if (!c.enabled()) {
            return Uni.createFrom().item(Assessment.NONE);
        }
        Instant windowStart = now.minus(c.window());
        Instant trailingStart = windowStart.minus(c.trailing());
        return mentions.countNegative(brand, windowStart).chain(inWindowBefore -> mentions
                .countNegative(brand, trailingStart).map(sinceTrailing -> {
                    long inWindow = inWindowBefore + 1;
                    long trailing = sinceTrailing - inWindowBefore;
                    double windows = (double) c.trailing().toMillis() / c.window().toMillis();
                    double perWindow = trailing / windows;
                    boolean crisis = inWindow >= c.minCount() && inWindow > c.factor() * perWindow;
                    return new Assessment(crisis, inWindow, perWindow);
                }));
    }

    /**
     * Publishes the alert if this is the start of a crisis (once per window and brand, decided by the unique
     * {@code _id} of the brand's crisis document); never fails.
     */
    public Uni<Void> raise(String brand, String mentionId, Assessment assessment, Instant now) {
        Duration window = config.crisis().window();
        return crises.updateOne(
                        Filters.and(Filters.eq("_id", brand), Filters.lt("activeUntil", Date.from(now))),
                        Updates.combine(Updates.set("activeUntil", Date.from(now.plus(window))),
                                Updates.set("since", Date.from(now))),
                        new UpdateOptions().upsert(true))
                .map(result -> true)
                .onFailure(MentionRepository::isDuplicateKey).recoverWithItem(false)
                .chain(started -> {
                    if (!started) {
                        return Uni.createFrom().voidItem();
                    }
                    CrisisAlert alert = new CrisisAlert(java.util.UUID.randomUUID().toString(), brand, now, window.toMinutes(), assessment.inWindow(),
                            assessment.trailingPerWindow(), mentionId);
                    Log.warnf("Crisis detected for brand %s: %d negative mentions in %d min", brand,
                            assessment.inWindow(), window.toMinutes());
                    // stored first (outbox), then sent without waiting: a broker outage must not hold up the
                    // answer to the mention, and the relay sends the alert once Kafka is back
                    return alerts.insert(alert, now.plus(config.relay().lease()))
                            .invoke(() -> publisher.publishInBackground(alert));
                })
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Crisis state of brand %s not recorded: %s", brand, e.getMessage());
                    return null;
                });
    }
}
