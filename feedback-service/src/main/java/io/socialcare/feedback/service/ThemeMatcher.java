package io.socialcare.feedback.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.socialcare.feedback.Theme;
import io.socialcare.feedback.config.FeedbackConfig;

/**
 * Picks the existing theme a contribution belongs to: the candidate with the highest cosine similarity between
 * the contribution's terms (a set) and the theme's term counts, provided it shares enough terms and reaches the
 * configured threshold. A theme about the same product gets a small bonus.
 */
@ApplicationScoped
public class ThemeMatcher {

    static final double SAME_PRODUCT_BONUS = 0.1;

    private final FeedbackConfig config;

    public ThemeMatcher(FeedbackConfig config) {
        this.config = config;
    }

    /** The best matching theme, or null when a new theme is needed. */
    public Theme bestMatch(List<String> terms, String product, List<Theme> candidates) {
        return bestMatch(terms, product, candidates, 0);
    }

    /** The best matching theme reaching the threshold raised by {@code margin}, or null. */
    public Theme bestMatch(List<String> terms, String product, List<Theme> candidates, double margin) {
        if (terms.isEmpty()) {
            return null;
        }
        Theme best = null;
        double bestScore = 0;
        int required = Math.min(config.minSharedTerms(), terms.size());
        for (Theme theme : candidates) {
            double score = similarity(terms, theme.termCounts(), required);
            if (score <= 0) {
                continue;
            }
            if (product != null && product.equalsIgnoreCase(theme.product())) {
                score += SAME_PRODUCT_BONUS;
            }
            if (score >= config.similarityThreshold() + margin && score > bestScore) {
                best = theme;
                bestScore = score;
            }
        }
        return best;
    }

    /** Cosine of the binary term vector and the theme's counts; 0 when fewer than {@code required} terms are shared. */
    static double similarity(List<String> terms, Map<String, Integer> counts, int required) {
        if (counts.isEmpty()) {
            return 0;
        }
        double dot = 0;
        int shared = 0;
        for (String term : terms) {
            Integer n = counts.get(term);
            if (n != null && n > 0) {
                dot += n;
                shared++;
            }
        }
        if (shared < Math.min(required, counts.size())) { // a one-term theme is joined by sharing its term
            return 0;
        }
        double norm = 0;
        for (int n : counts.values()) {
            norm += (double) n * n;
        }
        return dot / (Math.sqrt(norm) * Math.sqrt(terms.size()));
    }
}
