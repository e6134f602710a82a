package io.socialcare.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.socialcare.commons.security.Roles;
import io.socialcare.feedback.Mentions;
import io.socialcare.feedback.Seeds;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.ThemeRepository;
import io.socialcare.feedback.repository.TrendRepository;
import io.socialcare.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation the service serves has an entry here: the roles allowed (CONTRACT.md: product-manager, supervisor
 * and admin read; product-manager and admin change status and merge) and how brand scope applies. The served
 * operations are read twice, from the service's own OpenAPI document and from the JAX-RS annotations of its
 * resource classes; a new endpoint without an entry, or an entry no longer served, fails the build.
 *
 * <p>Public by design, and listed as such: {@code GET /dashboard/config.json} (the OIDC issuer and public client the
 * dashboard signs in with; no secret, no data) and the dashboard's static files under {@code /dashboard/} (the page
 * holds no data; it calls the API with the signed-in user's token). Operations endpoints ({@code /q/health},
 * {@code /q/metrics}, {@code /q/openapi}) need no token per the contract and are not application endpoints.</p>
 */
@QuarkusTest
class SecurityMatrixTest {

    private static final List<String> ROLES = List.of(Roles.PARTNER, Roles.AGENT, Roles.SUPERVISOR,
            Roles.PRODUCT_MANAGER, Roles.ADMIN);
    private static final Set<String> READ = Set.of(Roles.PRODUCT_MANAGER, Roles.SUPERVISOR, Roles.ADMIN);
    private static final Set<String> WRITE = Set.of(Roles.PRODUCT_MANAGER, Roles.ADMIN);

    /** The dashboard's static files: public by design (no data in them). */
    private static final List<String> PUBLIC_STATIC = List.of("/dashboard/", "/dashboard/index.html");

    /** How brand scope applies to an operation, for a caller whose brands lack brand A. */
    enum Scope {
        /** The path names an object of brand A: 404, existence is not leaked. */
        OBJECT_404,
        /** The request names brand A as a filter: 403; without the filter it shows the caller's brands only. */
        BRAND_403,
        /** Public by design: answered without a token. */
        PUBLIC
    }

    /**
     * One operation: roles allowed, scope rule, how to call it against the seeded world, and (for BRAND_403) how to
     * call it without the brand filter and read which of brand A's data the answer shows.
     */
    private record Entry(Set<String> roles, Scope scope, Call call, Call unfiltered, Leak leak, boolean safeToRepeat) {
    }

    @FunctionalInterface
    private interface Call {
        Response send(World w, RequestSpecification request);
    }

    /** True when the answer shows data of brand A. */
    @FunctionalInterface
    private interface Leak {
        boolean shows(World w, Response response);
    }

    /** Brand A with two themes and a trend counter of 7 mentions today. */
    private record World(String brand, String theme, String other) {
    }

    @Inject
    ThemeRepository themes;

    @Inject
    ContributionRepository contributions;

    @Inject
    TrendRepository trends;

    private World w;

    @BeforeEach
    void seed() {
        String brand = Mentions.uniqueBrand("matrix");
        String theme = Seeds.theme(themes, contributions, brand, "Leche de almendras", List.of("almond", "milk"), "ana");
        String other = Seeds.theme(themes, contributions, brand, "Abrir los domingos", List.of("open", "sunday"), "bea");
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        trends.apply("seed-" + brand, List.of(new TrendRepository.Delta(brand, "day", today, 7,
                new TreeMap<>(Map.of("suggestion", 7)), new TreeMap<>(Map.of("positive", 7))))).await().indefinitely();
        w = new World(brand, theme, other);
    }

