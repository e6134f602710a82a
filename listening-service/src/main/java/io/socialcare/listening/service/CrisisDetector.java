package io.socialcare.listening.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.logging.Log;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.ids.Ids;
import io.socialcare.listening.CrisisAlert;
import io.socialcare.listening.config.ListeningConfig;
import io.socialcare.listening.messaging.AlertPublisher;
import io.socialcare.listening.repository.AlertRepository;
import io.socialcare.listening.repository.CrisisCounterRepository;
import io.socialcare.listening.repository.MentionRepository;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Spike ("crisis") detection: a brand is in crisis when its negative mentions of the last window (15 min) are at
 * least {@code min-count} (20) and more than {@code factor} (3) times its average per window over the trailing
 * period (24 h) before it. While it lasts, new negative mentions of the brand are rated {@code critical}; the
 * start of a crisis is published once per window to {@code alerts}, through the alert outbox: the alert is stored
 * first, then sent, and the relay sends it later when Kafka was down.
 * <p>
 * The counts come from {@link CrisisCounterRepository}: minute buckets for the window and hour buckets for the
 * trailing period, incremented with {@code $inc} and read by {@code _id}, in MongoDB so that every replica sees
 * the same counts. The window is the current minute and the ones before it ({@code window} minutes in all); the
 * trailing count is the hour buckets from the hour that holds "window start − trailing" up to now, minus the
 * window, and its rate per window is taken over the span those hours really cover (24 to 25 hours).
 */
@ApplicationScoped
public class CrisisDetector {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;

    private final CrisisCounterRepository counters;
    private final ReactiveMongoCollection<Document> crises;
    private final AlertRepository alerts;
    private final AlertPublisher publisher;
    private final ListeningConfig config;
    /** Brand → until when a crisis it is in was already announced (by this replica or, as learnt, another). */
    private final Map<String, Instant> announced = new ConcurrentHashMap<>();

    public CrisisDetector(CrisisCounterRepository counters, ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String db, AlertRepository alerts,
            AlertPublisher publisher, ListeningConfig config) {
        this.counters = counters;
        this.crises = client.getDatabase(db).getCollection("crises");
        this.alerts = alerts;
        this.publisher = publisher;
        this.config = config;
    }

    /** What the detector concluded for a new negative mention. */
    public record Assessment(boolean crisis, long inWindow, double trailingPerWindow) {
        public static final Assessment NONE = new Assessment(false, 0, 0);
    }

    /** The buckets a count at {@code now} touches and reads. */
    record Buckets(String minute, String hour, List<String> windowIds, List<String> hourIds, long trailingSpanMillis,
            Instant minuteExpiry, Instant hourExpiry) {
    }

    Buckets buckets(String brand, Instant now) {
        ListeningConfig.Crisis c = config.crisis();
        long windowMinutes = Math.max(1, (c.window().toMillis() + MINUTE - 1) / MINUTE);
        long minute = Math.floorDiv(now.toEpochMilli(), MINUTE);
        long firstMinute = minute - windowMinutes + 1;
        List<String> windowIds = new ArrayList<>();
        for (long m = firstMinute; m <= minute; m++) {
            windowIds.add(CrisisCounterRepository.minuteId(brand, m));
        }
        long windowStart = firstMinute * MINUTE;
        long firstHour = Math.floorDiv(windowStart - c.trailing().toMillis(), HOUR);
        long hour = Math.floorDiv(now.toEpochMilli(), HOUR);
        List<String> hourIds = new ArrayList<>();
        for (long h = firstHour; h <= hour; h++) {
            hourIds.add(CrisisCounterRepository.hourId(brand, h));
        }
        Instant minuteExpiry = Instant.ofEpochMilli((minute + 1) * MINUTE).plus(c.window()).plusSeconds(120);
        Instant hourExpiry = Instant.ofEpochMilli((hour + 1) * HOUR).plus(c.trailing()).plus(c.window())
                .plusSeconds(3600);
        return new Buckets(CrisisCounterRepository.minuteId(brand, minute), CrisisCounterRepository.hourId(brand, hour),
                windowIds, hourIds, windowStart - firstHour * HOUR, minuteExpiry, hourExpiry);
    }

