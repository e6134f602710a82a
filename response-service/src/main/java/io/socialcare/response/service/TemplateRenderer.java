package io.socialcare.response.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.socialcare.commons.problem.Validator;
import io.socialcare.response.CaseMention;
import io.socialcare.response.CaseProjection;

/**
 * Fills a template's placeholders: {@code {{customer.name}}}, {@code {{customer.handle}}}, {@code {{case.id}}},
 * {@code {{brand}}} from the case, and any other {@code {{name}}} from the request's {@code variables}.
 */
public final class TemplateRenderer {

    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");
    /** Placeholders filled from the case rather than from variables. */
    public static final Set<String> BUILT_IN = Set.of("customer.name", "customer.handle", "case.id", "brand");

    private TemplateRenderer() {
    }

    /** The placeholders named in a template text, in order of first appearance. */
    public static List<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }

    /**
     * The template text with every placeholder filled; a placeholder with no value is a violation naming
     * {@code variables.<name>}.
     */
    public static String render(String template, Map<String, String> variables, CaseProjection c, CaseMention mention,
            Validator violations) {
        Map<String, String> values = new java.util.HashMap<>();
        String name = firstNonBlank(c.customerName, mention.authorName, mention.authorHandle == null ? null
                : "@" + mention.authorHandle);
        if (name != null) {
            values.put("customer.name", name);
        }
        if (mention.authorHandle != null) {
            values.put("customer.handle", "@" + mention.authorHandle);
        }
        values.put("case.id", c.id);
        values.put("brand", c.brand);
        if (variables != null) {
            values.putAll(variables);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                violations.add("variables." + m.group(1), "is required by the template");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
