package io.socialcare.feedback.rest;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.socialcare.commons.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * quarkus-rest-jackson ships a mapper for {@link MismatchedInputException} (a JSON object where a string is
 * expected, such as {@code {"status": {"$gt": ""}}}) that is more specific than commons' mapper for
 * {@code JsonProcessingException} and answers plain JSON. This one hands the exception to commons'
 * {@link ProblemMappers}, so that it leaves as {@code application/problem+json} naming the field like every other
 * error. (Belongs in commons; kept here until it is there.)
 */
public class MismatchedInputProblem {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return problems.unreadableJson(e);
    }
}
