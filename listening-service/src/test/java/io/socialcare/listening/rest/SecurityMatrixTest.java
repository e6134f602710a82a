package io.socialcare.listening.rest;

import static io.restassured.RestAssured.given;
import static io.socialcare.listening.Fixtures.admin;
import static io.socialcare.listening.Fixtures.brand;
import static io.socialcare.listening.Fixtures.mention;
import static io.socialcare.listening.Fixtures.partner;
import static io.socialcare.listening.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.socialcare.commons.security.Roles;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every /api operation of the served OpenAPI document against a table of who may call it and how brand scope
 * applies. A served operation without an entry, or an entry no longer served, fails the test.
 */
@QuarkusTest
class SecurityMatrixTest {

    private static final List<String> ALL = List.of(Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR,
            Roles.PRODUCT_MANAGER, Roles.ADMIN);

    /** How brand scope applies to an operation. */
    enum Scope {
        /** another brand's object is a 404 */
        OBJECT,
        /** writing into another brand is a 403 */
        WRITE,
        /** a list shows only the caller's brands (a brand filter outside them is a 403) */
        LIST,
        /** admin only (admin sees every brand) or no brand involved */
        NONE,
        /** authenticated by the platform's signature, not by a token */
        SIGNATURE
    }

    record Entry(List<String> roles, Scope scope, BiFunction<RequestSpecification, Seed, Response> call) {
    }

    record Seed(String brand, String mentionId, String feedId) {
    }

