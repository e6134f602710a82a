package io.socialcare.listening.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.socialcare.commons.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * quarkus-rest-jackson ships its own mapper for {@link MismatchedInputException} (a JSON object where a string
 * is expected, {@code {"$gt": ""}}) that answers plain JSON and wins over commons' mapper for
 * {@code JsonProcessingException}; this more specific mapper turns it into the problem+json 400 naming the field,
 * like every other error.
 */
public class JsonInputMapper {

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = pathOf(e.getPath());
        ProblemException problem = ProblemException.invalid(field, "has the wrong type or shape");
        return Response.status(400).type("application/problem+json").entity(problem.toProblem()).build();
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
