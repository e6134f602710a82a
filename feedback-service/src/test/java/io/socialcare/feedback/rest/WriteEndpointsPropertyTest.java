package io.socialcare.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.socialcare.feedback.Api;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.Seeds;
import io.socialcare.feedback.ThemeStatus;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.MongoStore;
import io.socialcare.feedback.repository.ThemeRepository;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * Random and hostile input against every endpoint that writes ({@code PATCH /api/v1/themes/{id}} and
 * {@code POST /api/v1/themes/{id}/merge}): random JSON trees, wrong types, nulls, operator-shaped values such as
 * {@code {"$gt": ""}}, huge, unicode and control-character strings, invalid JSON, deep nesting, wrong content types
 * and unknown ids, mixed with valid requests. Whatever comes, the answer is a 2xx or a 4xx (never a 5xx); every 4xx
 * is {@code application/problem+json} without a stack trace; a 4xx leaves the documents it aimed at exactly as they
 * were; and some requests succeed while others are refused (the samples are not vacuous).
 *
 * <p>jqwik's generators run inside plain JUnit tests (its {@code @Property} lifecycle does not get Quarkus
 * injection), from a fixed seed printed at the start; {@code -Dproperties.seed=...} replays another one and
 * {@code -Dproperties.samples=...} changes the number of requests per endpoint.</p>
 */
@QuarkusTest
class WriteEndpointsPropertyTest {