    /** Whether a new negative mention of {@code brand}, captured {@code now}, is part of a crisis. */
    public Uni<Assessment> assess(String brand, Instant now) {
        return record(brand, now, 1).map(list -> list.get(0));
    }

    /**
     * Counts {@code count} new negative mentions of {@code brand} captured {@code now} and assesses each of them, in
     * their order: the i-th sees the window as it was with the ones before it. Two round trips whatever the count.
     */
    public Uni<List<Assessment>> record(String brand, Instant now, int count) {
        ListeningConfig.Crisis c = config.crisis();
        if (!c.enabled() || count <= 0) {
            return Uni.createFrom().item(Collections.nCopies(Math.max(count, 0), Assessment.NONE));
        }
        Buckets b = buckets(brand, now);
        List<String> ids = new ArrayList<>(b.windowIds());
        ids.addAll(b.hourIds());
        return counters.add(Map.of(b.minute(), b.minuteExpiry(), b.hour(), b.hourExpiry()), count)
                .chain(() -> counters.counts(ids))
                .map(found -> {
                    long inWindowAfter = b.windowIds().stream().mapToLong(id -> found.getOrDefault(id, 0L)).sum();
                    long hoursAfter = b.hourIds().stream().mapToLong(id -> found.getOrDefault(id, 0L)).sum();
                    long trailing = Math.max(0, hoursAfter - inWindowAfter);
                    double windows = (double) b.trailingSpanMillis() / c.window().toMillis();
                    double perWindow = windows <= 0 ? 0 : trailing / windows;
                    List<Assessment> result = new ArrayList<>(count);
                    for (int i = 1; i <= count; i++) {
                        long inWindow = Math.max(i, inWindowAfter - count + i);
                        boolean crisis = inWindow >= c.minCount() && inWindow > c.factor() * perWindow;
                        result.add(new Assessment(crisis, inWindow, perWindow));
                    }
                    return result;
                });
    }

    /** Takes back {@code count} negative mentions counted at {@code now} that turned out not to be stored. */
    public Uni<Void> forget(String brand, Instant now, int count) {
        if (!config.crisis().enabled() || count <= 0) {
            return Uni.createFrom().voidItem();
        }
        Buckets b = buckets(brand, now);
        return counters.add(Map.of(b.minute(), b.minuteExpiry(), b.hour(), b.hourExpiry()), -count)
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Crisis counters of brand %s not corrected: %s", brand, e.getMessage());
                    return null;
                });
    }

    /** Removes counter buckets no window needs any more (MongoDB's TTL index does the same on its own). */
    @Scheduled(every = "${listening.crisis.cleanup-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteExpiredCounters() {
        Instant now = Instant.now();
        announced.values().removeIf(until -> until.isBefore(now));
        return counters.deleteExpired(now)
                .invoke(n -> Log.debugf("Removed %d expired crisis counter bucket(s)", n))
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Expired crisis counters not removed (next run retries): %s", e.getMessage());
                    return 0L;
                })
                .replaceWithVoid();
    }

    /**
     * Publishes the alert if this is the start of a crisis (once per window and brand, decided by the unique
     * {@code _id} of the brand's crisis document); never fails.
     */
    public Uni<Void> raise(String brand, String mentionId, Assessment assessment, Instant now) {
        Instant known = announced.get(brand);
        if (known != null && known.isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
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
                        // another replica announced it: learn until when, so as not to ask again per mention
                        return crises.find(Filters.eq("_id", brand)).collect().first().invoke(doc -> {
                            Date until = doc == null ? null : doc.getDate("activeUntil");
                            if (until != null) {
                                announced.put(brand, until.toInstant());
                            }
                        }).replaceWithVoid();
                    }
                    announced.put(brand, now.plus(window));
                    CrisisAlert alert = new CrisisAlert(Ids.next(), brand, now, window.toMinutes(),
                            assessment.inWindow(), assessment.trailingPerWindow(), mentionId);
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
