package io.socialcare.response.rest;

import java.time.Instant;
import java.util.List;

import io.socialcare.response.Template;

/**
 * A template as the API shows it, with the placeholders found in its text.
 */
public record TemplateView(String id, String brand, String name, String lang, String text, List<String> placeholders,
        Instant createdAt, Instant updatedAt) {

    public static TemplateView of(Template t, List<String> placeholders) {
        return new TemplateView(t.id, t.brand, t.name, t.lang, t.text, placeholders, t.createdAt, t.updatedAt);
    }
}