    private static Map<String, Entry> table() {
        Map<String, Entry> t = new LinkedHashMap<>();
        t.put("GET /api/v1/themes", new Entry(READ, Scope.BRAND_403,
                (w, r) -> r.get("/api/v1/themes?brand={b}", w.brand()),
                (w, r) -> r.get("/api/v1/themes?limit=500"),
                (w, r) -> r.jsonPath().getList("items.brand").contains(w.brand()), true));
        t.put("GET /api/v1/themes/{id}", new Entry(READ, Scope.OBJECT_404,
                (w, r) -> r.get("/api/v1/themes/{id}", w.theme()), null, null, true));
        t.put("PATCH /api/v1/themes/{id}", new Entry(WRITE, Scope.OBJECT_404,
                (w, r) -> r.contentType(ContentType.JSON).body(Map.of("status", "under_review"))
                        .patch("/api/v1/themes/{id}", w.theme()), null, null, true));
        t.put("POST /api/v1/themes/{id}/merge", new Entry(WRITE, Scope.OBJECT_404,
                (w, r) -> r.contentType(ContentType.JSON).body(Map.of("into", w.other()))
                        .post("/api/v1/themes/{id}/merge", w.theme()), null, null, false));
        t.put("GET /api/v1/themes/export.csv", new Entry(READ, Scope.BRAND_403,
                (w, r) -> r.get("/api/v1/themes/export.csv?brand={b}", w.brand()),
                (w, r) -> r.get("/api/v1/themes/export.csv"),
                (w, r) -> r.asString().contains(w.theme()) || r.asString().contains(w.brand()), true));
        t.put("GET /api/v1/trends", new Entry(READ, Scope.BRAND_403,
                (w, r) -> r.get("/api/v1/trends?brand={b}", w.brand()),
                (w, r) -> r.get("/api/v1/trends?until={u}", Instant.now().plus(1, ChronoUnit.DAYS).toString()),
                (w, r) -> r.jsonPath().getList("buckets.mentions", Integer.class).stream()
                        .mapToInt(Integer::intValue).sum() >= 7, true));
        // public by design: where the dashboard signs in (issuer and public client id; no secret, no data)
        t.put("GET /dashboard/config.json", new Entry(Set.copyOf(ROLES), Scope.PUBLIC,
                (w, r) -> r.get("/dashboard/config.json"), null, null, true));
        return t;
    }

    @Test
    void everyServedOperationHasAnEntryAndEveryEntryIsServed() throws Exception {
        Set<String> listed = new TreeSet<>(table().keySet());
        Set<String> documented = documentedOperations();
        Set<String> annotated = annotatedOperations();
        assertEquals(listed, documented, "the OpenAPI document and the matrix disagree");
        assertEquals(listed, annotated, "the resource classes and the matrix disagree");
        assertTrue(annotated.size() >= 7, "expected the feedback API, got " + annotated);
    }

