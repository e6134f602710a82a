package io.socialcare.listening;

import java.time.Instant;

/**
 * Value of a {@code crisis.detected} record on the {@code alerts} topic (key: brand): negative mentions of a brand
 * in the last window far above its trailing rate.
 *
 * @param id the alert's id (also the record's {@code ce_id}, so that a republished alert can be recognised)
 * @param negativeInWindow negative mentions captured in the window
 * @param trailingPerWindow the average number per window over the trailing period before it
 * @param mentionId the mention that tipped the balance
 */
public record CrisisAlert(String id, String brand, Instant detectedAt, long windowMinutes, long negativeInWindow,
        double trailingPerWindow, String mentionId) {
}
