package io.socialcare.listening;

import java.time.Instant;

/**
 * An RSS or Atom source polled for a brand, with the validators of its last answer (for conditional GETs).
 */
public record Feed(String id, String brand, String url, String etag, String lastModified, Instant lastPolledAt,
        String lastStatus) {
}
