package io.socialcare.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.socialcare.commons.security.Roles;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation the service serves under /api (read from its own OpenAPI document) has an entry here: the roles
 * allowed and how brand scope applies. A new endpoint without an entry, or an entry no longer served, fails the build.
 */
@QuarkusTest
class SecurityMatrixTest {

    private static final List<String> ROLES = List.of(Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR,
            Roles.PRODUCT_MANAGER, Roles.ADMIN);

    /** How brand scope applies to an operation, for a caller whose brands lack brand A. */
    enum Scope {
        /** The path names an object of brand A: 404, existence is not leaked. */
        OBJECT_404,
        /** The request writes into brand A (body or path): 403. */
        WRITE_403,
        /** The request names brand A as a filter (query or path): 403. */
        BRAND_403,
        /** A list without a brand filter: 200 with the caller's brands only. */
        OWN_BRANDS_ONLY
    }

    /** One operation: roles allowed, scope rule, and how to call it against the seeded world. */
    private record Entry(Set<String> roles, Scope scope, Call call, boolean safeToRepeat) {
    }

    @FunctionalInterface
    private interface Call {
        Response send(World w, RequestSpecification request);
    }

    /** Brand A with a department, an agent and one routed case (customer, mention). */
    private record World(String brand, String caseId, String customerId, String mentionId) {
    }

    private World w;

    @BeforeEach
    void seed() {
        String brand = Fixtures.brand();
        Fixtures.department(brand, brand + "-care", "Care", List.of(), List.of(), 1).statusCode(200);
        Fixtures.department(brand, brand + "-billing", "Billing", List.of("suggestion"), List.of(), 2)
                .statusCode(200);
        Fixtures.agent(brand, brand + "-ana", "ana", brand + "-care", 5, true, "es").statusCode(200);
        String mentionId = Fixtures.publish(Fixtures.mention(brand, "x", "u1", "complaint", "normal", "es", null));
        JsonPath c = Fixtures.awaitCase(mentionId, brand);
        w = new World(brand, c.getString("id"), c.getString("customerId"), mentionId);
    }

