package io.socialcare.feedback.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.socialcare.feedback.repository.TrendRepository;
import org.bson.Document;

/**
 * Mentions per day or week, split by intent and by sentiment, read from the prepared counters (no scan of
 * mentions). Every bucket of the range is present, empty ones with zeros.
 */
@ApplicationScoped
public class TrendService {

    public static final List<String> INTERVALS = List.of("day", "week");
    public static final int MAX_BUCKETS = 1000;

    /** One bucket: its start, the mentions in it, and their split by intent and sentiment label. */
    public record Bucket(Instant start, int mentions, Map<String, Integer> intents, Map<String, Integer> sentiments) {
    }

    private final TrendRepository trends;

    public TrendService(TrendRepository trends) {
        this.trends = trends;
    }

    /** The start of the bucket holding {@code at}. */
    public static Instant bucketStart(String interval, Instant at) {
        return "week".equals(interval) ? FeedbackIngest.weekStart(at) : FeedbackIngest.dayStart(at);
    }

    public static Instant next(String interval, Instant start) {
        return start.plus("week".equals(interval) ? 7 : 1, ChronoUnit.DAYS);
    }

    /** Number of buckets from the bucket of {@code since} up to {@code until}. */
    public static long bucketCount(String interval, Instant since, Instant until) {
        long days = ChronoUnit.DAYS.between(bucketStart(interval, since), until) + 1;
        return "week".equals(interval) ? days / 7 + 1 : days;
    }

    /** The buckets from the one holding {@code since} up to (excluding) {@code until}; brands null means all. */
    public Uni<List<Bucket>> trends(Collection<String> brands, String interval, Instant since, Instant until) {
        Instant first = bucketStart(interval, since);
        return trends.range(brands, interval, first, until).map(docs -> {
            Map<Instant, Bucket> buckets = new LinkedHashMap<>();
            for (Instant s = first; s.isBefore(until); s = next(interval, s)) {
                buckets.put(s, empty(s));
            }
            for (Document d : docs) {
                Instant start = d.getDate("start").toInstant();
                Bucket b = buckets.get(start);
                if (b == null) {
                    continue;
                }
                buckets.put(start, add(b, d));
            }
            return new ArrayList<>(buckets.values());
        });
    }

    private static Bucket empty(Instant start) {
        Map<String, Integer> intents = new LinkedHashMap<>();
        FeedbackIngest.INTENTS.forEach(i -> intents.put(i, 0));
        Map<String, Integer> sentiments = new LinkedHashMap<>();
        FeedbackIngest.SENTIMENTS.forEach(s -> sentiments.put(s, 0));
        return new Bucket(start, 0, intents, sentiments);
    }

    private static Bucket add(Bucket b, Document d) {
        merge(b.intents(), d.get("intents", Document.class));
        merge(b.sentiments(), d.get("sentiments", Document.class));
        Object n = d.get("mentions");
        return new Bucket(b.start(), b.mentions() + (n instanceof Number num ? num.intValue() : 0), b.intents(),
                b.sentiments());
    }

    private static void merge(Map<String, Integer> into, Document counts) {
        if (counts == null) {
            return;
        }
        for (Map.Entry<String, Object> e : counts.entrySet()) {
            if (e.getValue() instanceof Number n) {
                into.merge(e.getKey(), n.intValue(), Integer::sum);
            }
        }
    }
}
