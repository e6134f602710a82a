package io.socialcare.response.rest;

import java.util.List;

import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;

/**
 * Checks of input that JSON and HTTP accept but PostgreSQL cannot store or compare: the NUL character (refused by
 * {@code text} columns and parameters) and unpaired UTF-16 surrogates (not Unicode; they would be stored as another
 * character). Caught here they are a 400 naming the field, or a 404 for an id in the path, instead of a database
 * error.
 */
final class Inputs {

    private Inputs() {
    }

    /** True when {@code value} can be stored and compared as it is. */
    static boolean storable(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Adds a violation for {@code field} when its value cannot be stored. */
    static void storable(Validator v, String field, String value) {
        if (!storable(value)) {
            v.add(field, "contains a NUL character or an unpaired surrogate");
        }
    }

    /** The decoded parts of a cursor, which came from the client: one that cannot be stored is not ours. */
    static List<String> cursor(List<String> parts) {
        if (parts != null && !parts.stream().allMatch(Inputs::storable)) {
            throw ProblemException.invalid("cursor", "is not a cursor this list returned");
        }
        return parts;
    }

    /** An id from the path: one that cannot be stored names nothing here, so it is a 404. */
    static String pathId(String id, String what) {
        if (!storable(id)) {
            throw ProblemException.notFound("No " + what + " with that id");
        }
        return id;
    }
}
