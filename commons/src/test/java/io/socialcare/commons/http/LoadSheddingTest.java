package io.socialcare.commons.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bound on work in progress, on a real Vert.x HTTP server: requests beyond it are refused at once with 503
 * problem+json and Retry-After, the ones admitted are answered normally, and the count goes back to zero once they
 * end — also when the client hangs up first.
 */
class LoadSheddingTest {

    private Vertx vertx;
    private HttpServer server;
    private HttpLimits limits;
    /** Requests the slow endpoint holds until the test lets them go. */
    private final List<RoutingContext> held = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String base;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        limits = new HttpLimits(rateLimitOff(), shedding(3, 10_000));
        Router router = Router.router(vertx);
        limits.install(router);
        router.route("/api/slow").handler(held::add);
        router.route("/api/fast").handler(ctx -> ctx.response().end("ok"));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void refusesBeyondTheBoundAndAdmitsAgainOnceWorkEnds() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slow.add(send("/api/slow", ""));
        }
        awaitHeld(3);
        assertEquals(3, limits.inFlight());

        HttpResponse<String> refused = send("/api/fast", "").get(10, TimeUnit.SECONDS);
        assertEquals(503, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
        assertTrue(refused.body().contains("\"status\":503"), refused.body());
        assertEquals(1, limits.shed());
        assertEquals(3, limits.inFlight(), "a refused request is not counted in");

        release();
        for (CompletableFuture<HttpResponse<String>> answer : slow) {
            assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
        }
        awaitInFlight(0);
        assertEquals(200, send("/api/fast", "").get(10, TimeUnit.SECONDS).statusCode());
        awaitInFlight(0);
    }

    @Test
    void boundsTheDeclaredBodiesInProgress() throws Exception {
        String body = "x".repeat(6_000);
        CompletableFuture<HttpResponse<String>> first = send("/api/slow", body);
        awaitHeld(1);
        // 6,000 + 6,000 bytes would exceed 10,000: refused while the first is in progress
        assertEquals(503, send("/api/fast", body).get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, send("/api/fast", "y".repeat(3_000)).get(10, TimeUnit.SECONDS).statusCode());
        release();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        awaitInFlight(0);
        assertEquals(200, send("/api/fast", body).get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void aClientThatHangsUpIsCountedOut() throws Exception {
        CompletableFuture<HttpResponse<String>> gone = send("/api/slow", "");
        awaitHeld(1);
        assertEquals(1, limits.inFlight());
        gone.cancel(true); // the HTTP client does not close the connection on cancel: close it from the server side
        held.get(0).request().connection().close();
        awaitInFlight(0);
    }

    private CompletableFuture<HttpResponse<String>> send(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private void release() {
        for (RoutingContext ctx : held) {
            vertx.runOnContext(v -> ctx.response().end("done"));
        }
        held.clear();
    }

    private void awaitHeld(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (held.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, held.size(), "requests held by the slow endpoint");
    }

    private void awaitInFlight(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limits.inFlight() != count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, limits.inFlight(), "requests counted in progress");
    }

    private static RateLimitConfig rateLimitOff() {
        return new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public double requestsPerSecond() {
                return 1;
            }

            @Override
            public int burst() {
                return 1;
            }

            @Override
            public int maxClients() {
                return 10;
            }
        };
    }

    private static LoadSheddingConfig shedding(int maxRequests, long maxBytes) {
        return new LoadSheddingConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public int maxRequests() {
                return maxRequests;
            }

            @Override
            public MemorySize maxBodyBytes() {
                return new MemorySize(java.math.BigInteger.valueOf(maxBytes));
            }

            @Override
            public int retryAfterSeconds() {
                return 1;
            }
        };
    }
}