    private static Map<String, Entry> table() {
        Set<String> config = Set.of(Roles.ADMIN, Roles.SUPERVISOR);
        Set<String> configRead = Set.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT);
        Set<String> care = Set.of(Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN);
        Map<String, Entry> t = new LinkedHashMap<>();
        t.put("PUT /api/v1/departments/{id}", new Entry(config, Scope.WRITE_403,
                (w, r) -> r.contentType(ContentType.JSON).body(Map.of("brand", w.brand(), "name", "Care",
                        "intents", List.of(), "topics", List.of(), "languages", List.of(), "position", 1))
                        .put("/api/v1/departments/{id}", w.brand() + "-care"), true));
        t.put("GET /api/v1/departments", new Entry(configRead, Scope.BRAND_403,
                (w, r) -> r.get("/api/v1/departments?brand={b}", w.brand()), true));
        t.put("PUT /api/v1/agents/{id}", new Entry(config, Scope.WRITE_403,
                (w, r) -> r.contentType(ContentType.JSON).body(Map.of("brand", w.brand(), "name", "ana",
                        "department", w.brand() + "-care", "languages", List.of("es"), "skills", List.of(),
                        "capacity", 5, "available", true))
                        .put("/api/v1/agents/{id}", w.brand() + "-ana"), true));
        t.put("GET /api/v1/agents", new Entry(config, Scope.BRAND_403,
                (w, r) -> r.get("/api/v1/agents?brand={b}", w.brand()), true));
        t.put("PUT /api/v1/sla-policies/{brand}", new Entry(config, Scope.WRITE_403,
                (w, r) -> r.contentType(ContentType.JSON).body(Map.of("firstResponseMinutes",
                        Map.of("critical", 15, "high", 60, "normal", 240, "low", 1440)))
                        .put("/api/v1/sla-policies/{b}", w.brand()), true));
        t.put("GET /api/v1/sla-policies/{brand}", new Entry(configRead, Scope.BRAND_403,
                (w, r) -> r.get("/api/v1/sla-policies/{b}", w.brand()), true));
        t.put("GET /api/v1/cases/{id}", new Entry(care, Scope.OBJECT_404,
                (w, r) -> r.get("/api/v1/cases/{id}", w.caseId()), true));
        t.put("GET /api/v1/cases/by-mention/{mentionId}", new Entry(care, Scope.OBJECT_404,
                (w, r) -> r.get("/api/v1/cases/by-mention/{id}", w.mentionId()), true));
        t.put("GET /api/v1/cases", new Entry(care, Scope.OWN_BRANDS_ONLY,
                (w, r) -> r.get("/api/v1/cases?limit=500"), true));
        t.put("POST /api/v1/cases/{id}/transfers", new Entry(care, Scope.OBJECT_404,
                (w, r) -> r.contentType(ContentType.JSON).body(Map.of("toDepartment", w.brand() + "-billing",
                        "reason", "cobro duplicado")).post("/api/v1/cases/{id}/transfers", w.caseId()), false));
        t.put("POST /api/v1/cases/{id}/resolve", new Entry(care, Scope.OBJECT_404,
                (w, r) -> r.contentType(ContentType.JSON).body(Map.of("note", "hecho"))
                        .post("/api/v1/cases/{id}/resolve", w.caseId()), false));
        t.put("POST /api/v1/cases/{id}/waiting-customer", new Entry(care, Scope.OBJECT_404,
                (w, r) -> r.post("/api/v1/cases/{id}/waiting-customer", w.caseId()), false));
        t.put("GET /api/v1/customers/{id}", new Entry(care, Scope.OBJECT_404,
                (w, r) -> r.get("/api/v1/customers/{id}", w.customerId()), true));
        t.put("GET /api/v1/stats", new Entry(Set.of(Roles.SUPERVISOR, Roles.ADMIN), Scope.BRAND_403,
                (w, r) -> r.get("/api/v1/stats?brand={b}", w.brand()), true));
        return t;
    }

    @Test
    void everyServedOperationHasAnEntryAndEveryEntryIsServed() {
        Set<String> served = servedOperations();
        Set<String> listed = new TreeSet<>(table().keySet());
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(served);
        assertTrue(missing.isEmpty() && stale.isEmpty(), "served operations without an entry: " + missing
                + "; entries no longer served: " + stale);
        assertTrue(served.size() >= 14, "expected the routing API in the OpenAPI document, got " + served);
    }

    @Test
    void everyOperationRefusesMissingExpiredAndForgedTokensAndRolesItDoesNotAllow() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Entry> op : table().entrySet()) {
            Entry e = op.getValue();
            expectProblem(failures, op.getKey() + " without a token", e.call().send(w, given()), 401);
            expectProblem(failures, op.getKey() + " with an expired token",
                    e.call().send(w, given().auth().oauth2(Tokens.expired("intruder", Roles.ADMIN, w.brand()))), 401);
            String forged = Tokens.token("intruder", Roles.ADMIN, w.brand());
            forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
            expectProblem(failures, op.getKey() + " with a forged signature",
                    e.call().send(w, given().auth().oauth2(forged)), 401);
            for (String role : ROLES) {
                if (!e.roles().contains(role)) {
                    expectProblem(failures, op.getKey() + " as " + role,
                            e.call().send(w, given().auth().oauth2(Tokens.token("intruder", role, w.brand()))), 403);
                }
            }
        }
        assertNothingChanged();
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void anAllowedRoleOutsideTheBrandNeverSeesOrChangesItsObjects() {
        List<String> failures = new ArrayList<>();
        String other = Fixtures.brand();
        for (Map.Entry<String, Entry> op : table().entrySet()) {
            Entry e = op.getValue();
            for (String role : e.roles()) {
                if (Roles.ADMIN.equals(role)) {
                    continue; // admin sees every brand
                }
                String token = Tokens.token("intruder", role, other);
                Response response = e.call().send(w, given().auth().oauth2(token));
                String what = op.getKey() + " as " + role + " of another brand";
                switch (e.scope()) {
                    case OBJECT_404 -> expectProblem(failures, what, response, 404);
                    case WRITE_403, BRAND_403 -> expectProblem(failures, what, response, 403);
                    case OWN_BRANDS_ONLY -> {
                        if (response.statusCode() != 200) {
                            failures.add(what + ": expected 200, got " + response.statusCode());
                        } else if (response.jsonPath().getList("items.brand").contains(w.brand())) {
                            failures.add(what + ": the list shows brand " + w.brand());
                        }
                    }
                }
            }
        }
        // an upsert aimed at an id of brand A, but claiming the caller's own brand, must not take it over
        given().auth().oauth2(Fixtures.supervisor(other)).contentType(ContentType.JSON)
                .body(Map.of("brand", other, "name", "Mine", "intents", List.of(), "topics", List.of(),
                        "languages", List.of()))
                .put("/api/v1/departments/{id}", w.brand() + "-care").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Fixtures.supervisor(other)).contentType(ContentType.JSON)
                .body(Map.of("brand", other, "name", "intruder", "department", w.brand() + "-care", "languages",
                        List.of("es"), "skills", List.of(), "capacity", 1, "available", true))
                .put("/api/v1/agents/{id}", w.brand() + "-ana").then().statusCode(404);
        assertNothingChanged();
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void allowedRolesInsideTheBrandAreServed() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Entry> op : table().entrySet()) {
            Entry e = op.getValue();
            if (!e.safeToRepeat()) {
                continue; // transfers, resolve and waiting-customer have their own tests in CaseApiTest
            }
            for (String role : e.roles()) {
                Response response = e.call().send(w, given().auth().oauth2(Tokens.token("intruder", role, w.brand())));
                if (response.statusCode() != 200) {
                    failures.add(op.getKey() + " as " + role + " of the brand: expected 200, got "
                            + response.statusCode() + " " + response.asString());
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    /** Operations under /api in the served OpenAPI document, as "METHOD path". */
    private static Set<String> servedOperations() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> result = new TreeSet<>();
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
        paths.forEach((path, item) -> {
            if (path.startsWith("/api")) {
                item.keySet().stream().filter(methods::contains)
                        .forEach(m -> result.add(m.toUpperCase() + " " + path));
            }
        });
        return result;
    }

    private static void expectProblem(List<String> failures, String what, Response response, int status) {
        if (response.statusCode() != status) {
            failures.add(what + ": expected " + status + ", got " + response.statusCode() + " " + response.asString());
            return;
        }
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            failures.add(what + ": expected application/problem+json, got " + type);
            return;
        }
        Object s = response.jsonPath().get("status");
        if (!(s instanceof Number n) || n.intValue() != status) {
            failures.add(what + ": problem status " + s);
        }
    }

    /** The refused calls left brand A's case, department and agent as they were. */
    private void assertNothingChanged() {
        JsonPath c = given().auth().oauth2(Fixtures.supervisor(w.brand())).get("/api/v1/cases/{id}", w.caseId())
                .then().statusCode(200).extract().jsonPath();
        assertEquals("assigned", c.getString("status"));
        assertEquals(w.brand() + "-care", c.getString("owner.department"));
        assertEquals(0, c.getList("transfers").size());
        assertFalse(c.getString("routingReason").contains("intruder"));
        List<Map<String, Object>> departments = given().auth().oauth2(Fixtures.supervisor(w.brand()))
                .get("/api/v1/departments?brand={b}", w.brand()).then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertEquals(2, departments.size());
        assertTrue(departments.stream().allMatch(d -> w.brand().equals(d.get("brand"))));
        assertEquals("Care", departments.get(0).get("name"));
        assertEquals(w.brand(), given().auth().oauth2(Fixtures.supervisor(w.brand()))
                .get("/api/v1/agents?brand={b}", w.brand()).then().statusCode(200).extract().jsonPath()
                .getString("[0].brand"));
    }
}
