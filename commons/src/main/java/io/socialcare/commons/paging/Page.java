package io.socialcare.commons.paging;

import java.util.List;

/**
 * One page of a list: {@code {"items": [...], "nextCursor": "..." | null}}.
 */
public record Page<T>(List<T> items, String nextCursor) {
}
