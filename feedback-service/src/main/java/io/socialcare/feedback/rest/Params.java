package io.socialcare.feedback.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.socialcare.commons.problem.Validator;

/**
 * Query parameters read as strings and validated here, so that a bad value is a 400 naming it (a typed
 * parameter that cannot be converted would otherwise be a 404).
 */
final class Params {

    private Params() {
    }

    static Instant instant(Validator v, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            v.add(name, "must be an ISO-8601 UTC time such as 2026-11-20T10:15:30Z");
            return null;
        }
    }

    static Integer integer(Validator v, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            v.add(name, "must be a whole number");
            return null;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
