package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.socialcare.testing.Tokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Properties of every write operation (POST, PUT, PATCH under /api, read from the served OpenAPI document): for
 * random and hostile requests (random JSON trees, wrong types, nulls, operator-shaped values, huge, unicode and
 * control-character strings, invalid JSON, deep nesting, wrong content types, unknown and foreign ids) the service
 * answers 2xx or 4xx, never 5xx; every 4xx is {@code application/problem+json} with its status and no stack trace; a
 * 4xx changes nothing in the store (the affected tables are compared before and after); and each operation both
 * accepts and rejects some of the samples.
 * <p>
 * Values come from jqwik arbitraries sampled programmatically ({@code Arbitrary.sample()}, injection does not reach
 * jqwik's own properties inside a Quarkus test) from a seeded source of randomness, so a failure names the seed and
 * the sample, and
 * {@code -Drouting.properties.seed=...} replays it. {@code -Drouting.properties.samples=...} sets the samples per
 * operation.
 */
@QuarkusTest
class WriteApiPropertiesTest {

    private static final long SEED = Long.getLong("routing.properties.seed", 20261122L);
    private static final int SAMPLES = Integer.getInteger("routing.properties.samples", 70);
    private static final List<String> INTENTS = List.of("complaint", "question", "suggestion", "praise", "other");
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper ESCAPED = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The operations this class covers; a write operation added to the API without a property here fails. */
    private static final Set<String> COVERED = Set.of(
            "PUT /api/v1/departments/{id}",
            "PUT /api/v1/agents/{id}",
            "PUT /api/v1/sla-policies/{brand}",
            "POST /api/v1/cases/{id}/transfers",
            "POST /api/v1/cases/{id}/resolve",
            "POST /api/v1/cases/{id}/waiting-customer");

    // ---- value generators (jqwik arbitraries, drawn with the seeded Random) ----

    private static final Arbitrary<String> UNICODE = Arbitraries.strings()
            .withCharRange('\u0020', '\uD7FF').withCharRange('\uE000', '\uFFFD')
            .ofMinLength(1).ofMaxLength(60);
    private static final Arbitrary<String> ANY_CHARS = Arbitraries.strings().all()
            .ofMinLength(0).ofMaxLength(40);
    private static final Arbitrary<String> ID_CHARS = Arbitraries.strings().alpha().numeric().withChars("._:-")
            .ofMinLength(1).ofMaxLength(30);
    private static final Arbitrary<Integer> SMALL_INTS = Arbitraries.integers().between(-5, 1_100);
    private static final Arbitrary<Long> LONGS = Arbitraries.longs();
    private static final Arbitrary<Double> DOUBLES = Arbitraries.doubles();
    private static final Arbitrary<List<String>> INTENT_LISTS = Arbitraries.of(INTENTS).list().uniqueElements()
            .ofMaxSize(3);
    private static final Arbitrary<List<String>> LANGUAGE_LISTS = Arbitraries.of("es", "en", "pt", "fr-CA")
            .list().uniqueElements().ofMaxSize(3);
    private static final Arbitrary<List<String>> TOPIC_LISTS = Arbitraries.strings()
            .withCharRange('a', 'z').withChars("áéñü ").ofMinLength(1).ofMaxLength(20).list().ofMaxSize(4);

    private static final List<String> HOSTILE_STRINGS = List.of("", " ", "\t\n", "\u0000", "a\u0000b", "\u001f\u0007",
            "'; DROP TABLE cases; --", "\" OR \"1\"=\"1", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd",
            "%00", "\uFEFF", "\u202Eevil", "👩‍👩‍👧‍👦", "\uD800", "\uDFFF\uD800", "null", "true", "NaN",
            "<script>alert(1)</script>");

    private static final List<String> RAW_PAYLOADS = List.of("", "{", "}", "[", "{\"brand\":", "nul", "[1,2",
            "\"unterminated", "{'single':'quotes'}", "{\"a\":1,}", "{\"a\":NaN}", "/* c */ {}", "{\"a\" 1}",
            "\u0000", "{\"name\":\"\\ud800\"}", "{\"brand\":\"\\u0000\"}", "[]", "42", "\"text\"", "null", "true",
            "{\"$where\":\"1==1\"}", "{\"brand\":{\"$gt\":\"\"}}");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/octet-stream", "multipart/form-data; boundary=x",
            "application/merge-patch+json", "image/png");

    /**
     * A value of the arbitrary, drawn by jqwik's sampling from the thread's source of randomness, which
     * {@link #check} seeds (the same {@link Random} makes every other choice of a sample).
     */
    private static <T> T draw(Arbitrary<T> arbitrary, Random random) {
        return arbitrary.sample();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /** A hostile value for a field of any type. */
    private static JsonNode hostile(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode(pick(HOSTILE_STRINGS, random));
            case 2 -> NODES.textNode(draw(ANY_CHARS, random));
            case 3 -> NODES.textNode("x".repeat(random.nextInt(3) == 0 ? 300_000 : 2_001 + random.nextInt(20_000)));
            case 4 -> NODES.numberNode(draw(LONGS, random));
            case 5 -> NODES.numberNode(draw(DOUBLES, random));
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.numberNode(new java.math.BigDecimal("1e400"));
            case 8 -> {
                ObjectNode operator = NODES.objectNode();
                operator.put(pick(List.of("$gt", "$ne", "$where", "$regex"), random), pick(HOSTILE_STRINGS, random));
                yield operator;
            }
            case 9 -> deep(random, 2 + random.nextInt(50));
            default -> tree(random, 3);
        };
    }

    /** A random JSON tree. */
    private static JsonNode tree(Random random, int depth) {
        int kind = depth <= 0 ? random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(draw(SMALL_INTS, random));
            case 3 -> NODES.numberNode(draw(DOUBLES, random));
            case 4 -> NODES.textNode(random.nextBoolean() ? draw(UNICODE, random) : pick(HOSTILE_STRINGS, random));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(tree(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(random.nextBoolean() ? draw(ID_CHARS, random) : draw(ANY_CHARS, random),
                            tree(random, depth - 1));
                }
                yield object;
            }
        };
    }

    private static JsonNode deep(Random random, int levels) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < levels; i++) {
            if (random.nextBoolean()) {
                ArrayNode a = NODES.arrayNode();
                a.add(node);
                node = a;
            } else {
                ObjectNode o = NODES.objectNode();
                o.set("a", node);
                node = o;
            }
        }
        return node;
    }

    private static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    /** Free text: unicode, with one control character (NUL included) in every fourth value. */
    private static JsonNode freeText(Random random) {
        String value = draw(UNICODE, random);
        if (random.nextInt(4) == 0) {
            int at = random.nextInt(value.length() + 1);
            value = value.substring(0, at) + (char) random.nextInt(0x20) + value.substring(at);
        }
        return NODES.textNode(value);
    }

    private static ArrayNode array(List<?> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(v -> a.add(v == null ? NODES.nullNode() : NODES.textNode(v.toString())));
        return a;
    }

    // ---- requests ----

    /** One request: method, path, content type (null: none), body bytes (null: none) and a token. */
    record Req(String method, String path, String contentType, byte[] body, String token) {

        String describe() {
            String shown = body == null ? "<no body>" : new String(body, StandardCharsets.UTF_8);
            if (shown.length() > 600) {
                shown = shown.substring(0, 600) + "... (" + body.length + " bytes)";
            }
            return method + " " + path + " [" + contentType + "] " + shown;
        }
    }

    /**
     * A body for an operation: with probability {@code 1/4} something hostile as a whole (raw invalid text, a random
     * tree, deep nesting, a body over 1 MiB, invalid UTF-8, no body, a wrong content type), else the fields, each one
     * missing or hostile with probability {@code 1/24} each, and sometimes an unknown field added.
     */
    private static Req request(Random random, String method, String path, String token,
            Map<String, Function<Random, JsonNode>> fields) {
        if (random.nextInt(4) == 0) {
            return switch (random.nextInt(7)) {
                case 0 -> new Req(method, path, "application/json", pick(RAW_PAYLOADS, random)
                        .getBytes(StandardCharsets.UTF_8), token);
                case 1 -> new Req(method, path, "application/json", json(tree(random, 4), random), token);
                case 2 -> new Req(method, path, "application/json", nested(2_000 + random.nextInt(30_000)), token);
                case 3 -> new Req(method, path, "application/json", ("{\"name\":\"" + "y".repeat(1_100_000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8), token);
                case 4 -> new Req(method, path, "application/json", new byte[] { '{', '"', 'a', '"', ':', '"',
                    (byte) 0xC3, (byte) 0x28, '"', '}' }, token);
                case 5 -> new Req(method, path, random.nextBoolean() ? null : "application/json", null, token);
                default -> new Req(method, path, pick(WRONG_CONTENT_TYPES, random), json(body(random, fields), random),
                        token);
            };
        }
        return new Req(method, path, "application/json", json(body(random, fields), random), token);
    }

    private static ObjectNode body(Random random, Map<String, Function<Random, JsonNode>> fields) {
        ObjectNode body = NODES.objectNode();
        fields.forEach((name, valid) -> {
            int dice = random.nextInt(24);
            if (dice == 0) {
                return; // missing
            }
            body.set(name, dice == 1 ? hostile(random) : valid.apply(random));
        });
        if (random.nextInt(5) == 0) {
            body.set(draw(ID_CHARS, random), tree(random, 2));
        }
        return body;
    }

    private static byte[] json(JsonNode node, Random random) {
        try {
            return (random.nextBoolean() ? PLAIN : ESCAPED).writeValueAsBytes(node);
        } catch (Exception e) {
            try {
                return ESCAPED.writeValueAsBytes(node);
            } catch (Exception again) {
                throw new IllegalStateException(again);
            }
        }
    }

    private static byte[] nested(int levels) {
        return ("[".repeat(levels) + "]".repeat(levels)).getBytes(StandardCharsets.UTF_8);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** An answer: status, content type and body. */
    private record Answer(int status, String contentType, String body) {
    }

    /** Sends the request as it is (a plain HTTP client, so that no body or content type is rewritten on the way). */
    private static Answer send(Req req) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + req.path())).header("Authorization", "Bearer " + req.token())
                .method(req.method(), req.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(req.body()));
        if (req.contentType() != null) {
            builder.header("Content-Type", req.contentType());
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + req.describe(), e);
        }
    }

    // ---- the world ----

    private record World(String brand, String other, List<String> departments, List<String> agents,
            List<String> cases, String otherCase) {
    }

    private World w;

    @BeforeEach
    void seed() {
        String brand = Fixtures.brand();
        String other = Fixtures.brand();
        List<String> departments = List.of(brand + "-care", brand + "-billing", brand + "-tech");
        Fixtures.department(brand, departments.get(0), "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.department(brand, departments.get(1), "Billing", List.of("suggestion"), List.of(), 2)
                .statusCode(200);
        Fixtures.department(brand, departments.get(2), "Tech", List.of("question"), List.of(), 3).statusCode(200);
        Fixtures.department(other, other + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        List<String> agents = List.of(brand + "-ana", brand + "-luis");
        Fixtures.agent(brand, agents.get(0), "ana", departments.get(0), 50, true, "es").statusCode(200);
        Fixtures.agent(brand, agents.get(1), "luis", departments.get(1), 50, true, "es", "en").statusCode(200);
        List<String> mentionIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            mentionIds.add(Fixtures.publish(Fixtures.mention(brand, "x", "author-" + i, "complaint", "normal", "es",
                    null)));
        }
        String otherMention = Fixtures.publish(Fixtures.mention(other, "x", "someone", "complaint", "normal", "es",
                null));
        List<String> cases = mentionIds.stream().map(id -> Fixtures.awaitCase(id, brand).getString("id")).toList();
        String otherCase = Fixtures.awaitCase(otherMention, other).getString("id");
        w = new World(brand, other, departments, agents, cases, otherCase);
    }

    private String admin(int i) {
        // several subjects, so that the per-client rate limit never answers for the service
        return Tokens.token("props-admin-" + (i % 16), "admin");
    }

    private String supervisor(int i) {
        return Tokens.token("props-supervisor-" + (i % 16), "supervisor", w.brand());
    }

    private String configId(Random random, String prefix) {
        return switch (random.nextInt(10)) {
            case 0 -> pick(HOSTILE_STRINGS, random);
            case 1 -> draw(ANY_CHARS, random);
            case 2 -> "z".repeat(101 + random.nextInt(150));
            case 3 -> w.other() + "-care";
            default -> prefix + "-" + draw(ID_CHARS, random);
        };
    }

    private String caseId(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> w.otherCase();
            case 2 -> pick(HOSTILE_STRINGS, random);
            case 3 -> draw(ID_CHARS, random);
            default -> pick(w.cases(), random);
        };
    }

    private static String path(String template, String value) {
        return template.replace("{}", java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    // ---- the properties ----

    @Test
    void everyWriteOperationIsCovered() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> writes = new TreeSet<>();
        paths.forEach((path, item) -> {
            if (path.startsWith("/api")) {
                item.keySet().stream().filter(m -> Set.of("post", "put", "patch").contains(m))
                        .forEach(m -> writes.add(m.toUpperCase() + " " + path));
            }
        });
        assertEquals(new TreeSet<>(COVERED), writes);
    }

    @Test
    void departmentPutAnswersEveryRequestWithoutServerErrorOrPartialWrite() {
        Map<String, Function<Random, JsonNode>> fields = new LinkedHashMap<>();
        fields.put("brand", r -> text(w.brand()));
        fields.put("name", WriteApiPropertiesTest::freeText);
        fields.put("intents", r -> array(draw(INTENT_LISTS, r)));
        fields.put("topics", r -> array(draw(TOPIC_LISTS, r)));
        fields.put("languages", r -> array(draw(LANGUAGE_LISTS, r)));
        fields.put("position", r -> r.nextBoolean() ? NODES.numberNode(r.nextInt(1000)) : NODES.nullNode());
        check("PUT /api/v1/departments/{id}", (r, i) -> request(r, "PUT",
                path("/api/v1/departments/{}", configId(r, w.brand() + "-d")), admin(i), fields), false);
    }

    @Test
    void agentPutAnswersEveryRequestWithoutServerErrorOrPartialWrite() {
        Map<String, Function<Random, JsonNode>> fields = new LinkedHashMap<>();
        fields.put("brand", r -> text(w.brand()));
        fields.put("name", WriteApiPropertiesTest::freeText);
        fields.put("department", r -> text(r.nextInt(8) == 0 ? w.other() + "-care" : pick(w.departments(), r)));
        fields.put("languages", r -> array(draw(LANGUAGE_LISTS, r)));
        fields.put("skills", r -> array(draw(TOPIC_LISTS, r)));
        fields.put("capacity", r -> NODES.numberNode(draw(SMALL_INTS, r)));
        fields.put("available", r -> r.nextInt(4) == 0 ? NODES.nullNode() : NODES.booleanNode(r.nextInt(5) > 0));
        check("PUT /api/v1/agents/{id}", (r, i) -> request(r, "PUT", path("/api/v1/agents/{}",
                r.nextInt(3) == 0 ? pick(w.agents(), r) : configId(r, w.brand() + "-a")), admin(i), fields), false);
    }

    @Test
    void slaPolicyPutAnswersEveryRequestWithoutServerErrorOrPartialWrite() {
        Function<Random, JsonNode> minutes = r -> NODES.numberNode(r.nextInt(6) == 0 ? 525_601 + r.nextInt(10)
                : 1 + r.nextInt(525_600));
        Map<String, Function<Random, JsonNode>> fields = new LinkedHashMap<>();
        fields.put("firstResponseMinutes", r -> {
            ObjectNode m = NODES.objectNode();
            for (String priority : List.of("critical", "high", "normal", "low")) {
                int dice = r.nextInt(12);
                if (dice == 0) {
                    continue;
                }
                m.set(priority, dice == 1 ? hostile(r) : minutes.apply(r));
            }
            return m;
        });
        check("PUT /api/v1/sla-policies/{brand}", (r, i) -> request(r, "PUT", path("/api/v1/sla-policies/{}",
                r.nextInt(4) == 0 ? configId(r, "b") : w.brand()), admin(i), fields), false);
    }

    @Test
    void transferPostAnswersEveryRequestWithoutServerErrorOrPartialWrite() {
        Map<String, Function<Random, JsonNode>> fields = new LinkedHashMap<>();
        fields.put("toDepartment", r -> text(r.nextInt(8) == 0 ? w.other() + "-care" : pick(w.departments(), r)));
        fields.put("reason", WriteApiPropertiesTest::freeText);
        fields.put("force", r -> r.nextInt(3) == 0 ? NODES.booleanNode(r.nextBoolean()) : NODES.nullNode());
        check("POST /api/v1/cases/{id}/transfers", (r, i) -> request(r, "POST",
                path("/api/v1/cases/{}/transfers", caseId(r)), r.nextBoolean() ? admin(i) : supervisor(i), fields),
                true);
    }

    @Test
    void resolvePostAnswersEveryRequestWithoutServerErrorOrPartialWrite() {
        Map<String, Function<Random, JsonNode>> fields = new LinkedHashMap<>();
        fields.put("note", r -> r.nextInt(4) == 0 ? NODES.nullNode() : freeText(r));
        check("POST /api/v1/cases/{id}/resolve", (r, i) -> request(r, "POST",
                path("/api/v1/cases/{}/resolve", caseId(r)), supervisor(i), fields), false);
    }

    @Test
    void waitingCustomerPostAnswersEveryRequestWithoutServerErrorOrPartialWrite() {
        Map<String, Function<Random, JsonNode>> fields = new LinkedHashMap<>();
        fields.put("note", WriteApiPropertiesTest::freeText);
        check("POST /api/v1/cases/{id}/waiting-customer", (r, i) -> request(r, "POST",
                path("/api/v1/cases/{}/waiting-customer", caseId(r)), supervisor(i), fields), false);
    }

    @FunctionalInterface
    private interface Sample {
        Req draw(Random random, int index);
    }

    /**
     * Sends {@link #SAMPLES} requests of the operation and checks each answer. A refused transfer back to a department
     * that held the case (409) records the refusal on purpose (the stats count it); nothing else may change on a 4xx.
     */
    private void check(String operation, Sample sample, boolean refusalsAreRecorded) {
        long seed = SEED ^ operation.hashCode();
        System.out.printf("property seed %d (routing.properties.seed=%d) for %s%n", seed, SEED, operation);
        Random random = SourceOfRandomness.create(Long.toString(seed));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            Req req = sample.draw(random, i);
            Map<String, String> before = snapshot();
            Answer response = send(req);
            int status = response.status();
            statuses.merge(status, 1, Integer::sum);
            String what = "sample " + i + " (seed " + SEED + "): " + req.describe() + " -> " + status + " "
                    + abbreviate(response.body());
            if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
                failures.add("not 2xx or 4xx: " + what);
                continue;
            }
            if (status >= 400) {
                String problem = problemDefect(response, status);
                if (problem != null) {
                    failures.add(problem + ": " + what);
                }
                Map<String, String> after = snapshot();
                if (refusalsAreRecorded && status == 409) {
                    before.remove("transfer_refusals");
                    after.remove("transfer_refusals");
                }
                if (!before.equals(after)) {
                    failures.add("a " + status + " changed " + changedTables(before, after) + ": " + what);
                }
            }
        }
        System.out.printf("%s: answers by status %s%n", operation, statuses);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + SAMPLES + " samples broke a property of " + operation + ":\n"
                    + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        }
        assertTrue(statuses.keySet().stream().anyMatch(s -> s < 300), operation + ": no sample succeeded " + statuses);
        assertTrue(statuses.keySet().stream().anyMatch(s -> s >= 400), operation + ": no sample was refused "
                + statuses);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** Null when the answer is a proper problem document for {@code status}; else what is wrong with it. */
    private static String problemDefect(Answer response, int status) {
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "a " + status + " that is not application/problem+json (" + type + ")";
        }
        String body = response.body();
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("at io.") || body.contains("java.")) {
            return "a problem that shows internals";
        }
        JsonNode json;
        try {
            json = PLAIN.readTree(body);
        } catch (Exception e) {
            return "a problem that is not JSON";
        }
        if (json.path("status").asInt() != status || !json.path("title").isTextual()
                || !json.path("type").isTextual()) {
            return "a problem without type, title and its status";
        }
        return null;
    }

    // ---- the store, before and after ----

    private static Connection jdbc() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /**
     * A fingerprint per table: the configuration tables whole (a request may name any brand), the case tables of the
     * two brands of the world (other tests' mentions may still be routed meanwhile). The outbox is left out: the relay
     * empties it on its own; every event written there comes with a new case version, which is compared.
     */
    private Map<String, String> snapshot() {
        String brands = "('" + w.brand() + "', '" + w.other() + "')";
        String ofCases = " JOIN cases c ON c.id = t.case_id WHERE c.brand IN " + brands;
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("departments", "SELECT t::text FROM departments t");
        queries.put("agents", "SELECT t::text FROM agents t");
        queries.put("sla_policies", "SELECT t::text FROM sla_policies t");
        queries.put("agent_open_cases", "SELECT t::text FROM agent_open_cases t JOIN agents a ON a.id = t.agent"
                + " WHERE a.brand IN " + brands);
        queries.put("cases", "SELECT t::text FROM cases t WHERE t.brand IN " + brands);
        queries.put("customers", "SELECT t::text FROM customers t WHERE t.brand IN " + brands);
        queries.put("transfers", "SELECT t::text FROM transfers t WHERE t.brand IN " + brands);
        queries.put("transfer_refusals", "SELECT t::text FROM transfer_refusals t WHERE t.brand IN " + brands);
        queries.put("case_mentions", "SELECT t::text FROM case_mentions t" + ofCases);
        queries.put("case_departments", "SELECT t::text FROM case_departments t" + ofCases);
        queries.put("case_log", "SELECT t::text FROM case_log t" + ofCases);
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = jdbc()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                try (PreparedStatement st = c.prepareStatement("SELECT count(*), md5(coalesce(string_agg(x, '|'"
                        + " ORDER BY x), '')) FROM (" + q.getValue() + ") AS rows(x)");
                        ResultSet rs = st.executeQuery()) {
                    rs.next();
                    result.put(q.getKey(), rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    private static List<String> changedTables(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((table, print) -> {
            if (!print.equals(after.get(table))) {
                changed.add(table);
            }
        });
        return changed;
    }
}
