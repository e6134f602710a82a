package io.socialcare.routing.rest;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.socialcare.commons.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST ships its own mapper for {@link MismatchedInputException} (plain JSON, no field), which is more
 * specific than the commons mapper for {@code JsonProcessingException}; this one hands it back to commons so that
 * {"$gt": ""} where a string is expected is a problem+json 400 naming the field.
 */
public class JsonProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return problems.unreadableJson(e);
    }
}
