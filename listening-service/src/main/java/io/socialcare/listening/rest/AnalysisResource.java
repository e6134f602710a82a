package io.socialcare.listening.rest;

import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.contract.MentionEvent.Analysis;
import io.socialcare.listening.analysis.Analyser;
import io.vertx.mutiny.core.Vertx;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The analyser on its own: what the service would conclude about a text; nothing is stored.
 */
@Path("/api/v1/analysis")
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

    private static final Pattern LANG = Pattern.compile("[a-zA-Z]{2}");
    private static final int INLINE_CHARS = 2_000;

    /** Body of {@code POST /api/v1/analysis}. */
    public record AnalysisRequest(String text, String lang) {
    }

    private final Analyser analyser;
    private final Vertx vertx;

    public AnalysisResource(Analyser analyser, Vertx vertx) {
        this.analyser = analyser;
        this.vertx = vertx;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Analyse a text (nothing is stored)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "example", value = ""
                    + "{\"text\":\"Sigo esperando la leche de almendras… ¿para cuándo?\",\"lang\":\"es\"}")))
    @APIResponse(responseCode = "200", description = "The analysis: language, sentiment, intent, urgency, topics")
    @APIResponse(responseCode = "400", description = "Invalid body (the field is named)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Forbidden",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Analysis> analyse(AnalysisRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        Validator v = new Validator();
        v.text("text", body.text(), 1, 10_000);
        if (body.lang() != null && !LANG.matcher(body.lang()).matches()) {
            v.add("lang", "must be an ISO 639-1 code of two letters");
        }
        v.throwIfInvalid();
        if (body.text().length() <= INLINE_CHARS) {
            return Uni.createFrom().item(analyser.analyse(body.text(), body.lang()));
        }
        // a long text is analysed on a worker thread: the event loop stays free for other requests
        return vertx.executeBlocking(() -> analyser.analyse(body.text(), body.lang()), false);
    }
}
