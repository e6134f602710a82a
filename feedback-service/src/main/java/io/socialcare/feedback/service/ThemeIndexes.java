package io.socialcare.feedback.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.socialcare.feedback.config.FeedbackConfig;

/**
 * The matching indexes of the brands this replica ingests for, at most {@code feedback.indexed-brands} of them (the
 * least recently used brand is dropped first and loaded again when it comes back). A change this replica makes
 * outside the consumer (a merge) drops the brand's index at once.
 */
@ApplicationScoped
public class ThemeIndexes {

    private final Map<String, ThemeIndex> indexes;

    public ThemeIndexes(FeedbackConfig config) {
        int max = Math.max(1, config.indexedBrands());
        this.indexes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ThemeIndex> eldest) {
                return size() > max;
            }
        };
    }

    synchronized ThemeIndex get(String brand) {
        return indexes.get(brand);
    }

    synchronized void put(ThemeIndex index) {
        indexes.put(index.brand(), index);
    }

    /** Forgets the brand's index: the next batch of the brand loads it again from the store. */
    public synchronized void forget(String brand) {
        indexes.remove(brand);
    }
}
