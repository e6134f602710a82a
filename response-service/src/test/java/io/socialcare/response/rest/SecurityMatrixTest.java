package io.socialcare.response.rest;

import static io.restassured.RestAssured.given;
import static io.socialcare.response.Fixtures.brand;
import static io.socialcare.response.Fixtures.caseEvent;
import static io.socialcare.response.Fixtures.id;
import static io.socialcare.response.Fixtures.mention;
import static io.socialcare.response.Fixtures.openCase;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.socialcare.commons.security.Roles;
import io.socialcare.contract.CaseEvent;
import io.socialcare.response.Fixtures;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The security matrix of every served {@code /api} operation, enumerated from the OpenAPI document: a served
 * operation without an entry here, or an entry no longer served, fails the build. For each entry: no token and an
 * expired token are 401 problem+json, every role not allowed is 403 problem+json, and an allowed role without the
 * object's brand gets 404 (objects), 403 (writes into the brand) or only its own brands (lists), never the data.
 * Admin sees every brand (contract), so the brand rows apply to the other allowed roles. This service has no
 * endpoint authenticated by a signature instead of a token.
 */
@QuarkusTest
class SecurityMatrixTest {

    private static final List<String> ALL_ROLES = List.of(Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR,
            Roles.PRODUCT_MANAGER, Roles.ADMIN);
    private static final String PROBLEM = "application/problem+json";

    /** How brand scope applies to an operation. */
    enum Scope {
        /** Reads or changes one object: another brand's is 404. */
        OBJECT,
        /** Writes into the brand named in the body: a brand outside the token is 403. */
        WRITE,
        /** Lists: only the caller's brands; asking for another brand is 403. */
        LIST
    }

    record Entry(String method, String path, Set<String> allowed, Scope scope) {
        String key() {
            return method + " " + path;
        }
    }

    private static final Set<String> READERS = Set.of(Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN);
    private static final Set<String> TEMPLATE_WRITERS = Set.of(Roles.SUPERVISOR, Roles.ADMIN);

    static final List<Entry> MATRIX = List.of(
            new Entry("POST", "/api/v1/cases/{caseId}/replies", Set.of(Roles.AGENT, Roles.SUPERVISOR), Scope.OBJECT),
            new Entry("GET", "/api/v1/cases/{caseId}/replies", READERS, Scope.OBJECT),
            new Entry("GET", "/api/v1/replies/{id}", READERS, Scope.OBJECT),
            new Entry("POST", "/api/v1/replies/{id}/approve", Set.of(Roles.SUPERVISOR), Scope.OBJECT),
            new Entry("POST", "/api/v1/replies/{id}/reject", Set.of(Roles.SUPERVISOR), Scope.OBJECT),
            new Entry("POST", "/api/v1/templates", TEMPLATE_WRITERS, Scope.WRITE),
            new Entry("GET", "/api/v1/templates", READERS, Scope.LIST),
            new Entry("GET", "/api/v1/templates/{id}", READERS, Scope.OBJECT),
            new Entry("PUT", "/api/v1/templates/{id}", TEMPLATE_WRITERS, Scope.OBJECT),
            new Entry("DELETE", "/api/v1/templates/{id}", TEMPLATE_WRITERS, Scope.OBJECT));

    private String brandA;
    private String brandB;
    private String caseId;
    private String replyId;
    private String templateId;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void seedBrandA() {
        brandA = brand();
        brandB = brand();
        // a critical case: its reply waits for approval, so approve/reject have something to decide
        CaseEvent c = openCase(caseEvent(id(), 1, brandA, "critical", List.of(mention("forum", Instant.now()))));
        caseId = c.id();
        replyId = given().auth().oauth2(Fixtures.agent(brandA)).contentType(ContentType.JSON)
                .header("Idempotency-Key", id()).body(Map.of("text", "Hola, lo revisamos."))
                .post("/api/v1/cases/{id}/replies", caseId).then().statusCode(202).extract().path("id");
        templateId = given().auth().oauth2(Fixtures.supervisor(brandA)).contentType(ContentType.JSON)
                .body(templateBody("plantilla-" + id())).post("/api/v1/templates")
                .then().statusCode(201).extract().path("id");
    }

    private Map<String, Object> templateBody(String name) {
        return Map.of("brand", brandA, "name", name, "lang", "es", "text", "Hola {{customer.name}}, gracias.");
    }

