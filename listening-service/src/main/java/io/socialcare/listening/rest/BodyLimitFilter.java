package io.socialcare.listening.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} (1 MiB) with a problem+json 413, as the contract
 * asks, before the body is read: a declared Content-Length over the limit is refused at once, and a failure with
 * status 413 raised while reading a chunked body is turned into the same problem document.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long limit;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private void checkLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    tooLarge(ctx);
                    return;
                }
            } catch (NumberFormatException e) {
                // malformed lengths are Vert.x's to refuse
            }
        }
        ctx.next();
    }

    private void tooLarge(RoutingContext ctx) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", "Payload Too Large")
                .put("status", 413)
                .put("detail", "The request body is larger than " + limit + " bytes");
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.encode());
    }
}
