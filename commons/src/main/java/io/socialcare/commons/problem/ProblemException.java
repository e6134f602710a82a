package io.socialcare.commons.problem;

import java.util.List;

/**
 * Thrown where a request cannot be served; {@link ProblemMappers} turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(400, "Invalid request", describe(violations), violations);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), violations.isEmpty() ? null : violations);
    }

    private static String describe(List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(v.field()).append(": ").append(v.message());
        }
        return sb.toString();
    }
}
