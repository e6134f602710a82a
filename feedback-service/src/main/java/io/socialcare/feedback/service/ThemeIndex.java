package io.socialcare.feedback.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Theme;

/**
 * The open themes of one brand as the matcher needs them (term counts, product, last activity), with an inverted
 * index from each term to the themes that carry it, so that a contribution is compared only with the themes it
 * shares a term with (a theme sharing none scores 0) and no query runs per mention.
 *
 * <p>It holds the brand's {@code feedback.candidate-themes} most recently active open themes, as loaded from the
 * store, then follows the contributions the consumer applies. It is owned by the consumer (one batch at a time) and
 * not thread-safe. {@link #version} is the brand's change counter it reflects; a change made elsewhere (another
 * replica, a merge) moves the counter, and the consumer then loads the brand again.</p>
 */
public final class ThemeIndex {

    /** Added to the similarity of a theme about the same product (first topic) as the contribution. */
    static final double SAME_PRODUCT_BONUS = 0.1;

    /** One theme: its term counts and their squared norm, kept up to date as contributions are added. */
    static final class Entry {
        final String id;
        final String product;
        final Map<String, Integer> counts;
        double normSquared;
        Instant lastSeenAt;

        Entry(String id, String product, Map<String, Integer> counts, Instant lastSeenAt) {
            this.id = id;
            this.product = product;
            this.counts = new HashMap<>(counts);
            this.lastSeenAt = lastSeenAt;
            for (int n : this.counts.values()) {
                normSquared += (double) n * n;
            }
        }
    }

    private final String brand;
    private final int capacity;
    private final Map<String, Entry> themes = new LinkedHashMap<>();
    private final Map<String, Set<String>> byTerm = new HashMap<>();
    long version;

    ThemeIndex(String brand, long version, int capacity, Collection<Theme> loaded) {
        this.brand = brand;
        this.version = version;
        this.capacity = capacity;
        for (Theme t : loaded) {
            add(new Entry(t.id(), t.product(), t.termCounts(), t.lastSeenAt()));
        }
    }

    String brand() {
        return brand;
    }

    int size() {
        return themes.size();
    }

    boolean contains(String themeId) {
        return themes.containsKey(themeId);
    }

    /**
     * The best matching theme id for these terms: the highest cosine similarity (plus the same-product bonus) that
     * reaches {@code threshold}, among themes sharing at least {@code required} terms (all of a smaller theme's);
     * ties go to the most recently active theme. Null when none qualifies.
     */
    String bestMatch(List<String> terms, String product, int required, double threshold) {
        if (terms.isEmpty()) {
            return null;
        }
        Set<String> candidates = new HashSet<>();
        for (String term : terms) {
            Set<String> ids = byTerm.get(term);
            if (ids != null) {
                candidates.addAll(ids);
            }
        }
        Entry best = null;
        double bestScore = 0;
        for (String id : candidates) {
            Entry e = themes.get(id);
            double score = similarity(terms, e, required);
            if (score <= 0) {
                continue;
            }
            if (product != null && product.equalsIgnoreCase(e.product)) {
                score += SAME_PRODUCT_BONUS;
            }
            if (score >= threshold && (score > bestScore || (score == bestScore && newer(e, best)))) {
                best = e;
                bestScore = score;
            }
        }
        return best == null ? null : best.id;
    }

    private static boolean newer(Entry a, Entry b) {
        if (b == null) {
            return true;
        }
        int byTime = compare(a.lastSeenAt, b.lastSeenAt);
        return byTime != 0 ? byTime > 0 : a.id.compareTo(b.id) < 0;
    }

    private static int compare(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /**
     * Cosine of the contribution's binary term vector and the theme's counts (the norm kept up to date rather than
     * summed); 0 when fewer than {@code required} terms are shared, where a one-term theme is joined by sharing its term.
     */
    static double similarity(List<String> terms, Entry theme, int required) {
        if (theme.counts.isEmpty()) {
            return 0;
        }
        double dot = 0;
        int shared = 0;
        for (String term : terms) {
            Integer n = theme.counts.get(term);
            if (n != null && n > 0) {
                dot += n;
                shared++;
            }
        }
        if (shared < Math.min(required, theme.counts.size())) {
            return 0;
        }
        return dot / (Math.sqrt(theme.normSquared) * Math.sqrt(terms.size()));
    }

    /** Adds a contribution to a theme of the index, opening the theme when it is new. */
    void apply(String themeId, Contribution c) {
        Entry e = themes.get(themeId);
        if (e == null) {
            e = new Entry(themeId, c.product(), Map.of(), c.at());
            add(e);
            evictIfFull(themeId);
        }
        for (String term : c.terms()) {
            int n = e.counts.getOrDefault(term, 0);
            e.counts.put(term, n + 1);
            e.normSquared += 2.0 * n + 1;
            byTerm.computeIfAbsent(term, k -> new HashSet<>()).add(themeId);
        }
        if (e.lastSeenAt == null || (c.at() != null && c.at().isAfter(e.lastSeenAt))) {
            e.lastSeenAt = c.at();
        }
    }

    private void add(Entry e) {
        themes.put(e.id, e);
        for (String term : e.counts.keySet()) {
            byTerm.computeIfAbsent(term, k -> new HashSet<>()).add(e.id);
        }
    }

    /** Keeps the index at its capacity by dropping the least recently active theme (not the one just opened). */
    private void evictIfFull(String keep) {
        if (themes.size() <= capacity) {
            return;
        }
        Entry oldest = null;
        for (Entry e : themes.values()) {
            if (!e.id.equals(keep) && (oldest == null || compare(e.lastSeenAt, oldest.lastSeenAt) < 0)) {
                oldest = e;
            }
        }
        if (oldest != null) {
            themes.remove(oldest.id);
            for (String term : new ArrayList<>(oldest.counts.keySet())) {
                Set<String> ids = byTerm.get(term);
                if (ids != null) {
                    ids.remove(oldest.id);
                    if (ids.isEmpty()) {
                        byTerm.remove(term);
                    }
                }
            }
        }
    }
}
