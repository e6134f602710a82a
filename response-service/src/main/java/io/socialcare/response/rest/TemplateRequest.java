package io.socialcare.response.rest;

/**
 * Body of {@code POST /api/v1/templates} and {@code PUT /api/v1/templates/{id}}.
 */
public record TemplateRequest(String brand, String name, String lang, String text) {
}
