package io.socialcare.routing.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.routing.service.Caller;

/** Validation shared by the resources. */
final class Requests {

    static final List<String> INTENTS = List.of("complaint", "question", "suggestion", "praise", "other");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private Requests() {
    }

    static Caller caller(CallerScope scope) {
        return new Caller(scope.name(), scope.hasRole(Roles.SUPERVISOR) || scope.isAdmin(), scope.isAdmin(),
                scope.brands());
    }

    /** A client-chosen id (departments, agents, brands): letters, digits, '.', '_', ':', '-'; 1–100 chars. */
    static void id(Validator v, String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            v.add(field, "must be 1-100 letters, digits, '.', '_', ':' or '-'");
        }
    }

    static void languages(Validator v, String field, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String l = values.get(i);
            if (l == null || !LANGUAGE.matcher(l).matches()) {
                v.add(field + "[" + i + "]", "must be an ISO 639-1 language code like 'es'");
            }
        }
    }

    static void texts(Validator v, String field, List<String> values, int max) {
        if (values == null) {
            return;
        }
        if (values.size() > 100) {
            v.add(field, "must have at most 100 items");
        }
        for (int i = 0; i < values.size(); i++) {
            text(v, field + "[" + i + "]", values.get(i), 1, max);
        }
    }

    /** Required text of {@code min}..{@code max} characters that the store can hold (no NUL character). */
    static boolean text(Validator v, String field, String value, int min, int max) {
        return v.text(field, value, min, max) && storable(v, field, value);
    }

    /** Optional text of at most {@code max} characters that the store can hold (no NUL character). */
    static boolean optionalText(Validator v, String field, String value, int max) {
        return v.optionalText(field, value, max) && storable(v, field, value);
    }

    /** PostgreSQL text cannot hold the NUL character: such a value is refused naming the field, not a 500. */
    static boolean storable(Validator v, String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            v.add(field, "must not contain the NUL character");
            return false;
        }
        return true;
    }

    static void intents(Validator v, String field, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                v.add(field + "[" + i + "]", "must not be null");
            } else {
                v.oneOf(field + "[" + i + "]", values.get(i), INTENTS);
            }
        }
    }

    /** A path id that is not a UUID names no object: 404. */
    static UUID uuidOr404(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No " + what + " " + value);
        }
    }

    static UUID uuidParam(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    static Instant instantParam(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 UTC time like 2026-11-20T10:15:30Z");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
