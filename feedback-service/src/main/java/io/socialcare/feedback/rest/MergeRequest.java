package io.socialcare.feedback.rest;

/**
 * Body of {@code POST /api/v1/themes/{id}/merge}: the id of the theme that absorbs this one.
 */
public record MergeRequest(String into) {
}
