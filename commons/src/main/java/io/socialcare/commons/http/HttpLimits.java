package io.socialcare.commons.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Limits that apply before a request reaches an endpoint, answered as {@code application/problem+json} like every
 * other error: a declared body over {@code quarkus.http.limits.max-body-size} is a 413, and a client over its
 * request rate is a 429 with {@code Retry-After}. Clients are told apart by the token's subject and authorized
 * party ({@code sub}, {@code azp}; read without verification — verification happens at the endpoint, and an
 * invalid token is a 401 there), or by their address when they send no token.
 */
@ApplicationScoped
public class HttpLimits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RateLimitConfig config;
    private final long maxBodyBytes;
    private final Map<String, TokenBucket> buckets;

    public HttpLimits(RateLimitConfig config) {
        this.config = config;
        this.maxBodyBytes = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        int maxClients = config.maxClients();
        this.buckets = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxClients;
            }
        });
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    problem(ctx, 413, "Payload Too Large", "The body is larger than " + maxBodyBytes + " bytes", null);
                    return;
                }
            } catch (NumberFormatException e) {
                problem(ctx, 400, "Bad Request", "Content-Length is not a number", null);
                return;
            }
        }
        if (config.enabled()) {
            long now = System.nanoTime();
            long waitNanos = buckets.computeIfAbsent(clientKey(ctx),
                    k -> new TokenBucket(config.burst(), config.requestsPerSecond(), now)).take(now);
            if (waitNanos > 0) {
                long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
                problem(ctx, 429, "Too Many Requests", "Request rate limit exceeded; retry after " + retryAfter + " s",
                        String.valueOf(retryAfter));
                return;
            }
        }
        ctx.next();
    }

    static String clientKey(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String[] parts = authorization.substring(7).trim().split("\\.");
            if (parts.length == 3) {
                try {
                    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                    return "token:" + claims.path("iss").asText() + "|" + claims.path("sub").asText() + "|"
                            + claims.path("azp").asText();
                } catch (Exception e) {
                    // not a JWT: fall back to the address
                }
            }
        }
        return "address:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress());
    }

    private static void problem(RoutingContext ctx, int status, String title, String detail, String retryAfter) {
        var response = ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\"", "'") + "\"}";
        response.end(new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