    @Test
    void everyServedOperationHasAnEntryAndEveryEntryIsServed() {
        JsonNode paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().as(JsonNode.class)
                .get("paths");
        Set<String> served = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : List.of("get", "put", "post", "delete", "patch", "head", "options")) {
                if (path.getValue().has(method)) {
                    served.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        MATRIX.forEach(e -> listed.add(e.key()));
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(served);
        assertTrue(missing.isEmpty() && stale.isEmpty(), "Served operations without a security-matrix entry: "
                + missing + "; entries no longer served: " + stale);
    }

    @Test
    void everyOperationRefusesMissingExpiredAndWrongRoleTokensAndHidesOtherBrands() {
        for (Entry e : MATRIX) {
            expect(e, "no token", request(e, null), 401, true);
            expect(e, "expired token", request(e, Tokens.expired("eva", first(e.allowed()), brandA)), 401, true);
            for (String role : ALL_ROLES) {
                if (!e.allowed().contains(role)) {
                    expect(e, "role " + role, request(e, Tokens.token("rol", role, brandA)), 403, true);
                }
            }
            for (String role : e.allowed()) {
                if (role.equals(Roles.ADMIN)) {
                    continue; // admin sees every brand
                }
                String otherBrand = Tokens.token("otra", role, brandB);
                switch (e.scope()) {
                    case OBJECT -> expect(e, "role " + role + " of another brand", request(e, otherBrand), 404, true);
                    case WRITE -> expect(e, "role " + role + " writing into another brand", request(e, otherBrand),
                            403, true);
                    case LIST -> {
                        Response own = request(e, otherBrand);
                        if (own.statusCode() != 200 || own.asString().contains(brandA)) {
                            failures.add(e.key() + " role " + role + " of another brand: expected 200 without brand "
                                    + brandA + ", got " + own.statusCode() + " " + own.asString());
                        }
                        Response asked = authorized(otherBrand).queryParam("brand", brandA).get(e.path());
                        expect(e, "role " + role + " asking for another brand", asked, 403, true);
                    }
                }
            }
        }
        // the allowed roles of the object's brand do get through (the refusals above are not refusing everything);
        // deletes last, since they remove the seeded template
        for (Entry e : MATRIX) {
            if (!e.method().equals("DELETE")) {
                allowedPasses(e);
            }
        }
        MATRIX.stream().filter(e -> e.method().equals("DELETE")).forEach(this::allowedPasses);
        assertTrue(failures.isEmpty(), "Security matrix violations:\n" + String.join("\n", failures));
    }

    private void allowedPasses(Entry e) {
        String role = first(e.allowed());
        Response r = request(e, Tokens.token("permitida", role, brandA));
        boolean ok = r.statusCode() / 100 == 2
                || (r.statusCode() == 409 && e.path().endsWith("/reject")); // approved a moment before
        if (!ok) {
            failures.add(e.key() + " role " + role + " of the object's brand: expected 2xx, got " + r.statusCode()
                    + " " + r.asString());
        }
    }

    private void expect(Entry e, String who, Response r, int status, boolean problemJson) {
        String contentType = r.contentType() == null ? "" : r.contentType();
        if (r.statusCode() != status || (problemJson && !contentType.startsWith(PROBLEM))) {
            failures.add(e.key() + " " + who + ": expected " + status + (problemJson ? " " + PROBLEM : "") + ", got "
                    + r.statusCode() + " " + contentType + " " + r.asString());
        }
    }

    private static String first(Set<String> roles) {
        // a stable choice: the first allowed role in the contract's order
        return ALL_ROLES.stream().filter(roles::contains).findFirst().orElseThrow();
    }

    private static RequestSpecification authorized(String token) {
        RequestSpecification spec = given();
        return token == null ? spec : spec.auth().oauth2(token);
    }

    private Response request(Entry e, String token) {
        Map<String, Object> pathParams = new LinkedHashMap<>();
        if (e.path().contains("{caseId}")) {
            pathParams.put("caseId", caseId);
        }
        if (e.path().contains("{id}")) {
            pathParams.put("id", e.path().startsWith("/api/v1/templates") ? templateId : replyId);
        }
        RequestSpecification spec = authorized(token).pathParams(pathParams);
        if (e.path().equals("/api/v1/cases/{caseId}/replies") && e.method().equals("POST")) {
            spec = spec.contentType(ContentType.JSON).header("Idempotency-Key", id())
                    .body(Map.of("text", "Hola, seguimos con ello."));
        } else if (e.path().startsWith("/api/v1/templates") && (e.method().equals("POST") || e.method().equals("PUT"))) {
            spec = spec.contentType(ContentType.JSON).body(templateBody("plantilla-" + id()));
        }
        return spec.request(e.method(), e.path());
    }
}
