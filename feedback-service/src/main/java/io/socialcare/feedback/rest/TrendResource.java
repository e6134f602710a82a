package io.socialcare.feedback.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.Validator;
import io.socialcare.commons.security.CallerScope;
import io.socialcare.commons.security.Roles;
import io.socialcare.feedback.service.TrendService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mentions per day or week by intent and sentiment, for the caller's brands (or the one asked for).
 */
@Path("/api/v1/trends")
@Tag(name = "Trends")
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {

    /** The answer: the range actually covered and its buckets, oldest first. */
    public record Trends(String brand, String interval, Instant since, Instant until, List<TrendService.Bucket> buckets) {
    }

    private final TrendService service;
    private final CallerScope scope;

    public TrendResource(TrendService service, CallerScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "Mentions per day or week by intent and sentiment, from prepared counters",
            description = "Every bucket of the range, zeros included; default the last 30 days (day) or 12 weeks "
                    + "(week), at most 1000 buckets. Without `brand`, every brand of the caller's scope.")
    @APIResponse(responseCode = "200", description = "The buckets, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example", value = ApiExamples.TRENDS)))
    @RolesAllowed({Roles.PRODUCT_MANAGER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<Trends> trends(@Parameter(description = "A brand of the caller's scope") @QueryParam("brand") String brand,
            @Parameter(description = "day (default) or week") @QueryParam("interval") String interval,
            @Parameter(description = "Start (ISO-8601 UTC)") @QueryParam("since") String since,
            @Parameter(description = "End, excluded (ISO-8601 UTC); default now") @QueryParam("until") String until) {
        Validator v = new Validator();
        String step = Params.blankToNull(interval) == null ? "day" : interval;
        v.oneOf("interval", step, TrendService.INTERVALS);
        Instant from = Params.instant(v, "since", since);
        Instant to = Params.instant(v, "until", until);
        v.throwIfInvalid();
        Instant end = to == null ? Instant.now() : to;
        Instant start = from != null ? from : end.minus("week".equals(step) ? 84 : 30, ChronoUnit.DAYS);
        if (!start.isBefore(end)) {
            v.add("until", "must be after since");
        } else if (TrendService.bucketCount(step, start, end) > TrendService.MAX_BUCKETS) {
            v.add("since", "the range holds more than " + TrendService.MAX_BUCKETS + " intervals");
        }
        v.throwIfInvalid();
        String brandFilter = Params.blankToNull(brand);
        Collection<String> brands;
        if (brandFilter != null) {
            scope.requireBrand(brandFilter);
            brands = List.of(brandFilter);
        } else {
            brands = scope.isAdmin() ? null : Set.copyOf(scope.brands());
        }
        Instant first = TrendService.bucketStart(step, start);
        return service.trends(brands, step, start, end)
                .map(buckets -> new Trends(brandFilter, step, first, end, buckets));
    }
}
