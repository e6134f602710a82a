package io.socialcare.routing.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.socialcare.stack.KafkaBroker;
import io.socialcare.testing.Tokens;

/**
 * Measures routing-service from {@code mentions} to an assigned case: starts a Kafka broker (KRaft, in this JVM), the
 * OIDC test server, a scratch PostgreSQL database ({@code routing_bench}, recreated) and the packaged service
 * ({@code target/quarkus-app/quarkus-run.jar}) on free ports, configures departments and agents through the API, then
 * drives {@link RoutingLoad} at fixed offered loads and flat out, and prints a Markdown table.
 * <p>
 * Settings (system properties): {@code bench.loads} (default {@code 500,1000,2000,max}; {@code max} = flat out),
 * {@code bench.seconds} per fixed-load step (default 20), {@code bench.max-count} mentions of the flat-out step
 * (default 40000), {@code bench.partitions} of {@code mentions} (default 6, as {@code ./suite up}),
 * {@code bench.agents} (default 200, capacity 1000 each), {@code bench.repeat} share of follow-ups (default 0.1),
 * {@code bench.jvm} extra JVM options of the service (e.g. {@code -Xmx512m}), {@code bench.out} a file that gets the
 * table too. PostgreSQL from {@code PGHOST}/{@code PGPORT}/{@code PGUSER}/{@code PGPASSWORD} (default
 * 127.0.0.1:5432, postgres).
 */
