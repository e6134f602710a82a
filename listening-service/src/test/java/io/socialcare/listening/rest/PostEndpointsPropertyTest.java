package io.socialcare.listening.rest;

import static io.socialcare.listening.Fixtures.admin;
import static io.socialcare.listening.Fixtures.brand;
import static io.socialcare.listening.Fixtures.partner;
import static io.socialcare.listening.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socialcare.listening.rest.HostilePayloads.Body;
import io.socialcare.listening.rest.HostilePayloads.FeedDocument;
import io.socialcare.testing.Tokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every POST and PUT endpoint of the service against random and hostile requests drawn from jqwik arbitraries
 * ({@link HostilePayloads}) inside a {@link JqwikSession} (the Quarkus test's injection does not reach jqwik's own
 * {@code @Property} lifecycle), with a {@link Random} of a fixed seed, printed at the start (rerun one with
 * {@code -Dlistening.property.seed=<seed>}). For every sample: the answer is 2xx or 4xx, never 5xx; a 4xx is
 * {@code application/problem+json} with its status and no stack trace, and changed no stored document; a 2xx wrote
 * exactly what it reports (one mention per {@code accepted}). Each endpoint must both accept and reject some of its
 * samples, so the test cannot pass on generators that never reach the service's logic.
 */
@QuarkusTest
class PostEndpointsPropertyTest {

    private static final long SEED = Long.getLong("listening.property.seed", 20261122L);
    private static final String META_SECRET = "test-meta-app-secret";
    private static final String X_SECRET = "test-x-consumer-secret";
    /** Collections a rejected request must leave as they were. */
    private static final List<String> STORED = List.of("mentions", "brands", "feeds", "alerts", "crises");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI base;

    @Inject
    ReactiveMongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    private Random random;
    private String run;
    private final Map<String, Integer> tally = new TreeMap<>();

    /** What a 2xx answer must have written: mentions added (by the answer's own account). */
    private interface Written extends Function<HttpResponse<String>, Long> {
    }

    @BeforeEach
    void seed(org.junit.jupiter.api.TestInfo info) {
        long seed = SEED ^ info.getDisplayName().hashCode();
        System.out.printf("%s: seed %d (rerun with -Dlistening.property.seed=%d)%n", info.getDisplayName(), seed,
                SEED);
        random = new Random(seed);
        run = unique("p");
        tally.clear();
        // arbitraries need a jqwik session outside jqwik's own property lifecycle
        JqwikSession.start(Long.toString(seed));
    }

    @AfterEach
    void report(org.junit.jupiter.api.TestInfo info) {
        JqwikSession.finish();
        System.out.printf("%s: answers %s%n", info.getDisplayName(), tally);
    }

    // ---------------------------------------------------------------------------------------- endpoints

