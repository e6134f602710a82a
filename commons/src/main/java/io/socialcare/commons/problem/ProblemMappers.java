package io.socialcare.commons.problem;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become {@code application/problem+json} (RFC 9457). No stack trace ever leaves
 * the service; an unexpected error is logged and answered as a 500 without detail.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Violation(fieldOf(v.getPropertyPath().toString()), v.getMessage()));
        }
        return respond(ProblemException.invalid(violations).toProblem());
    }

    /**
     * quarkus-rest-jackson maps {@link MismatchedInputException} itself, and the most specific mapper wins: this one
     * keeps a wrong type or shape (an object where a string belongs, {@code {"$gt": ""}}) a problem naming the field.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = "body";
        String message = "is not valid JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = pathOf(mapping.getPath());
            message = "has the wrong type or shape";
        }
        return respond(ProblemException.invalid(field, message).toProblem());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(new Problem("about:blank", "Unauthorized", 401, "A valid bearer token is required", null),
                "Bearer");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(new Problem("about:blank", "Unauthorized", 401, "A valid bearer token is required", null),
                "Bearer");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem("about:blank", "Forbidden", 403, "The token lacks the role this operation needs",
                null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "Request failed with %d", status);
            return respond(internalError());
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "Error" : info.getReasonPhrase();
        return respond(new Problem("about:blank", title, status, e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (e instanceof IllegalArgumentException) {
            return respond(new Problem("about:blank", "Invalid request", 400, e.getMessage(), null));
        }
        Log.errorf(e, "Unexpected error");
        return respond(internalError());
    }

    private static Problem internalError() {
        return new Problem("about:blank", "Internal Server Error", 500, "An unexpected error occurred", null);
    }

    static Response respond(Problem problem) {
        return respond(problem, null);
    }

    static Response respond(Problem problem, String authenticate) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (authenticate != null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, authenticate);
        }
        return builder.build();
    }

    /** {@code ingest.request.author.handle} (method, parameter, then bean path) becomes {@code author.handle}. */
    static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }

    static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
