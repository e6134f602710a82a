package io.socialcare.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialcare.cli.Api;
import io.socialcare.cli.Keycloak;
import io.socialcare.stack.KafkaBroker;
import io.socialcare.stack.MongoWireServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realm file the local stack and k8s/ import, in a real Keycloak (the Maven Central distribution), issues
 * tokens that a packaged service accepts: roles in {@code realm_access.roles}, brand scope in {@code brands}.
 */
class KeycloakRealmIT {

    private static Process keycloak;
    private static KafkaBroker kafka;
    private static MongoWireServer mongo;
    private static ServiceProcesses services;
    private static Keycloak tokens;
    private static String keycloakUrl;
    private static String adminPassword;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        Path home = unpack(Path.of(System.getProperty("keycloak.zip")), root.resolve("suite-cli/target/keycloak"));
        // A fresh realm and admin on every run: forget the dev database an earlier run left behind.
        Path devDatabase = home.resolve("data/h2");
        if (Files.exists(devDatabase)) {
            try (var files = Files.walk(devDatabase)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(root.resolve("k8s/infra/keycloak/socialcare-realm.json"), imports.resolve("socialcare-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        int port = ServiceProcesses.freePort();
        String adminPassword = UUID.randomUUID().toString();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + ServiceProcesses.freePort(),
                "--import-realm", "--hostname-strict=false");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.redirectErrorStream(true).redirectOutput(root.resolve("suite-cli/target/keycloak.log").toFile());
        keycloak = builder.start();

        kafka = KafkaBroker.start(Files.createTempDirectory("realm-kafka"), 0, 0, 1);
        mongo = MongoWireServer.inMemory();
        keycloakUrl = "http://127.0.0.1:" + port;
        KeycloakRealmIT.adminPassword = adminPassword;
        awaitOk(keycloakUrl + "/realms/socialcare/.well-known/openid-configuration", Duration.ofSeconds(240));
        tokens = new Keycloak(keycloakUrl, "socialcare", "admin", adminPassword);

        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", mongo.connectionString());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakUrl + "/realms/socialcare");
        env.put("QUARKUS_OTEL_TRACES_SAMPLER", "always_off");
        services = new ServiceProcesses(root);
        services.start("listening", env);
        services.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (services != null) {
            services.close();
        }
        if (keycloak != null) {
            keycloak.destroy();
            keycloak.waitFor();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void realmTokensCarryRolesAndBrandsAndServicesEnforceThem() throws Exception {
        String agent = tokens.token("agent", List.of("aurora", "zeta"));
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(agent.split("\\.")[1]));
        assertTrue(claims.path("realm_access").path("roles").toString().contains("\"agent\""), claims.toString());
        assertEquals("[\"aurora\",\"zeta\"]", sorted(claims.path("brands")), "brands claim from the user attribute mapper");

        Api api = new Api();
        String admin = tokens.token("admin", List.of());
        String brands = services.url("listening") + "/api/v1/brands/aurora";
        assertEquals(403, api.put(brands, () -> agent, Map.of("name", "Aurora", "keywords", List.of("aurora"),
                "handles", List.of())).status(), "an agent may not configure brands");
        int created = api.put(brands, () -> admin, Map.of("name", "Aurora", "keywords", List.of("aurora"),
                "handles", List.of())).status();
        assertTrue(created / 100 == 2, "admin configures a brand with a Keycloak token (" + created + ")");

        String partner = tokens.token("partner", List.of("aurora"));
        Map<String, Object> mention = Map.of("brand", "aurora", "channel", "x", "externalId", "kc-" + UUID.randomUUID(),
                "author", Map.of("id", "x-1", "handle", "ana"), "text", "Hola Aurora, ¿abrís el domingo?",
                "publishedAt", Instant.now().minusSeconds(60).toString());
        assertEquals(202, api.post(services.url("listening") + "/api/v1/mentions", () -> partner, mention).status());

        String crm = partnerAppToken(keycloakUrl, adminPassword);
        JsonNode crmClaims = Api.JSON.readTree(Base64.getUrlDecoder().decode(crm.split("\\.")[1]));
        assertTrue(crmClaims.path("realm_access").path("roles").toString().contains("\"partner\""), crmClaims.toString());
        assertEquals("[\"aurora\"]", sorted(crmClaims.path("brands")), "the partner app's service account is scoped to aurora");
        Map<String, Object> fromCrm = new HashMap<>(mention);
        fromCrm.put("externalId", "kc-" + UUID.randomUUID());
        assertEquals(202, api.post(services.url("listening") + "/api/v1/mentions", () -> crm, fromCrm).status(),
                "a partner app pushes with its client-credentials token");

        String otherPartner = tokens.token("partner", List.of("zeta"));
        Map<String, Object> foreign = new HashMap<>(mention);
        foreign.put("externalId", "kc-" + UUID.randomUUID());
        assertEquals(403, api.post(services.url("listening") + "/api/v1/mentions", () -> otherPartner, foreign).status(),
                "a partner of another brand cannot post for aurora");
        assertEquals(401, api.post(services.url("listening") + "/api/v1/mentions", () -> agent + "x", foreign).status(),
                "a tampered token is refused");
    }

    /** The client-credentials token of the realm's example partner app; its secret is generated at import. */
    private static String partnerAppToken(String keycloakUrl, String adminPassword) {
        Api api = new Api();
        String admin = api.form(keycloakUrl + "/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password=" + adminPassword)
                .expect(200).body().get("access_token").asText();
        String clients = keycloakUrl + "/admin/realms/socialcare/clients";
        String id = api.get(clients + "?clientId=partner-demo", () -> admin).expect(200).body().get(0).get("id").asText();
        String secret = api.get(clients + "/" + id + "/client-secret", () -> admin).expect(200).body().get("value").asText();
        return api.form(keycloakUrl + "/realms/socialcare/protocol/openid-connect/token",
                "grant_type=client_credentials&client_id=partner-demo&client_secret=" + secret)
                .expect(200).body().get("access_token").asText();
    }

    private static String sorted(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        java.util.Collections.sort(values);
        return Api.JSON.valueToTree(values).toString();
    }

    private static Path unpack(Path zip, Path target) throws IOException, InterruptedException {
        Path home = target.resolve("keycloak-" + zip.getFileName().toString().replaceAll(".*-dist-(.*)\\.zip", "$1"));
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Files.createDirectories(target);
        Process unzip = new ProcessBuilder("unzip", "-q", "-o", zip.toString(), "-d", target.toString()).inheritIO().start();
        if (unzip.waitFor() != 0) {
            throw new IllegalStateException("could not unpack " + zip);
        }
        home.resolve("bin/kc.sh").toFile().setExecutable(true);
        return home;
    }

    private static void awaitOk(String url, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited: see suite-cli/target/keycloak.log");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak not ready within " + timeout);
    }
}
