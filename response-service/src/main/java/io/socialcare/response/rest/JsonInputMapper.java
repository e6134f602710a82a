package io.socialcare.response.rest;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.socialcare.commons.problem.Problem;
import io.socialcare.commons.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A JSON value of the wrong shape ({@code {"text": {"$gt": ""}}}) as a problem naming the field. Quarkus REST has
 * a built-in mapper for {@link MismatchedInputException} that is more specific than the commons mapper for
 * {@code JsonProcessingException} and answers plain JSON; this one, in the same problem format, wins over it.
 */
public class JsonInputMapper {

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        String field = path(e.getPath());
        Problem problem = ProblemException.invalid(field, "body".equals(field) ? "is not valid JSON"
                : "has the wrong type or shape").toProblem();
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static String path(List<JsonMappingException.Reference> path) {
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
