package io.socialcare.commons.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects the violations of one request so that all of them are reported at once, each naming its field.
 */
public final class Validator {

    private final List<Violation> violations = new ArrayList<>();

    public Validator add(String field, String message) {
        violations.add(new Violation(field, message));
        return this;
    }

    /** Required text of {@code min}..{@code max} characters; false (and a violation) when it is not. */
    public boolean text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            if (min > 0) {
                add(field, "must not be blank");
                return false;
            }
            return true;
        }
        if (value.length() < min || value.length() > max) {
            add(field, "length must be between " + min + " and " + max);
            return false;
        }
        return true;
    }

    /** Optional text of at most {@code max} characters. */
    public boolean optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "length must be at most " + max);
            return false;
        }
        return true;
    }

    public boolean required(String field, Object value) {
        if (value == null) {
            add(field, "must not be null");
            return false;
        }
        return true;
    }

    /** Optional value that must be one of {@code allowed} when present. */
    public boolean oneOf(String field, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(field, "must be one of " + String.join(", ", allowed));
            return false;
        }
        return true;
    }

    /** Optional absolute http(s) URL. */
    public boolean httpUrl(String field, String value) {
        if (value == null) {
            return true;
        }
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return true;
            }
        } catch (Exception e) {
            // reported below
        }
        add(field, "must be an absolute http(s) URL");
        return false;
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Throws a 400 problem naming every violated field, if any. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations());
        }
    }
}
