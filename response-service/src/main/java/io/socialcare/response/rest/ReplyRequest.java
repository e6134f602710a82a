package io.socialcare.response.rest;

import java.util.Map;

/**
 * Body of {@code POST /api/v1/cases/{caseId}/replies}: {@code text} or {@code templateId} (with
 * {@code variables}), and optionally the mention answered ({@code inReplyTo}; default the case's latest).
 */
public record ReplyRequest(String text, String templateId, Map<String, String> variables, String inReplyTo) {
}