    @Test
    void everyOperationRefusesMissingExpiredAndForgedTokensAndRolesItDoesNotAllow() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Entry> op : table().entrySet()) {
            Entry e = op.getValue();
            if (e.scope() == Scope.PUBLIC) {
                expectStatus(failures, op.getKey() + " without a token (public by design)", e.call().send(w, given()),
                        200);
                continue;
            }
            expectProblem(failures, op.getKey() + " without a token", e.call().send(w, given()), 401);
            expectProblem(failures, op.getKey() + " with an expired token",
                    e.call().send(w, given().auth().oauth2(Tokens.expired("intruder", Roles.ADMIN, w.brand()))), 401);
            String forged = Tokens.token("intruder", Roles.ADMIN, w.brand());
            forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
            expectProblem(failures, op.getKey() + " with a forged signature",
                    e.call().send(w, given().auth().oauth2(forged)), 401);
            expectProblem(failures, op.getKey() + " with a malformed token",
                    e.call().send(w, given().header("Authorization", "Bearer not.a.jwt")), 401);
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
        String elsewhere = Mentions.uniqueBrand("elsewhere");
        for (Map.Entry<String, Entry> op : table().entrySet()) {
            Entry e = op.getValue();
            if (e.scope() == Scope.PUBLIC) {
                continue;
            }
            for (String role : e.roles()) {
                if (Roles.ADMIN.equals(role)) {
                    continue; // admin sees every brand
                }
                String token = Tokens.token("intruder", role, elsewhere);
                String what = op.getKey() + " as " + role + " of another brand";
                Response response = e.call().send(w, given().auth().oauth2(token));
                switch (e.scope()) {
                    case OBJECT_404 -> expectProblem(failures, what, response, 404);
                    case BRAND_403 -> {
                        expectProblem(failures, what + " naming brand A", response, 403);
                        Response unfiltered = e.unfiltered().send(w, given().auth().oauth2(token));
                        if (unfiltered.statusCode() != 200) {
                            failures.add(what + " without a brand filter: expected 200, got " + unfiltered.statusCode());
                        } else if (e.leak().shows(w, unfiltered)) {
                            failures.add(what + " without a brand filter: the answer shows brand " + w.brand());
                        }
                    }
                    case PUBLIC -> {
                    }
                }
            }
        }
        // the merge target of another brand is not found either, even for a caller who may see the source
        given().auth().oauth2(Tokens.token("intruder", Roles.PRODUCT_MANAGER, w.brand())).contentType(ContentType.JSON)
                .body(Map.of("into", Seeds.theme(themes, contributions, elsewhere, "Pan sin gluten", List.of("gluten"),
                        "cris")))
                .post("/api/v1/themes/{id}/merge", w.theme()).then().statusCode(404)
                .contentType("application/problem+json");
        assertNothingChanged();
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void allowedRolesInsideTheBrandAreServedAndSeeTheirData() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Entry> op : table().entrySet()) {
            Entry e = op.getValue();
            if (!e.safeToRepeat() || e.scope() == Scope.PUBLIC) {
                continue; // the merge has its own tests in MergeThemeTest and WriteEndpointsPropertyTest
            }
            for (String role : e.roles()) {
                String token = Tokens.token("insider", role, w.brand());
                Response response = e.call().send(w, given().auth().oauth2(token));
                expectStatus(failures, op.getKey() + " as " + role + " of the brand", response, 200);
                if (e.leak() != null && !e.leak().shows(w, e.unfiltered().send(w, given().auth().oauth2(token)))) {
                    failures.add(op.getKey() + " as " + role + " of the brand, without a brand filter: brand "
                            + w.brand() + " is missing");
                }
            }
        }
        // the merge, once, by an allowed role of the brand
        given().auth().oauth2(Tokens.token("insider", Roles.PRODUCT_MANAGER, w.brand())).contentType(ContentType.JSON)
                .body(Map.of("into", w.other())).post("/api/v1/themes/{id}/merge", w.theme())
                .then().statusCode(200);
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void theDashboardPageIsPublicAndHoldsNoData() {
        for (String path : PUBLIC_STATIC) {
            Response page = given().get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.contentType().startsWith("text/html"), path + ": " + page.contentType());
            assertTrue(!page.asString().contains(w.brand()) && !page.asString().contains(w.theme()), path);
        }
        JsonPath config = given().get("/dashboard/config.json").then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of("issuer", "clientId"), config.getMap("$").keySet(), "no secret in the sign-in settings");
    }

    /** Operations in the served OpenAPI document, as "METHOD path". */
    private static Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> result = new TreeSet<>();
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
        paths.forEach((path, item) -> item.keySet().stream().filter(methods::contains)
                .forEach(m -> result.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return result;
    }

    /** Operations declared by the JAX-RS annotations of the service's classes, as "METHOD path". */
    private static Set<String> annotatedOperations() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replace(".class", ""))
                    .filter(n -> n.startsWith("io.socialcare.feedback"))
                    .toList();
        }
        Set<String> result = new TreeSet<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, loader);
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                result.add(verb + " " + join(root.value(), sub == null ? "" : sub.value()));
            }
        }
        return result;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void expectStatus(List<String> failures, String what, Response response, int status) {
        if (response.statusCode() != status) {
            failures.add(what + ": expected " + status + ", got " + response.statusCode() + " " + response.asString());
        }
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

    /** The refused calls left brand A's themes as they were: status new, not merged. */
    private void assertNothingChanged() {
        for (String id : List.of(w.theme(), w.other())) {
            JsonPath theme = given().auth().oauth2(Tokens.token("auditor", Roles.ADMIN)).get("/api/v1/themes/{id}", id)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("new", theme.getString("status"), id);
            assertNull(theme.getString("mergedInto"), id);
            assertEquals(1, theme.getInt("mentions"), id);
        }
    }
}
