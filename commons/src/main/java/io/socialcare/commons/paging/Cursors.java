package io.socialcare.commons.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.socialcare.commons.problem.ProblemException;

/**
 * Opaque list cursors and the {@code limit} rule of the contract (1–500, default 50).
 *
 * <p>A cursor carries the sort position of the last item returned (for instance its time and id), joined by
 * a unit separator and base64url-encoded, so that clients cannot depend on its content.</p>
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    /** The page size asked for, validated; 400 naming {@code limit} when out of range. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor, or null for no cursor; 400 naming {@code cursor} when it cannot be read. */
    public static List<String> decode(String cursor, int expectedParts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split(SEPARATOR, -1));
            if (parts.size() != expectedParts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list returned");
        }
    }
}