public final class RoutingBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BRAND = "benchbrand";

    private RoutingBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> loads = List.of(System.getProperty("bench.loads", "500,1000,2000,max").split(","));
        int seconds = Integer.getInteger("bench.seconds", 20);
        int maxCount = Integer.getInteger("bench.max-count", 40_000);
        int partitions = Integer.getInteger("bench.partitions", 6);
        int agents = Integer.getInteger("bench.agents", 200);
        double repeat = Double.parseDouble(System.getProperty("bench.repeat", "0.1"));
        Path jar = Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package routing-service first");
        }

        String pgHost = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
        String pgPort = System.getenv().getOrDefault("PGPORT", "5432");
        String pgUser = System.getenv().getOrDefault("PGUSER", "postgres");
        String pgPassword = System.getenv().getOrDefault("PGPASSWORD", "postgres");
        recreateDatabase(pgHost, pgPort, pgUser, pgPassword, "routing_bench");

        log("starting Kafka (" + partitions + " partitions) and the OIDC test server");
        KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("routing-bench-kafka"), 0, 0, partitions);
        OidcWiremockTestResource oidc = new OidcWiremockTestResource();
        Map<String, String> oidcConfig = oidc.start();
        Process service = null;
        Path serviceLog = Files.createTempFile("routing-bench-service", ".log");
        try {
            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String jvm = System.getProperty("bench.jvm", "");
            if (!jvm.isBlank()) {
                command.addAll(List.of(jvm.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(serviceLog.toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("QUARKUS_DATASOURCE_USERNAME", pgUser);
            env.put("QUARKUS_DATASOURCE_PASSWORD", pgPassword);
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + pgHost + ":" + pgPort + "/routing_bench");
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + pgHost + ":" + pgPort + "/routing_bench");
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcConfig.get("keycloak.url") + "/realms/quarkus/");
            env.put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER);
            // no collector runs here: no spans are recorded or exported
            env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            log("starting " + jar + " on port " + port + " (log: " + serviceLog + ")");
            long startNanos = System.nanoTime();
            service = builder.start();
            while (!ready(base)) {
                if (!service.isAlive() || System.nanoTime() - startNanos > 120_000_000_000L) {
                    throw new IllegalStateException("routing-service did not start:\n" + Files.readString(serviceLog));
                }
                Thread.sleep(50);
            }
            log(String.format(Locale.ROOT, "ready in %.1f s", (System.nanoTime() - startNanos) / 1e9));
            configure(base, agents);

            List<RoutingLoad.Result> results = new ArrayList<>();
            List<String> context = new ArrayList<>();
            try (RoutingLoad load = new RoutingLoad(broker.bootstrapServers(), BRAND, repeat, 0.2)) {
                log("warm-up: 200/s for 10 s");
                load.fixedRate("warm-up", 200, Duration.ofSeconds(10), Duration.ofSeconds(30));
                for (String step : loads) {
                    double cpuBefore = cpuSeconds(service);
                    String loadBefore = loadAverage();
                    RoutingLoad.Result r;
                    if (step.trim().equals("max")) {
                        log("flat out: " + maxCount + " mentions");
                        r = load.flatOut("flat out", maxCount, Duration.ofSeconds(180));
                    } else {
                        double rate = Double.parseDouble(step.trim());
                        log("offered " + step.trim() + "/s for " + seconds + " s");
                        r = load.fixedRate(step.trim() + "/s", rate, Duration.ofSeconds(seconds),
                                Duration.ofSeconds(60));
                    }
                    results.add(r);
                    double cpu = cpuSeconds(service) - cpuBefore;
                    context.add(String.format(Locale.ROOT, "%.2f | %s → %s", r.routed() == 0 ? Double.NaN
                            : cpu * 1000 / r.routed(), loadBefore, loadAverage()));
                    log(row(r));
                    Thread.sleep(3_000);
                }
            }
            String table = table(results, context, seconds);
            System.out.println();
            System.out.println(table);
            String out = System.getProperty("bench.out");
            if (out != null && !out.isBlank()) {
                Files.writeString(Path.of(out), table);
            }
        } finally {
            if (service != null) {
                service.destroy();
                if (!service.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
            oidc.stop();
            broker.close();
        }
    }

    private static String table(List<RoutingLoad.Result> results, List<String> context, int seconds) {
        StringBuilder s = new StringBuilder();
        s.append("| step | offered/s | published | routed | routed/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms"
                + " | service CPU ms/mention | load average before → after |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < results.size(); i++) {
            RoutingLoad.Result r = results.get(i);
            s.append(String.format(Locale.ROOT,
                    "| %s | %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                    r.name(), r.offeredPerSecond() == 0 ? "flat out" : String.format(Locale.ROOT, "%.0f",
                            r.offeredPerSecond()), r.published(), r.routed(), r.routedPerSecond(), r.p50(), r.p90(),
                    r.p99(), r.p999(), r.max(), context.get(i)));
        }
        s.append(String.format(Locale.ROOT, "%nfixed-load steps last %d s each; latency = publish (due time) → first"
                + " record on `cases` holding the mention with an agent; %s%n", seconds, Instant.now()));
        return s.toString();
    }

    /** CPU time the service process used so far (user and system), in seconds. */
    private static double cpuSeconds(Process service) {
        return service.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** The machine's 1-minute load average (other processes compete for the same cores). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String row(RoutingLoad.Result r) {
        return String.format(Locale.ROOT, "%s: %d of %d routed, %.0f/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms,"
                + " max %.1f ms", r.name(), r.routed(), r.published(), r.routedPerSecond(), r.p50(), r.p99(), r.p999(),
                r.max());
    }

    /** Two departments (complaints; everything else) and {@code agents} agents of capacity 1000 shared by them. */
    private static void configure(String base, int agents) throws Exception {
        String token = Tokens.token("bench", "admin");
        put(base + "/api/v1/departments/bench-complaints", token, "{\"brand\":\"" + BRAND + "\","
                + "\"name\":\"Complaints\",\"intents\":[\"complaint\"],\"topics\":[],\"languages\":[],\"position\":1}");
        put(base + "/api/v1/departments/bench-care", token, "{\"brand\":\"" + BRAND + "\",\"name\":\"Care\","
                + "\"intents\":[],\"topics\":[],\"languages\":[],\"position\":2}");
        for (int i = 0; i < agents; i++) {
            String department = i % 2 == 0 ? "bench-complaints" : "bench-care";
            put(base + "/api/v1/agents/bench-agent-" + i, token, "{\"brand\":\"" + BRAND + "\",\"name\":\"Agent " + i
                    + "\",\"department\":\"" + department + "\",\"languages\":[\"es\",\"en\",\"pt\"],\"skills\":[],"
                    + "\"capacity\":1000,\"available\":true}");
        }
        log("configured 2 departments and " + agents + " agents");
    }

    private static void put(String url, String token, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("PUT " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static boolean ready(String base) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static void recreateDatabase(String host, String port, String user, String password, String database)
            throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user,
                password); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + database);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String message) {
        System.out.println("[routing-bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
