package io.socialcare.response.rest;

import static io.restassured.RestAssured.given;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.caseEvent;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.mention;
import static io.socialcare.response.Fixtures.openCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.socialcare.contract.CaseEvent;
import io.socialcare.testing.Tokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random and hostile requests to every write endpoint of the service (POST/PUT; there is no PATCH), generated with
 * jqwik {@link Arbitraries} from a fixed seed that is printed (rerun another with {@code -Dhostile.seed=<n>}): random
 * JSON trees, wrong types, nulls, operator-shaped values ({@code {"$gt": ""}}), huge, Unicode and control-character
 * strings (NUL, unpaired surrogates), invalid JSON, deep nesting, bodies over 1 MiB, wrong content types, missing or
 * hostile {@code Idempotency-Key}s and tokens, unknown and hostile ids in the path.
 *
 * <p>For every answer: only 2xx or 4xx, never a 5xx; every 4xx is {@code application/problem+json} with its status
 * and no stack trace; a 4xx leaves the tables as they were (compared before and after each request). Each endpoint
 * must both accept and reject some of its inputs, so that the generators reach past the first check.</p>
 *
 * <p>Not generated: header values with CR, LF or NUL (no HTTP client sends them), request lines and headers over
 * the server's limits (4 KiB and 8 KiB: Vert.x answers those before the application, 414/431 without a body).</p>
 */
@QuarkusTest
class HostileInputPropertyTest {

    private static final long SEED = Long.getLong("hostile.seed", 20_261_122L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PROBLEM = "application/problem+json";
    private static final List<String> STACK_TRACE_MARKERS = List.of("\tat ", "at io.", "at java.", "at org.",
            ".java:", "Exception:", "Caused by");

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What the test works on, made once through the API and Kafka like real data. */
    private static World world;
    private static final Map<String, int[]> TALLY = new LinkedHashMap<>();

    private record World(String brand, String otherBrand, String supervisor, String agent, String otherSupervisor,
            CaseEvent xCase, CaseEvent forumCase, CaseEvent criticalCase, List<String> templateIds,
            String otherTemplateId, List<String> pendingReplies, String sentReply) {
    }

    /** One request as sent. */
    private record Call(String endpoint, String method, String path, String token, String contentType,
            String idempotencyKey, byte[] body) {

        String describe() {
            String shown = body == null ? "<none>" : new String(body, 0, Math.min(body.length, 300),
                    StandardCharsets.UTF_8);
            return method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " content-type="
                    + contentType + " key=" + (idempotencyKey == null ? "<none>"
                            : idempotencyKey.length() > 60 ? idempotencyKey.substring(0, 60) + "…" : idempotencyKey)
                    + " body(" + (body == null ? 0 : body.length) + " bytes)=" + shown;
        }
    }

    /** A request body with the content type it is sent as. */
    private record Body(String contentType, byte[] bytes) {
    }

    @BeforeEach
    void world() {
        if (world != null) {
            return;
        }
        String brand = brand();
        String otherBrand = brand();
        String supervisor = Tokens.token("sara", "supervisor", brand);
        String agent = Tokens.token("ana", "agent", brand);
        String otherSupervisor = Tokens.token("olga", "supervisor", otherBrand);
        CaseEvent xCase = openCase(brand, "x");
        CaseEvent forumCase = openCase(caseEvent(id(), 1, brand, "normal",
                List.of(mention("forum", Instant.now().minusSeconds(120)), mention("forum", Instant.now()))));
        CaseEvent criticalCase = openCase(caseEvent(id(), 1, brand, "critical",
                List.of(mention("forum", Instant.now()))));
        List<String> templates = new ArrayList<>();
        for (String text : List.of("Hola {{customer.name}}, lo revisamos hoy.", "Gracias por escribir, {{motivo}}.")) {
            templates.add(given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                    .body(Map.of("brand", brand, "name", "plantilla " + id(), "lang", "es", "text", text))
                    .post("/api/v1/templates").then().statusCode(201).extract().path("id"));
        }
        String otherTemplate = given().auth().oauth2(otherSupervisor).contentType(ContentType.JSON)
                .body(Map.of("brand", otherBrand, "name", "ajena", "text", "Hola."))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id");
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pending.add(given().auth().oauth2(agent).contentType(ContentType.JSON).header("Idempotency-Key", id())
                    .body(Map.of("text", "Lo sentimos, lo revisamos (" + i + ").")).post("/api/v1/cases/{id}/replies",
                            criticalCase.id())
                    .then().statusCode(202).extract().path("id"));
        }
        String sent = given().auth().oauth2(agent).contentType(ContentType.JSON).header("Idempotency-Key", id())
                .body(Map.of("text", "Gracias por contarnos.")).post("/api/v1/cases/{id}/replies", forumCase.id())
                .then().statusCode(202).extract().path("id");
        world = new World(brand, otherBrand, supervisor, agent, otherSupervisor, xCase, forumCase, criticalCase,
                templates, otherTemplate, pending, sent);
    }

