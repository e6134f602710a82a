package io.socialcare.commons.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

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
 * other error: a declared body over {@code quarkus.http.limits.max-body-size} is a 413, a client over its
 * request rate is a 429 with {@code Retry-After}, and a request that would take this replica over the work it
 * takes on at once ({@link LoadSheddingConfig}) is a 503 with {@code Retry-After}. Clients are told apart by the
 * token's subject and authorized party ({@code sub}, {@code azp}; read without verification — verification happens at the endpoint, and an
 * invalid token is a 401 there), or by their address when they send no token.
 */
@ApplicationScoped
public class HttpLimits {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tokens whose client key is remembered at most (the map is emptied when full). */
    private static final int MAX_KNOWN_TOKENS = 10_000;

    private final RateLimitConfig config;
    private final LoadSheddingConfig shedding;
    private final long maxBodyBytes;
    private final long maxInFlightBytes;
    private final Map<String, TokenBucket> buckets;
    /** Client keys of recently seen tokens, by the token's payload: no JSON parsing per request. */
    private final ConcurrentHashMap<String, String> tokenKeys = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final LongAdder shed = new LongAdder();

    public HttpLimits(RateLimitConfig config, LoadSheddingConfig shedding) {
        this.config = config;
        this.shedding = shedding;
        this.maxInFlightBytes = shedding.maxBodyBytes().asLongValue();
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

    /** Requests being handled now (for tests and metrics). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Requests refused with 503 since start. */
    public long shed() {
        return shed.sum();
    }

    void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long bytes = 0;
        if (length != null) {
            try {
                bytes = Long.parseLong(length.trim());
                if (bytes > maxBodyBytes) {
                    problem(ctx, 413, "Payload Too Large", "The body is larger than " + maxBodyBytes + " bytes", null);
                    return;
                }
            } catch (NumberFormatException e) {
                problem(ctx, 400, "Bad Request", "Content-Length is not a number", null);
                return;
            }
        }
        if (shedding.enabled() && !admit(ctx, Math.max(0, bytes))) {
            shed.increment();
            int retryAfter = Math.max(1, shedding.retryAfterSeconds());
            problem(ctx, 503, "Service Unavailable", "This replica is at its limit of work in progress; retry after "
                    + retryAfter + " s", String.valueOf(retryAfter));
            return;
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

    /** Counts the request in, unless it would take the replica over a bound; counted out when its answer ends. */
    private boolean admit(RoutingContext ctx, long bytes) {
        int requests = inFlight.incrementAndGet();
        long body = inFlightBytes.addAndGet(bytes);
        // one request is always admitted, however large: a bound never refuses everything
        if (requests > 1 && (requests > shedding.maxRequests() || body > maxInFlightBytes)) {
            inFlight.decrementAndGet();
            inFlightBytes.addAndGet(-bytes);
            return false;
        }
        AtomicBoolean done = new AtomicBoolean();
        ctx.addEndHandler(ended -> {
            if (done.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
                inFlightBytes.addAndGet(-bytes);
            }
        });
        return true;
    }

    String clientKey(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            int first = token.indexOf('.');
            int second = first < 0 ? -1 : token.indexOf('.', first + 1);
            if (second > first + 1 && token.indexOf('.', second + 1) < 0) {
                String payload = token.substring(first + 1, second);
                String known = tokenKeys.get(payload);
                if (known != null) {
                    return known;
                }
                try {
                    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
                    String key = "token:" + claims.path("iss").asText() + "|" + claims.path("sub").asText() + "|"
                            + claims.path("azp").asText();
                    if (tokenKeys.size() >= MAX_KNOWN_TOKENS) {
                        tokenKeys.clear();
                    }
                    tokenKeys.put(payload, key);
                    return key;
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
