package io.socialcare.commons.problem;

/**
 * One invalid field of a request, named by its JSON path ({@code author.handle}).
 */
public record Violation(String field, String message) {
}