    @AfterAll
    static void report() {
        TALLY.forEach((endpoint, counts) -> System.out.printf("HostileInputPropertyTest %s: %d accepted (2xx), %d "
                + "rejected (4xx)%n", endpoint, counts[0], counts[1]));
    }

    // ------------------------------------------------------------------------------------------------ properties

    @Test
    void askingForRepliesNeverFailsTheServer() throws Exception {
        seed(1);
        World w = world;
        Arbitrary<String> caseIds = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(w.xCase().id(), w.forumCase().id(), w.criticalCase().id())),
                Tuple.of(1, Arbitraries.create(() -> id())),
                Tuple.of(1, hostilePathSegment()));
        AtomicLong reusable = new AtomicLong();
        Arbitrary<String> keys = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.create(() -> "key-" + id())),
                Tuple.of(2, Arbitraries.create(() -> "reused-" + (reusable.incrementAndGet() % 3))),
                Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.of("", "   ", "\t")),
                Tuple.of(1, Arbitraries.strings().withCharRange('!', '~').ofMinLength(180).ofMaxLength(3_000)),
                Tuple.of(1, Arbitraries.of("' OR '1'='1", "{\"$gt\":\"\"}", "../../etc", "k\u00e9y-\u00ff")));
        Arbitrary<Call> calls = Combinators.combine(caseIds, keys, replyBodies(w), tokens(w))
                .as((caseId, key, body, token) -> new Call("POST /api/v1/cases/{caseId}/replies", "POST",
                        "/api/v1/cases/" + segment(caseId) + "/replies", token, body.contentType(), key, body.bytes()));
        run(calls, 220);
    }

    @Test
    void approvingNeverFailsTheServer() throws Exception {
        seed(2);
        run(decisions("approve"), 60);
    }

    @Test
    void rejectingNeverFailsTheServer() throws Exception {
        seed(3);
        run(decisions("reject"), 60);
    }

    @Test
    void creatingTemplatesNeverFailsTheServer() throws Exception {
        seed(4);
        World w = world;
        Arbitrary<Call> calls = Combinators.combine(templateBodies(w), tokens(w))
                .as((body, token) -> new Call("POST /api/v1/templates", "POST", "/api/v1/templates", token,
                        body.contentType(), null, body.bytes()));
        run(calls, 100);
    }

    @Test
    void replacingTemplatesNeverFailsTheServer() throws Exception {
        seed(5);
        World w = world;
        Arbitrary<String> ids = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(w.templateIds())),
                Tuple.of(1, Arbitraries.just(w.otherTemplateId())),
                Tuple.of(1, Arbitraries.create(() -> id())),
                Tuple.of(1, hostilePathSegment()));
        Arbitrary<Call> calls = Combinators.combine(ids, templateBodies(w), tokens(w))
                .as((id, body, token) -> new Call("PUT /api/v1/templates/{id}", "PUT", "/api/v1/templates/"
                        + segment(id), token, body.contentType(), null, body.bytes()));
        run(calls, 100);
    }

    // ------------------------------------------------------------------------------------------------ running

    /** Seeds jqwik's source of randomness for this test, and says so. */
    private static void seed(int test) {
        String seed = String.valueOf(SEED + test);
        System.out.println("HostileInputPropertyTest seed " + seed + " (rerun with -Dhostile.seed=" + SEED + ")");
        SourceOfRandomness.create(seed);
    }

    private void run(Arbitrary<Call> calls, int count) throws Exception {
        List<Call> sample = calls.sampleStream().limit(count).toList();
        int accepted = 0;
        int rejected = 0;
        String endpoint = sample.get(0).endpoint();
        for (Call call : sample) {
            String before = snapshot();
            HttpResponse<String> answer = send(call);
            int status = answer.statusCode();
            String contentType = answer.headers().firstValue("Content-Type").orElse("");
            String what = "seed " + SEED + ": " + call.describe() + " → " + status + " " + contentType + " "
                    + answer.body().substring(0, Math.min(answer.body().length(), 300));
            assertFalse(status >= 500, "never a 5xx; " + what);
            assertTrue(status >= 200 && status < 300 || status >= 400 && status < 500, "2xx or 4xx; " + what);
            if (status >= 400) {
                rejected++;
                assertTrue(contentType.startsWith(PROBLEM), "a 4xx is problem+json; " + what);
                JsonNode problem = JSON.readTree(answer.body());
                assertEquals(status, problem.path("status").asInt(), "problem status; " + what);
                for (String marker : STACK_TRACE_MARKERS) {
                    assertFalse(answer.body().contains(marker), "no stack trace (" + marker.strip() + "); " + what);
                }
                assertEquals(before, snapshot(), "a 4xx writes nothing; " + what);
            } else {
                accepted++;
            }
        }
        TALLY.put(endpoint, new int[] {accepted, rejected});
        assertTrue(accepted > 0, endpoint + ": some inputs are accepted (" + accepted + "/" + count + ")");
        assertTrue(rejected > 0, endpoint + ": some inputs are rejected (" + rejected + "/" + count + ")");
    }

    private HttpResponse<String> send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                + call.path())).timeout(Duration.ofSeconds(30));
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
        }
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.idempotencyKey() != null) {
            request.header("Idempotency-Key", call.idempotencyKey());
        }
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        request.method(call.method(), body);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The tables' content that a request may change: replies (without the delivery columns the worker moves on its
     * own, but with approval decisions), templates, the case projection and close-the-loop notices.
     */
    private String snapshot() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT count(*) || ':' || coalesce(md5(string_agg(x, '|' ORDER BY x)), '') FROM (
                          SELECT 'r' || id || case_id || text || coalesce(template_id, '') || idempotency_key
                                 || body_hash || coalesce(decided_by, '')
                                 || CASE WHEN status IN ('pending_approval', 'rejected') THEN status ELSE 'd' END AS x
                          FROM replies
                          UNION ALL SELECT 't' || id || brand || name || coalesce(lang, '') || text || updated_at
                          FROM templates
                          UNION ALL SELECT 'c' || id || version FROM cases
                          UNION ALL SELECT 'm' || case_id || mention_id FROM case_mentions
                          UNION ALL SELECT 'l' || theme_id || customer_key FROM loop_notices) s
                        """)) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ generators

    private Arbitrary<Call> decisions(String decision) {
        World w = world;
        Arbitrary<String> ids = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(w.pendingReplies())),
                Tuple.of(1, Arbitraries.just(w.sentReply())),
                Tuple.of(1, Arbitraries.create(() -> id())),
                Tuple.of(1, hostilePathSegment()));
        Arbitrary<Body> bodies = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(new Body(null, null))),
                Tuple.of(2, jsonTree(3).map(node -> new Body("application/json", bytes(node)))),
                Tuple.of(1, invalidJson()),
                Tuple.of(1, Combinators.combine(contentTypes(), hostileString()).as((type, text) ->
                        new Body(type, text.getBytes(StandardCharsets.UTF_8)))));
        Arbitrary<String> tokens = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(w.supervisor())),
                Tuple.of(1, Arbitraries.just(w.otherSupervisor())),
                Tuple.of(1, Arbitraries.just(w.agent())),
                Tuple.of(1, Arbitraries.of("", "not-a-token", Tokens.expired("sara", "supervisor", w.brand()))));
        return Combinators.combine(ids, bodies, tokens).as((id, body, token) -> new Call(
                "POST /api/v1/replies/{id}/" + decision, "POST", "/api/v1/replies/" + segment(id) + "/" + decision,
                token.isEmpty() ? null : token, body.contentType(), null, body.bytes()));
    }

    private Arbitrary<String> tokens(World w) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(w.supervisor())),
                Tuple.of(2, Arbitraries.just(w.agent())),
                Tuple.of(1, Arbitraries.just(w.otherSupervisor())),
                Tuple.of(1, Arbitraries.just(Tokens.token("pablo", "product-manager", w.brand()))),
                Tuple.of(1, Arbitraries.of((String) null, "garbage.token.here",
                        Tokens.expired("sara", "supervisor", w.brand()))));
    }

    private Arbitrary<Body> replyBodies(World w) {
        List<String> mentionIds = new ArrayList<>();
        for (CaseEvent c : List.of(w.xCase(), w.forumCase(), w.criticalCase())) {
            c.mentions().forEach(m -> mentionIds.add(m.id()));
        }
        Arbitrary<JsonNode> text = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().alpha().numeric().withChars(' ', ',', '.', 'ñ', 'á')
                        .ofMinLength(1).ofMaxLength(200).map(s -> TextNode.valueOf("Hola, " + s))),
                Tuple.of(4, anyValue()));
        Arbitrary<JsonNode> templateId = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(w.templateIds()).map(TextNode::valueOf)),
                Tuple.of(1, Arbitraries.just(TextNode.valueOf(w.otherTemplateId()))),
                Tuple.of(2, anyValue()));
        Arbitrary<JsonNode> inReplyTo = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(mentionIds).map(TextNode::valueOf)),
                Tuple.of(2, anyValue()));
        Arbitrary<JsonNode> variables = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.maps(Arbitraries.of("motivo", "customer.name", "x", ""),
                        hostileString().map(s -> (JsonNode) TextNode.valueOf(s))).ofMaxSize(3)
                        .map(m -> (JsonNode) NODES.objectNode().setAll(m))),
                Tuple.of(2, anyValue()));
        Arbitrary<JsonNode> fields = Combinators.combine(optional(text, 8), optional(templateId, 3),
                optional(variables, 3), optional(inReplyTo, 3))
                .as((t, tid, vars, irt) -> {
                    ObjectNode o = NODES.objectNode();
                    t.ifPresent(v -> o.set("text", v));
                    tid.ifPresent(v -> o.set("templateId", v));
                    vars.ifPresent(v -> o.set("variables", v));
                    irt.ifPresent(v -> o.set("inReplyTo", v));
                    return o;
                });
        Arbitrary<JsonNode> valid = Arbitraries.strings().alpha().numeric().withChars(' ', 'ñ').ofMinLength(1)
                .ofMaxLength(100).map(s -> (JsonNode) NODES.objectNode().put("text", "Gracias, " + s + "."));
        return bodies(valid, fields);
    }

    private Arbitrary<Body> templateBodies(World w) {
        Arbitrary<JsonNode> brand = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(TextNode.valueOf(w.brand()))),
                Tuple.of(1, Arbitraries.just(TextNode.valueOf(w.otherBrand()))),
                Tuple.of(2, anyValue()));
        Arbitrary<JsonNode> name = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.create(() -> TextNode.valueOf("plantilla " + id()))),
                Tuple.of(1, Arbitraries.of("duplicada", "otra").map(TextNode::valueOf)),
                Tuple.of(3, anyValue()));
        Arbitrary<JsonNode> lang = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("es", "en", "pt").map(TextNode::valueOf)),
                Tuple.of(2, anyValue()));
        Arbitrary<JsonNode> text = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("Hola {{customer.name}}, gracias.", "Te ayudamos con {{motivo}}.",
                        "Sin variables.", "Mal {{ formada", "{{}}", "Cierre }} suelto").map(TextNode::valueOf)),
                Tuple.of(4, anyValue()));
        Arbitrary<JsonNode> fields = Combinators.combine(optional(brand, 9), optional(name, 9), optional(lang, 5),
                optional(text, 9))
                .as((b, n, l, t) -> {
                    ObjectNode o = NODES.objectNode();
                    b.ifPresent(v -> o.set("brand", v));
                    n.ifPresent(v -> o.set("name", v));
                    l.ifPresent(v -> o.set("lang", v));
                    t.ifPresent(v -> o.set("text", v));
                    return o;
                });
        Arbitrary<JsonNode> valid = Arbitraries.create(() -> (JsonNode) NODES.objectNode().put("brand", w.brand())
                .put("name", "plantilla " + id()).put("lang", "es").put("text", "Hola {{customer.name}}, gracias."));
        return bodies(valid, fields);
    }

    /**
     * A valid body now and then, mostly the endpoint's own fields with hostile values, sometimes any JSON, invalid
     * JSON, deep nesting or a body over 1 MiB.
     */
    private Arbitrary<Body> bodies(Arbitrary<JsonNode> valid, Arbitrary<JsonNode> fields) {
        Arbitrary<byte[]> json = Arbitraries.frequencyOf(
                Tuple.of(12, fields.map(HostileInputPropertyTest::bytes)),
                Tuple.of(3, jsonTree(4).map(HostileInputPropertyTest::bytes)),
                Tuple.of(1, deepNesting()));
        Arbitrary<Body> typed = Combinators.combine(json, contentTypes()).as((bytes, type) -> new Body(type, bytes));
        return Arbitraries.frequencyOf(
                Tuple.of(6, valid.map(node -> new Body("application/json", bytes(node)))),
                Tuple.of(20, typed),
                Tuple.of(2, invalidJson()),
                Tuple.of(1, Arbitraries.of(2_000, 10_000).map(depth -> new Body("application/json",
                        ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8)))),
                Tuple.of(1, Arbitraries.just(new Body("application/json", ("{\"text\":\"" + "a".repeat(1_100_000)
                        + "\"}").getBytes(StandardCharsets.UTF_8)))));
    }

    private static Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(14, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=UTF-8", "application/json; charset=ISO-8859-1",
                        "APPLICATION/JSON")),
                Tuple.of(2, Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/octet-stream", "*/*", "json", "")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    private static Arbitrary<Body> invalidJson() {
        return Arbitraries.of("", "{", "[", "}", "nul", "{\"text\": }", "{\"text\": \"unterminated}",
                "{'text': 'single quotes'}", "{\"text\": NaN}", "{\"text\": \"x\"} trailing", "\uFEFF{\"text\":\"bom\"}",
                "{\"text\": \"\\ud800\"}", "{\"text\": \"\\u0000\"}", "\u0000", "{\"text\": 01}", "{\"a\":1,}",
                "<reply><text>xml</text></reply>", "text=form&encoded=1")
                .map(s -> new Body("application/json", s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Objects nested 200 to 5,000 deep (JSON parsers stop at some depth; the answer must still be a 4xx). */
    private static Arbitrary<byte[]> deepNesting() {
        return Arbitraries.of(200, 1_500, 5_000).map(depth -> {
            StringBuilder json = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                json.append(i % 2 == 0 ? "{\"text\":" : "{\"$gt\":");
            }
            json.append("\"deep\"").append("}".repeat(depth));
            return json.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    /** Any JSON value of a few levels: the wrong type for a field, more often than not. */
    private static Arbitrary<JsonNode> anyValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(NullNode.getInstance())),
                Tuple.of(5, hostileString().map(s -> (JsonNode) TextNode.valueOf(s))),
                Tuple.of(2, jsonTree(2)),
                Tuple.of(2, Arbitraries.of("$gt", "$ne", "$where", "$regex")
                        .map(op -> (JsonNode) NODES.objectNode().put(op, ""))));
    }

    private static Arbitrary<JsonNode> jsonTree(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.just(NullNode.getInstance()),
                Arbitraries.of(true, false).map(b -> (JsonNode) BooleanNode.valueOf(b)),
                Arbitraries.longs().map(l -> (JsonNode) LongNode.valueOf(l)),
                Arbitraries.doubles().map(d -> (JsonNode) DoubleNode.valueOf(d)),
                hostileString().map(s -> (JsonNode) TextNode.valueOf(s)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = jsonTree(depth - 1);
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("text", "templateId", "variables", "inReplyTo",
                "brand", "name", "lang", "$gt", "__proto__", "constructor"), hostileString());
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf),
                Tuple.of(1, child.list().ofMaxSize(4).map(list -> {
                    ArrayNode a = NODES.arrayNode();
                    list.forEach(a::add);
                    return (JsonNode) a;
                })),
                Tuple.of(2, Arbitraries.maps(names, child).ofMaxSize(4)
                        .map(map -> (JsonNode) NODES.objectNode().setAll(map))));
    }

    private static Arbitrary<String> hostileString() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().ofMinLength(1).ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8)),
                Tuple.of(3, Arbitraries.of("{\"$gt\": \"\"}", "'; DROP TABLE replies; --", "' OR '1'='1",
                        "<script>alert(1)</script>", "{{customer.name}}", "{{", "}}", "${jndi:ldap://x/a}", "%00",
                        "../../etc/passwd", "\u202eevil", "😀🙄", "ñandú", "\ud800", "\udfff", "a\u0000b", "NaN",
                        "null", "true", "0", "-1")),
                Tuple.of(1, Arbitraries.of("x".repeat(281), "x".repeat(10_001), "😀".repeat(5_001),
                        "ñ".repeat(100_000))),
                Tuple.of(1, Arbitraries.of("", " ", "\t", "\n")));
    }

    private static Arbitrary<String> hostilePathSegment() {
        return Arbitraries.of("\u0000", "a\u0000b", "..", "../templates", "' OR 1=1 --", "%", "ñ", "😀", " ",
                "x".repeat(1_000), "\ud800", "{id}", "null");
    }

    private static <T> Arbitrary<java.util.Optional<T>> optional(Arbitrary<T> value, int presentInTen) {
        return Arbitraries.integers().between(0, 9)
                .flatMap(n -> n < presentInTen ? value.map(java.util.Optional::of)
                        : Arbitraries.just(java.util.Optional.empty()));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