    private static final long SEED = Long.getLong("properties.seed", 20261122L);
    private static final int SAMPLES = Integer.getInteger("properties.samples", 120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    ThemeRepository themes;

    @Inject
    ContributionRepository contributions;

    @Inject
    MongoStore store;

    /** One request: its content type ("none": no header), its body (raw text), what its path names. */
    record Attempt(String contentType, String body, Target target, String unknownId) {
    }

    /** Which theme the path names, and for a merge which one the body's valid "into" names. */
    enum Target {
        EXISTING, UNKNOWN, OTHER_BRAND, MERGED
    }

    @Test
    void patchAnswersEveryInputWithA2xxOrAProblemAndWritesNothingOnA4xx() {
        String brand = Mentions.uniqueBrand("pbt-patch");
        String otherBrand = Mentions.uniqueBrand("pbt-patch-other");
        String theme = Seeds.theme(themes, contributions, brand, "Leche de almendras", List.of("almond", "milk"), "ana");
        String foreign = Seeds.theme(themes, contributions, otherBrand, "Pan", List.of("bread"), "bea");
        String merged = mergedTheme(brand);

        Arbitrary<String> bodies = Arbitraries.frequencyOf(
                Tuple.of(4, validStatusChanges()),
                Tuple.of(3, objectWith("status", hostileValues())),
                Tuple.of(2, hostileValues().map(v -> "{\"status\":\"planned\",\"note\":" + v + "}")),
                Tuple.of(2, jsonTrees().map(WriteEndpointsPropertyTest::write)),
                Tuple.of(1, invalidJson()));
        Outcomes outcomes = run("PATCH", bodies, attempt -> switch (attempt.target()) {
            case EXISTING -> theme;
            case UNKNOWN -> attempt.unknownId();
            case OTHER_BRAND -> foreign;
            case MERGED -> merged;
        }, id -> List.of(id), Api.pm(brand), (attempt, id) -> "/api/v1/themes/" + encode(id), SEED);
        outcomes.assertNotVacuous();
    }

    @Test
    void mergeAnswersEveryInputWithA2xxOrAProblemAndWritesNothingOnA4xx() {
        String brand = Mentions.uniqueBrand("pbt-merge");
        String otherBrand = Mentions.uniqueBrand("pbt-merge-other");
        String foreign = Seeds.theme(themes, contributions, otherBrand, "Pan", List.of("bread"), "bea");
        String merged = mergedTheme(brand);
        // a fresh pair of themes for every request, since a successful merge closes its source
        List<String[]> pairs = new ArrayList<>();

        Arbitrary<String> intoValues = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just("\"@target\"")),
                Tuple.of(1, Arbitraries.just("\"@source\"")),
                Tuple.of(1, Arbitraries.just("\"" + foreign + "\"")),
                Tuple.of(1, Arbitraries.just("\"" + merged + "\"")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(120).map(WriteEndpointsPropertyTest::quote)),
                Tuple.of(3, hostileValues()));
        Arbitrary<String> bodies = Arbitraries.frequencyOf(
                Tuple.of(6, intoValues.map(v -> "{\"into\":" + v + "}")),
                Tuple.of(2, jsonTrees().map(WriteEndpointsPropertyTest::write)),
                Tuple.of(1, invalidJson()));
        Outcomes outcomes = run("POST", bodies, attempt -> {
            String[] pair = {
                Seeds.theme(themes, contributions, brand, "Abrir los domingos", List.of("open", "sunday"), "carla"),
                Seeds.theme(themes, contributions, brand, "Domingos abiertos", List.of("open", "sunday"), "dani"),
            };
            pairs.add(pair);
            return switch (attempt.target()) {
                case EXISTING -> pair[0];
                case UNKNOWN -> attempt.unknownId();
                case OTHER_BRAND -> foreign;
                case MERGED -> merged;
            };
        }, id -> pairs.isEmpty() ? List.of(id) : List.of(id, pairs.get(pairs.size() - 1)[1]), Api.pm(brand),
                (attempt, id) -> "/api/v1/themes/" + encode(id) + "/merge", SEED + 1);
        outcomes.assertNotVacuous();
    }

    /** What a run saw: successes and refusals by status. */
    static final class Outcomes {
        final String endpoint;
        final Map<Integer, Integer> byStatus = new TreeMap<>();

        Outcomes(String endpoint) {
            this.endpoint = endpoint;
        }

        void assertNotVacuous() {
            int ok = byStatus.entrySet().stream().filter(e -> e.getKey() < 300).mapToInt(Map.Entry::getValue).sum();
            int refused = byStatus.entrySet().stream().filter(e -> e.getKey() >= 400).mapToInt(Map.Entry::getValue).sum();
            System.out.println(endpoint + " outcomes by status: " + byStatus);
            assertTrue(ok >= 5, endpoint + ": too few requests succeeded: " + byStatus);
            assertTrue(refused >= 20, endpoint + ": too few requests were refused: " + byStatus);
            assertTrue(byStatus.keySet().stream().filter(s -> s >= 400).count() >= 3,
                    endpoint + ": expected several kinds of refusal: " + byStatus);
        }
    }

    @FunctionalInterface
    interface PathOf {
        String path(Attempt attempt, String id);
    }

    private Outcomes run(String method, Arbitrary<String> bodies, Function<Attempt, String> idOf,
            Function<String, List<String>> affected, String token, PathOf pathOf, long seed) {
        System.out.println(method + " property run: seed " + seed + ", " + SAMPLES + " samples"
                + " (replay with -Dproperties.seed=" + SEED + ")");
        // jqwik's sample streams draw from this thread's source of randomness: fixed, so every run is the same
        SourceOfRandomness.create(Long.toString(seed));
        Arbitrary<Attempt> attempts = Combinators.combine(contentTypes(), bodies,
                Arbitraries.frequency(Tuple.of(8, Target.EXISTING), Tuple.of(1, Target.UNKNOWN),
                        Tuple.of(1, Target.OTHER_BRAND), Tuple.of(1, Target.MERGED)), unknownIds())
                .as(Attempt::new);
        Outcomes outcomes = new Outcomes(method);
        List<String> failures = new ArrayList<>();
        attempts.sampleStream().limit(SAMPLES).forEach(attempt -> {
            String id = idOf.apply(attempt);
            List<String> ids = affected.apply(id);
            String body = attempt.body().replace("@target", ids.size() > 1 ? ids.get(1) : id).replace("@source", id);
            Map<String, Object> before = snapshot(ids);
            Answer response = send(method, pathOf.path(attempt, id), token, attempt.contentType(), body);
            int status = response.status();
            outcomes.byStatus.merge(status, 1, Integer::sum);
            String what = method + " " + attempt.target() + " " + attempt.contentType() + " " + abbreviate(body);
            if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
                failures.add(what + " -> " + status + " " + abbreviate(response.body()));
                return;
            }
            if (status >= 400) {
                String type = response.contentType();
                String text = response.body();
                if (type == null || !type.startsWith("application/problem+json")) {
                    failures.add(what + " -> " + status + " as " + type);
                } else if (!(response.problemStatus() instanceof Integer problem) || problem != status) {
                    failures.add(what + " -> " + status + " with problem status " + response.problemStatus());
                }
                if (text.contains("\tat ") || text.contains("Exception") || text.contains("io.socialcare.")) {
                    failures.add(what + " -> " + status + " leaks internals: " + abbreviate(text));
                }
                if (!before.equals(snapshot(ids))) {
                    failures.add(what + " -> " + status + " but the documents changed");
                }
            }
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " bad answers (seed " + seed + "):\n" + String.join("\n", failures));
        }
        return outcomes;
    }

    /** What came back. */
    record Answer(int status, String contentType, String body) {
        Object problemStatus() {
            try {
                return JSON.readTree(body).path("status").numberValue();
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

    /** Sends the bytes as they are (no client-side encoding or added charset), with or without a content type. */
    private static Answer send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        if (!"none".equals(contentType)) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The documents a request may touch: the themes, their contributions and their customer pairs. */
    private Map<String, Object> snapshot(List<String> themeIds) {
        Map<String, Object> documents = new LinkedHashMap<>();
        for (String id : themeIds) {
            documents.put("theme " + id, one(MongoStore.THEMES, Filters.eq("_id", id)));
            documents.put("contributions " + id, store.collection(MongoStore.CONTRIBUTIONS)
                    .find(Filters.eq("themeId", id)).collect().asList().await().indefinitely());
            documents.put("customers " + id, store.collection(MongoStore.THEME_CUSTOMERS)
                    .find(Filters.eq("themeId", id)).collect().asList().await().indefinitely());
        }
        return documents;
    }

    private Document one(String collection, Bson filter) {
        return store.collection(collection).find(filter).toUni().await().indefinitely();
    }

    private String mergedTheme(String brand) {
        String source = Seeds.theme(themes, contributions, brand, "Vasos reutilizables", List.of("cup", "reusable"), "eva");
        String target = Seeds.theme(themes, contributions, brand, "Vaso propio", List.of("cup", "own"), "fer");
        given().auth().oauth2(Api.pm(brand)).contentType("application/json").body("{\"into\":\"" + target + "\"}")
                .post("/api/v1/themes/" + source + "/merge").then().statusCode(200);
        return source;
    }

    // ------------------------------------------------------------------ generators

    private static Arbitrary<String> contentTypes() {
        return Arbitraries.frequency(
                Tuple.of(12, "application/json"),
                Tuple.of(2, "application/json; charset=UTF-8"),
                Tuple.of(1, "text/plain"),
                Tuple.of(1, "application/xml"),
                Tuple.of(1, "application/x-www-form-urlencoded"),
                Tuple.of(1, "application/merge-patch+json"),
                Tuple.of(1, "none"));
    }

    private static Arbitrary<String> validStatusChanges() {
        Arbitrary<String> status = Arbitraries.of(ThemeStatus.ALL);
        Arbitrary<String> note = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), unicodeStrings())
                .injectNull(0.3);
        return Combinators.combine(status, note).as((s, n) -> n == null ? "{\"status\":\"" + s + "\"}"
                : "{\"status\":\"" + s + "\",\"note\":" + quote(n) + "}");
    }

    /** {"field": value} with a value of any shape, as raw JSON text. */
    private static Arbitrary<String> objectWith(String field, Arbitrary<String> values) {
        return values.map(v -> "{\"" + field + "\":" + v + "}");
    }

    /** Values of the wrong type or shape, as raw JSON text. */
    private static Arbitrary<String> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1e309", "3.14", "[]", "{}", "\"\"", "\"   \"",
                        "[\"shipped\"]", "{\"$gt\": \"\"}", "{\"$ne\": null}", "{\"$where\": \"sleep(1000)\"}",
                        "{\"$regex\": \".*\"}", "\"shipped\\u0000\"", "\"SHIPPED\"", "\"new \"", "\"$gt\"",
                        "\"theme.shipped\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\""),
                unicodeStrings().map(WriteEndpointsPropertyTest::quote),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(40)
                        .map(WriteEndpointsPropertyTest::quote),
                Arbitraries.integers().between(1000, 300_000).map(n -> quote("x".repeat(n))),
                Arbitraries.integers().between(1_050_000, 1_200_000).map(n -> quote("é".repeat(n / 2))),
                Arbitraries.integers().between(10, 2000).map(WriteEndpointsPropertyTest::deepArray),
                jsonTrees().map(WriteEndpointsPropertyTest::write));
    }

    /** Any UTF-16 characters (accents, emoji halves, control characters, right-to-left marks...). */
    private static Arbitrary<String> unicodeStrings() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    /** Ids no theme has, some of them shaped like paths, operators or odd text. */
    private static Arbitrary<String> unknownIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(40)
                        .map(s -> "no-such-" + s),
                Arbitraries.of("..", "$gt", "{\"$ne\":null}", "ä€😀", " ", "null", "%00", "a;b", "x".repeat(400)));
    }

    /** Random JSON trees: objects, arrays, strings, numbers, booleans and nulls, a few levels deep. */
    private static Arbitrary<Object> jsonTrees() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                () -> Arbitraries.integers().map(i -> (Object) i),
                () -> Arbitraries.doubles().map(d -> (Object) d),
                () -> Arbitraries.of(true, false).map(b -> (Object) b),
                () -> Arbitraries.of(ThemeStatus.ALL).map(s -> (Object) s),
                () -> jsonTrees().list().ofMaxSize(4).map(l -> (Object) l),
                () -> Combinators.combine(Arbitraries.of("status", "note", "into", "$set", "_id", "brand", "id",
                                "mergedInto", "x"), jsonTrees())
                        .as((k, v) -> (Map.Entry<String, Object>) new AbstractMap.SimpleEntry<>(k, v))
                        .list().ofMaxSize(4).map(entries -> {
                            Map<String, Object> map = new LinkedHashMap<>();
                            entries.forEach(e -> map.put(e.getKey(), e.getValue()));
                            return (Object) map;
                        }))
                .injectNull(0.1);
    }

    private static Arbitrary<String> invalidJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "{", "}", "{\"status\":", "{\"status\":\"planned\"", "nul", "{'status':'planned'}",
                        "{\"status\":\"planned\"}}", "{\"status\":\"planned\"} trailing", "status=planned",
                        "<theme><status>planned</status></theme>", "\u0000", "\uFEFF{\"status\":\"planned\"}",
                        "{\"status\":\"planned\",}", "[1,2", "{\"into\":\"a\" \"b\"}"),
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.integers().between(100, 5000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
    }

    private static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return write(s);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s == null ? null : s.length() > 160 ? s.substring(0, 160) + "...(" + s.length() + " chars)" : s;
    }
}
