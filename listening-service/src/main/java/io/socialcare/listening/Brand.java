package io.socialcare.listening;

import java.time.Instant;
import java.util.List;

/**
 * A brand the suite listens for: its display name, the keywords (brand and product names) and the social
 * handles that identify a mention of it.
 */
public record Brand(String id, String name, List<String> keywords, List<String> handles, Instant updatedAt) {
}