    private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("PUT /api/v1/brands/{id}", new Entry(List.of(Roles.ADMIN), Scope.NONE,
                (r, s) -> r.contentType(ContentType.JSON).body(Map.of("name", "X", "keywords", List.of("x")))
                        .put("/api/v1/brands/" + s.brand())));
        TABLE.put("GET /api/v1/brands", new Entry(ALL, Scope.LIST, (r, s) -> r.get("/api/v1/brands")));
        TABLE.put("GET /api/v1/brands/{id}", new Entry(ALL, Scope.OBJECT,
                (r, s) -> r.get("/api/v1/brands/" + s.brand())));
        TABLE.put("POST /api/v1/mentions", new Entry(List.of(Roles.PARTNER, Roles.ADMIN), Scope.WRITE,
                (r, s) -> r.contentType(ContentType.JSON).body(mention(s.brand(), "Hola")).post("/api/v1/mentions")));
        TABLE.put("POST /api/v1/mentions/batch", new Entry(List.of(Roles.PARTNER, Roles.ADMIN), Scope.WRITE,
                (r, s) -> r.contentType(ContentType.JSON).body(Map.of("mentions", List.of(mention(s.brand(), "Hola"))))
                        .post("/api/v1/mentions/batch")));
        TABLE.put("GET /api/v1/mentions", new Entry(ALL, Scope.LIST,
                (r, s) -> r.queryParam("brand", s.brand()).get("/api/v1/mentions")));
        TABLE.put("GET /api/v1/mentions/{id}", new Entry(ALL, Scope.OBJECT,
                (r, s) -> r.get("/api/v1/mentions/" + s.mentionId())));
        TABLE.put("POST /api/v1/analysis", new Entry(ALL, Scope.NONE,
                (r, s) -> r.contentType(ContentType.JSON).body(Map.of("text", "Hola")).post("/api/v1/analysis")));
        TABLE.put("PUT /api/v1/feeds/{id}", new Entry(List.of(Roles.ADMIN), Scope.NONE,
                (r, s) -> r.contentType(ContentType.JSON)
                        .body(Map.of("brand", s.brand(), "url", "http://127.0.0.1:9/feed.xml"))
                        .put("/api/v1/feeds/" + s.feedId())));
        TABLE.put("GET /api/v1/feeds", new Entry(List.of(Roles.ADMIN), Scope.NONE,
                (r, s) -> r.get("/api/v1/feeds")));
        TABLE.put("GET /api/v1/feeds/{id}", new Entry(List.of(Roles.ADMIN), Scope.NONE,
                (r, s) -> r.get("/api/v1/feeds/" + s.feedId())));
        TABLE.put("DELETE /api/v1/feeds/{id}", new Entry(List.of(Roles.ADMIN), Scope.NONE,
                (r, s) -> r.delete("/api/v1/feeds/" + s.feedId())));
        TABLE.put("POST /api/v1/feeds/{id}/poll", new Entry(List.of(Roles.ADMIN), Scope.NONE,
                (r, s) -> r.post("/api/v1/feeds/" + s.feedId() + "/poll")));
        TABLE.put("GET /api/v1/webhooks/meta/{brand}", new Entry(List.of(), Scope.SIGNATURE,
                (r, s) -> r.queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong")
                        .queryParam("hub.challenge", "42").get("/api/v1/webhooks/meta/" + s.brand())));
        TABLE.put("POST /api/v1/webhooks/meta/{brand}", new Entry(List.of(), Scope.SIGNATURE,
                (r, s) -> r.header("X-Hub-Signature-256", "sha256=00").contentType(ContentType.JSON).body("{}")
                        .post("/api/v1/webhooks/meta/" + s.brand())));
        TABLE.put("GET /api/v1/webhooks/x/{brand}", new Entry(List.of(), Scope.SIGNATURE,
                (r, s) -> r.get("/api/v1/webhooks/x/" + s.brand())));
        TABLE.put("POST /api/v1/webhooks/x/{brand}", new Entry(List.of(), Scope.SIGNATURE,
                (r, s) -> r.header("x-twitter-webhooks-signature", "sha256=AAAA").contentType(ContentType.JSON)
                        .body("{}").post("/api/v1/webhooks/x/" + s.brand())));
    }

    private Seed seed;

    @BeforeEach
    void seedBrandA() {
        String brand = brand();
        String mentionId = given().auth().oauth2(partner(brand)).contentType(ContentType.JSON)
                .body(mention(brand, "Consulta")).post("/api/v1/mentions").then().statusCode(202).extract().path("id");
        String feed = unique("feed");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("brand", brand, "url", "http://127.0.0.1:9/feed.xml")).put("/api/v1/feeds/" + feed)
                .then().statusCode(200);
        seed = new Seed(brand, mentionId, feed);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> servedOperations() {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().path("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                for (String method : ((Map<String, Object>) item).keySet()) {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        operations.add(method.toUpperCase() + " " + path);
                    }
                }
            }
        });
        return operations;
    }

    @Test
    void everyServedOperationHasAnEntryAndEveryEntryIsServed() {
        Set<String> served = servedOperations();
        List<String> missing = served.stream().filter(op -> !TABLE.containsKey(op)).toList();
        List<String> stale = TABLE.keySet().stream().filter(op -> !served.contains(op)).toList();
        assertTrue(missing.isEmpty(), "served operations without a table entry: " + missing);
        assertTrue(stale.isEmpty(), "table entries no longer served: " + stale);
    }

    @Test
    void everyOperationRefusesWhoMayNotCallIt() {
        String other = brand();
        List<String> failures = new ArrayList<>();
        TABLE.forEach((operation, entry) -> {
            if (entry.scope() == Scope.SIGNATURE) {
                // deliveries with a bad signature are 401; the subscription checks refuse a wrong verify token
                // (403) or answer only a CRC challenge, which needs no signature (without one: 400)
                int refusal = operation.startsWith("POST") ? 401 : operation.contains("/meta/") ? 403 : 400;
                expect(failures, operation, "bad signature", entry.call().apply(given(), seed), refusal);
                return;
            }
            expect(failures, operation, "no token", entry.call().apply(given(), seed), 401);
            expect(failures, operation, "expired token", entry.call().apply(
                    given().auth().oauth2(Tokens.expired("u", entry.roles().get(0), seed.brand())), seed), 401);
            for (String role : ALL) {
                if (!entry.roles().contains(role)) {
                    expect(failures, operation, "role " + role, entry.call().apply(
                            given().auth().oauth2(Tokens.token("u", role, seed.brand())), seed), 403);
                }
            }
            String outsider = entry.roles().stream().filter(r -> !Roles.ADMIN.equals(r)).findFirst().orElse(null);
            if (outsider == null) {
                return; // admin only: admin sees every brand
            }
            Response response = entry.call().apply(given().auth().oauth2(Tokens.token("u", outsider, other)), seed);
            switch (entry.scope()) {
                case OBJECT -> expect(failures, operation, outsider + " of another brand", response, 404);
                case WRITE -> {
                    if (operation.endsWith("/batch")) {
                        // each item is judged alone: the item is refused with a 403 problem
                        if (response.statusCode() != 200
                                || !Integer.valueOf(403).equals(response.path("results[0].problem.status"))) {
                            failures.add(operation + " batch item of another brand: " + response.asString());
                        }
                    } else {
                        expect(failures, operation, outsider + " writing into another brand", response, 403);
                    }
                }
                case LIST -> {
                    if (operation.contains("mentions")) {
                        expect(failures, operation, outsider + " filtering another brand", response, 403);
                    } else if (response.statusCode() != 200 || response.asString().contains(seed.brand())) {
                        failures.add(operation + " list shows another brand: " + response.asString());
                    }
                }
                default -> {
                }
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void expect(List<String> failures, String operation, String who, Response response, int status) {
        if (response.statusCode() != status) {
            failures.add(operation + " [" + who + "] expected " + status + " but was " + response.statusCode()
                    + ": " + response.asString());
        } else if (status != 200 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(operation + " [" + who + "] is not problem+json: " + response.contentType());
        }
    }

    @Test
    void theAllowedRolesGetThrough() {
        // one allowed role per token-protected operation reaches the endpoint (not 401/403)
        TABLE.forEach((operation, entry) -> {
            if (entry.scope() == Scope.SIGNATURE || operation.startsWith("DELETE")) {
                return;
            }
            for (String role : entry.roles()) {
                int status = entry.call().apply(given().auth().oauth2(Tokens.token("u", role, seed.brand())), seed)
                        .statusCode();
                assertFalse(status == 401 || status == 403, operation + " refused " + role + ": " + status);
            }
        });
        assertEquals(204 / 100, given().auth().oauth2(admin()).delete("/api/v1/feeds/" + seed.feedId())
                .statusCode() / 100);
    }
}
