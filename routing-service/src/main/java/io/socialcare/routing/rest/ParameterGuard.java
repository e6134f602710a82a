package io.socialcare.routing.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import io.socialcare.commons.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters reach SQL as text, which PostgreSQL cannot store or compare with a NUL character in it:
 * such a parameter is refused as a 400 naming it, before any endpoint runs, instead of failing as a 500.
 */
public class ParameterGuard {

    @ServerRequestFilter
    public void refuseNul(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(true));
        check(request.getUriInfo().getQueryParameters(true));
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    throw ProblemException.invalid(p.getKey(), "must not contain the NUL character");
                }
            }
        }
    }
}