    @Test
    void captureOneMention() throws Exception {
        String brand = brand("fibra");
        String other = brand();
        Arbitrary<Body> bodies = HostilePayloads.bodies(HostilePayloads.validMentions(brand, run),
                HostilePayloads.MENTION_FIELDS);
        Arbitrary<String> tokens = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(partner(brand))),
                Tuple.of(1, Arbitraries.just(admin())), Tuple.of(1, Arbitraries.just(partner(other))));
        for (int i = 0; i < 200; i++) {
            Body body = HostilePayloads.draw(bodies, random);
            String token = HostilePayloads.draw(tokens, random);
            sample("POST /api/v1/mentions", i, body, token, "/api/v1/mentions", "POST", r -> {
                if (r.statusCode() == 202) {
                    assertTrue(r.headers().firstValue("Location").orElse("").contains("/api/v1/mentions/"),
                            r::toString);
                    return 1L;
                }
                assertEquals(200, r.statusCode(), r::body);
                assertEquals("duplicate", json(r).path("status").asText(), r::body);
                return 0L;
            });
        }
        assertReachedBothSides();
    }

    @Test
    void captureABatch() throws Exception {
        String brand = brand("fibra");
        Arbitrary<Body> bodies = HostilePayloads.bodies(HostilePayloads.validBatches(brand, run),
                List.of("mentions"));
        String token = partner(brand);
        int[] itemStatuses = new int[3];
        for (int i = 0; i < 80; i++) {
            Body body = HostilePayloads.draw(bodies, random);
            sample("POST /api/v1/mentions/batch", i, body, token, "/api/v1/mentions/batch", "POST", r -> {
                assertEquals(200, r.statusCode(), r::body);
                JsonNode sent = parseOrNull(body.bytes());
                JsonNode results = json(r).path("results");
                assertNotNull(sent, "a batch that is not JSON was answered 200");
                assertEquals(sent.path("mentions").size(), results.size(), r::body);
                long accepted = 0;
                for (int k = 0; k < results.size(); k++) {
                    JsonNode result = results.get(k);
                    assertEquals(k, result.path("index").asInt(), r::body);
                    switch (result.path("status").asText()) {
                        case "accepted" -> {
                            accepted++;
                            itemStatuses[0]++;
                            assertFalse(result.path("id").asText().isEmpty(), r::body);
                        }
                        case "duplicate" -> {
                            itemStatuses[1]++;
                            assertFalse(result.path("id").asText().isEmpty(), r::body);
                        }
                        case "rejected" -> {
                            itemStatuses[2]++;
                            int status = result.path("problem").path("status").asInt();
                            assertTrue(status >= 400 && status < 500, r::body);
                        }
                        default -> fail("unknown item status in " + r.body());
                    }
                }
                return accepted;
            });
        }
        assertReachedBothSides();
        System.out.printf("batch items: %d accepted, %d duplicate, %d rejected%n", itemStatuses[0], itemStatuses[1],
                itemStatuses[2]);
        assertTrue(itemStatuses[0] > 0 && itemStatuses[1] > 0 && itemStatuses[2] > 0,
                "items must be accepted, duplicate and rejected in some batches");
    }

    @Test
    void analyseAText() throws Exception {
        Arbitrary<Body> bodies = HostilePayloads.bodies(HostilePayloads.validAnalysisRequests(),
                List.of("text", "lang"));
        Arbitrary<String> tokens = Arbitraries.of(Tokens.token("agent-1", "agent"), admin(),
                Tokens.token("pm", "product-manager"));
        for (int i = 0; i < 150; i++) {
            Body body = HostilePayloads.draw(bodies, random);
            sample("POST /api/v1/analysis", i, body, HostilePayloads.draw(tokens, random), "/api/v1/analysis", "POST",
                    r -> {
                        JsonNode analysis = json(r);
                        assertTrue(List.of("negative", "neutral", "positive")
                                .contains(analysis.path("sentiment").path("label").asText()), r::body);
                        assertTrue(analysis.path("topics").isArray(), r::body);
                        return 0L;
                    });
        }
        assertReachedBothSides();
    }

    @Test
    void putABrand() throws Exception {
        Arbitrary<Body> bodies = HostilePayloads.bodies(HostilePayloads.validBrands(),
                List.of("name", "keywords", "handles"));
        Arbitrary<String> ids = HostilePayloads.ids();
        Arbitrary<String> tokens = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(admin())),
                Tuple.of(1, Arbitraries.just(partner("acme"))));
        for (int i = 0; i < 150; i++) {
            Body body = HostilePayloads.draw(bodies, random);
            String id = HostilePayloads.draw(ids, random);
            sample("PUT /api/v1/brands/{id}", i, body, HostilePayloads.draw(tokens, random),
                    "/api/v1/brands/" + segment(id), "PUT", r -> {
                        assertEquals(200, r.statusCode(), r::body);
                        assertEquals(id, json(r).path("id").asText(), r::body);
                        return 0L;
                    });
        }
        assertReachedBothSides();
    }

    @Test
    void putAFeed() throws Exception {
        String brand = brand();
        int closedPort = closedPort();
        Arbitrary<Body> bodies = HostilePayloads.bodies(HostilePayloads.validFeeds(brand, closedPort),
                List.of("brand", "url"));
        Arbitrary<String> ids = HostilePayloads.ids();
        for (int i = 0; i < 150; i++) {
            Body body = HostilePayloads.draw(bodies, random);
            String id = HostilePayloads.draw(ids, random);
            // a valid URL here may only point at this machine: every feed the samples create must be unfetchable
            JsonNode sent = parseOrNull(body.bytes());
            if (sent != null && sent.path("url").isTextual() && sent.path("url").asText().matches("(?i)https?://.*")
                    && !sent.path("url").asText().startsWith("http://127.0.0.1:" + closedPort + "/")) {
                body = Body.json(((com.fasterxml.jackson.databind.node.ObjectNode) sent)
                        .put("url", "http://127.0.0.1:" + closedPort + "/replaced"), body.contentType());
            }
            sample("PUT /api/v1/feeds/{id}", i, body, admin(), "/api/v1/feeds/" + segment(id), "PUT", r -> {
                assertEquals(200, r.statusCode(), r::body);
                assertEquals(id, json(r).path("id").asText(), r::body);
                return 0L;
            });
        }
        assertReachedBothSides();
    }

    @Test
    void pollAFeedServingHostileDocuments() throws Exception {
        String brand = brand("Aurora");
        AtomicReference<FeedDocument> next = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            FeedDocument doc = next.get();
            exchange.getResponseHeaders().add("Content-Type", doc.contentType());
            if (doc.status() == 304 || doc.status() == 301) {
                exchange.sendResponseHeaders(doc.status(), -1);
            } else {
                exchange.sendResponseHeaders(doc.status(), doc.body().length == 0 ? -1 : doc.body().length);
                exchange.getResponseBody().write(doc.body());
            }
            exchange.close();
        });
        server.start();
        try {
            String feed = unique("feed");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            assertEquals(200, send("PUT", "/api/v1/feeds/" + feed, admin(),
                    Body.json(HostilePayloads.parse("{\"brand\":\"" + brand + "\",\"url\":\"" + url + "\"}"),
                            "application/json")).statusCode());
            Arbitrary<FeedDocument> documents = HostilePayloads.feedDocuments(brand, run);
            Arbitrary<String> feeds = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(feed)),
                    Tuple.of(1, HostilePayloads.ids()));
            for (int i = 0; i < 60; i++) {
                FeedDocument doc = HostilePayloads.draw(documents, random);
                next.set(doc);
                String target = HostilePayloads.draw(feeds, random);
                Body none = new Body(new byte[0], null, "served: " + doc.description());
                sample("POST /api/v1/feeds/{id}/poll", i, none, admin(), "/api/v1/feeds/" + segment(target) + "/poll",
                        "POST", r -> {
                            assertEquals(200, r.statusCode(), r::body);
                            return json(r).path("captured").asLong();
                        });
            }
        } finally {
            server.stop(0);
        }
        assertReachedBothSides();
    }

    @Test
    void receiveMetaDeliveries() throws Exception {
        String brand = brand();
        webhook("meta", brand, HostilePayloads.bodies(HostilePayloads.validMetaDeliveries(run),
                HostilePayloads.META_FIELDS), "X-Hub-Signature-256", body -> "sha256=" + hmacHex(META_SECRET, body));
    }

    @Test
    void receiveXDeliveries() throws Exception {
        String brand = brand();
        webhook("x", brand, HostilePayloads.bodies(HostilePayloads.validXDeliveries(run), HostilePayloads.X_FIELDS),
                "x-twitter-webhooks-signature", body -> "sha256=" + hmacBase64(X_SECRET, body));
    }

    private void webhook(String platform, String brand, Arbitrary<Body> bodies, String header,
            Function<byte[], String> sign) throws Exception {
        Arbitrary<String> signatures = Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.just("valid")),
                Tuple.of(1, Arbitraries.just("missing")), Tuple.of(1, Arbitraries.just("of-another-body")),
                Tuple.of(1, HostilePayloads.hostileStrings()));
        Arbitrary<String> brands = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(brand)),
                Tuple.of(1, Arbitraries.of("no-such-brand")));
        for (int i = 0; i < 120; i++) {
            Body body = HostilePayloads.draw(bodies, random);
            String signature = HostilePayloads.draw(signatures, random);
            String value = switch (signature) {
                case "valid" -> sign.apply(body.bytes());
                case "missing" -> null;
                case "of-another-body" -> sign.apply("{}".getBytes(StandardCharsets.UTF_8));
                default -> signature;
            };
            String target = HostilePayloads.draw(brands, random);
            Body described = new Body(body.bytes(), body.contentType(), "signature " + signature + ", "
                    + body.description());
            sample("POST /api/v1/webhooks/" + platform, i, described, null,
                    "/api/v1/webhooks/" + platform + "/" + segment(target), "POST", r -> {
                        assertEquals(200, r.statusCode(), r::body);
                        assertTrue("valid".equals(signature), "a delivery without a valid signature was accepted");
                        long accepted = 0;
                        for (JsonNode result : json(r).path("results")) {
                            if ("accepted".equals(result.path("status").asText())) {
                                accepted++;
                            }
                        }
                        return accepted;
                    }, header, value);
        }
        assertReachedBothSides();
    }

    // ------------------------------------------------------------------------------------------- checks

    private void sample(String endpoint, int index, Body body, String token, String path, String method,
            Written written) throws Exception {
        sample(endpoint, index, body, token, path, method, written, null, null);
    }

    private void sample(String endpoint, int index, Body body, String token, String path, String method,
            Written written, String header, String headerValue) throws Exception {
        Map<String, Long> before = counts();
        HttpResponse<String> r = send(method, path, token, body, header, headerValue);
        Map<String, Long> after = counts();
        int status = r.statusCode();
        tally.merge(status / 100 + "xx " + status, 1, Integer::sum);
        String context = endpoint + " sample " + index + " (seed " + SEED + "): " + method + " " + path + " "
                + body.description()
                + "\n→ " + status + " " + r.body();
        assertTrue(status >= 200 && status < 300 || status >= 400 && status < 500, context);
        if (status >= 400) {
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    context);
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains(".java:"),
                    "stack trace in " + context);
            JsonNode problem = json(r);
            assertEquals(status, problem.path("status").asInt(), context);
            assertFalse(problem.path("title").asText().isEmpty(), context);
            assertEquals(before, after, "a rejected request changed stored documents: " + context);
        } else {
            long mentions;
            try {
                mentions = written.apply(r);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + context, e);
            }
            assertEquals(before.get("mentions") + mentions, after.get("mentions"),
                    "mentions stored are not what the answer reports: " + context);
        }
    }

    private void assertReachedBothSides() {
        boolean success = tally.keySet().stream().anyMatch(k -> k.startsWith("2xx"));
        boolean rejected = tally.keySet().stream().anyMatch(k -> k.startsWith("4xx"));
        assertTrue(success && rejected, "the samples must be both accepted and rejected: " + tally);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String collection : STORED) {
            counts.put(collection, mongo.getDatabase(database).getCollection(collection).countDocuments()
                    .await().atMost(Duration.ofSeconds(10)));
        }
        return counts;
    }

    private HttpResponse<String> send(String method, String path, String token, Body body) throws Exception {
        return send(method, path, token, body, null, null);
    }

    private HttpResponse<String> send(String method, String path, String token, Body body, String header,
            String headerValue) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (body.contentType() != null && !body.contentType().isEmpty()) {
            request.header("Content-Type", body.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (header != null && headerValue != null && headerValue.chars().noneMatch(c -> c < 0x20 || c > 0x7e)) {
            request.header(header, headerValue);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) {
        JsonNode node = parseOrNull(r.body().getBytes(StandardCharsets.UTF_8));
        assertNotNull(node, "not JSON: " + r.body());
        return node;
    }

    private static JsonNode parseOrNull(byte[] bytes) {
        try {
            return HostilePayloads.JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String hmacHex(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, body));
    }

    private static String hmacBase64(String secret, byte[] body) {
        return java.util.Base64.getEncoder().encodeToString(hmac(secret, body));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
