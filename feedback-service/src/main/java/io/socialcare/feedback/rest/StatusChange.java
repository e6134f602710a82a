package io.socialcare.feedback.rest;

/**
 * Body of {@code PATCH /api/v1/themes/{id}}: the new status and an optional note (shown to customers when the
 * theme ships).
 */
public record StatusChange(String status, String note) {
}
