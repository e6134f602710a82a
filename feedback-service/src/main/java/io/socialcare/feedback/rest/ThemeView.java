package io.socialcare.feedback.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Theme;

/**
 * A theme as the API shows it; the detail adds {@code samples}, {@code weekly} and {@code note}. A merged theme
 * carries {@code mergedInto}.
 */
public record ThemeView(
        String id,
        String brand,
        String title,
        List<String> keywords,
        String product,
        int mentions,
        int customers,
        Map<String, Integer> channels,
        double sentiment,
        Instant firstSeenAt,
        Instant lastSeenAt,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note,
        @JsonInclude(JsonInclude.Include.NON_NULL) String mergedInto,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Sample> samples,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<WeekCount> weekly) {

    public record Sample(String mentionId, String channel, String text, Instant at) {
    }

    public record WeekCount(String week, int mentions) {
    }

    public static ThemeView summary(Theme t, int keywords) {
        return new ThemeView(t.id(), t.brand(), t.title(), t.keywords(keywords), t.product(), t.mentions(),
                t.customers(), new TreeMap<>(t.channels()), t.sentiment(), t.firstSeenAt(), t.lastSeenAt(), t.status(),
                null, t.mergedInto(), null, null);
    }

    public static ThemeView detail(Theme t, int keywords, List<Contribution> samples) {
        List<Sample> sampleViews = samples.stream()
                .map(c -> new Sample(c.mentionId(), c.channel(), c.text(), c.at()))
                .toList();
        List<WeekCount> weekly = new TreeMap<>(t.weekly()).entrySet().stream()
                .map(e -> new WeekCount(e.getKey(), e.getValue()))
                .toList();
        return new ThemeView(t.id(), t.brand(), t.title(), t.keywords(keywords), t.product(), t.mentions(),
                t.customers(), new TreeMap<>(t.channels()), t.sentiment(), t.firstSeenAt(), t.lastSeenAt(), t.status(),
                t.note(), t.mergedInto(), sampleViews, weekly);
    }
}
