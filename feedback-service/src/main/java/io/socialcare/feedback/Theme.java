package io.socialcare.feedback;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A group of contributions about the same idea, with the aggregates kept up to date as contributions arrive.
 *
 * @param termCounts how many contributions carried each term; the keywords are the most frequent ones
 * @param weekly     contributions per ISO week ({@code 2026-W47})
 * @param heat       sum of exp((t - 2025-01-01) / 7 days) over the contributions: ordering by it ranks themes by
 *                   recent activity, with older mentions weighing exponentially less ("trending")
 * @param mergedInto the theme this one was merged into, or null
 * @param shipment   {@code pending} or {@code published} once the theme was shipped; null before
 */
public record Theme(
        String id,
        String brand,
        String title,
        String product,
        String status,
        String note,
        Map<String, Integer> termCounts,
        int mentions,
        int customers,
        Map<String, Integer> channels,
        double sentimentSum,
        Instant firstSeenAt,
        Instant lastSeenAt,
        Map<String, Integer> weekly,
        double heat,
        String mergedInto,
        String shipment,
        Instant createdAt,
        Instant updatedAt) {

    /** Average sentiment score of the contributions (-1..1), rounded to three decimals. */
    public double sentiment() {
        return mentions == 0 ? 0 : Math.round(sentimentSum / mentions * 1000) / 1000.0;
    }

    /** The {@code n} most frequent terms, most frequent first (ties alphabetically). */
    public List<String> keywords(int n) {
        return termCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }
}
