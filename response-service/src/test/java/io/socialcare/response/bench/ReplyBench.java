package io.socialcare.response.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.socialcare.contract.CaseEvent;
import io.socialcare.response.ChannelStub;
import io.socialcare.stack.KafkaBroker;
import io.socialcare.testing.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Rerunnable benchmark of the packaged response-service: request → 202 latency at a fixed offered load, accepted
 * replies per second with N clients back to back, and how fast (and how often: exactly once) the accepted replies
 * reach the channel.
 *
 * <p>It starts everything it needs on free ports, nothing on the suite's: a Kafka broker (KRaft, in this JVM), the
 * OIDC test server (WireMock, signs the agents' tokens), a {@link ChannelStub} for the platforms, a scratch
 * PostgreSQL database {@code response_bench} (dropped and created), and the service itself as a child process from
 * {@code response-service/target/quarkus-app/quarkus-run.jar} (prod profile, {@code -Xmx256m} as {@code ./suite up}
 * runs it). Cases reach the service the way routing publishes them, on {@code cases}.</p>
 *
 * <p>Steps: warm-up ({@code BENCH_WARMUP_SECONDS}, closed loop, not counted); closed loop with {@code BENCH_CLIENTS}
 * clients for {@code BENCH_SECONDS} (throughput, posts while it runs, CPU of the service process and of the PostgreSQL
 * backends of its database per reply); the time until that backlog is posted; open loop at {@code BENCH_RATE}/s for
 * {@code BENCH_SECONDS} (latency measured from the moment each request was due, so a stalled server is not hidden by a
 * waiting client); then it waits until every accepted reply was posted and checks that none was posted twice. Results go to stdout and {@code target/reply-bench.md}.</p>
 *
 * <p>Run: {@code ./mvnw -B -o -q -pl response-service package -DskipTests} then
 * {@code ./mvnw -B -o -q -pl response-service exec:exec@reply-bench}, or see the README for the plain
 * {@code java -cp} form. Settings (environment): {@code BENCH_SECONDS} (20), {@code BENCH_RATE} (200),
 * {@code BENCH_CLIENTS} (16), {@code BENCH_CASES} (500), {@code BENCH_CHANNELS} ({@code x,facebook,forum}),
 * {@code BENCH_STUB_LATENCY_MS} (0: the platform's own answer time), {@code BENCH_JAVA_OPTS} ({@code -Xmx256m}),
 * {@code BENCH_SERVICE_ENV} (extra {@code KEY=VALUE,...} for the service), {@code PGHOST}/{@code PGPORT}/{@code PGUSER}.</p>
 */
public final class ReplyBench {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String BRAND = "bench-brand";
    private static final String DATABASE = "response_bench";

    private final int seconds = intEnv("BENCH_SECONDS", 20);
    private final int rate = intEnv("BENCH_RATE", 200);
    private final int clients = intEnv("BENCH_CLIENTS", 16);
    private final int warmup = intEnv("BENCH_WARMUP_SECONDS", 20);
    private final int caseCount = intEnv("BENCH_CASES", 500);
    private final List<String> channels = Arrays.asList(env("BENCH_CHANNELS", "x,facebook,forum").split(","));
    private final long stubLatencyMs = intEnv("BENCH_STUB_LATENCY_MS", 0);
    private final String javaOpts = env("BENCH_JAVA_OPTS", "-Xmx256m");
    private final String pgHost = env("PGHOST", "127.0.0.1");
    private final String pgPort = env("PGPORT", "5432");
    private final String pgUser = env("PGUSER", "postgres");
    private final String pgPassword = env("PGPASSWORD", "postgres");

    private KafkaBroker kafka;
    private OidcWiremockTestResource oidc;
    private ChannelStub stub;
    private Process service;
    private Vertx vertx;
    private HttpClient http;
    private String base;
    private final List<String> caseIds = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        ReplyBench bench = new ReplyBench();
        int code = 0;
        try {
            bench.run();
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        } finally {
            bench.stop();
        }
        System.exit(code);
    }

    private void run() throws Exception {
        Path app = Path.of(env("BENCH_APP", locateApp()));
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " is missing: ./mvnw -B -o -q -pl response-service package -DskipTests");
        }
        log("starting Kafka, OIDC test server, channel stub, scratch database " + DATABASE);
        kafka = KafkaBroker.start(Files.createTempDirectory("reply-bench-kafka"), 0, 0, 6);
        oidc = new OidcWiremockTestResource();
        String keycloak = oidc.start().get("keycloak.url");
        stub = ChannelStub.start().latency(stubLatencyMs);
        recreateDatabase();

        int port = freePort();
        base = "http://127.0.0.1:" + port;
        startService(app, port, keycloak);

        vertx = Vertx.vertx();
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000)
                .setIdleTimeout(60), new PoolOptions().setHttp1MaxSize(Math.max(clients, 64)));
        for (int i = 0; i < Math.max(clients, 8); i++) {
            tokens.add(Tokens.token("bench-agent-" + i, "agent", BRAND));
        }
        publishCases();

        log("warm-up: closed loop, " + clients + " clients, " + warmup + " s (not counted)");
        closedLoop(Duration.ofSeconds(warmup), "w");
        awaitPosted(Duration.ofSeconds(180));

        long postedBefore = stub.created();
        Instant startedAt = Instant.now();
        String loadAtStart = loadAverage();
        log("closed loop: " + clients + " clients for " + seconds + " s");
        long postedBeforeFlat = stub.created();
        long serviceCpuBefore = cpuMillis(service.pid());
        Map<Long, Long> pgCpuBefore = postgresCpu();
        Result flat = closedLoop(Duration.ofSeconds(seconds), "c");
        long postedDuringFlat = stub.created() - postedBeforeFlat;
        double serviceCpu = cpuMillis(service.pid()) - serviceCpuBefore;
        double pgCpu = cpuSince(pgCpuBefore, postgresCpu());
        long drainStart = System.nanoTime();
        awaitPosted(Duration.ofSeconds(180));
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

        log("open loop: " + rate + " replies/s for " + seconds + " s");
        long pacedCpuBefore = cpuMillis(service.pid());
        Result paced = openLoop(rate, Duration.ofSeconds(seconds));
        double pacedCpu = cpuMillis(service.pid()) - pacedCpuBefore;
        long accepted = paced.ok + flat.ok;
        long posted = awaitPosted(Duration.ofSeconds(180)) - postedBefore;
        Map<String, Long> statuses = replyStatuses();

        report.append("# response-service benchmark\n\n")
                .append("Run ").append(startedAt.truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", load average at start ").append(loadAtStart).append(", at the end ").append(loadAverage())
                .append(".\nService: packaged jar, prod profile, `").append(javaOpts).append("`; channels ")
                .append(channels).append("; stub answer time ").append(stubLatencyMs).append(" ms; ")
                .append(caseCount).append(" cases.\n\n")
                .append("| what | result | target |\n|---|---|---|\n")
                .append(row("accepted, " + clients + " clients back to back (" + seconds + " s)",
                        String.format("%.0f replies/s (p50 %.1f ms, p99 %.1f ms); %d errors %s", flat.perSecond,
                                flat.p(50), flat.p(99), flat.errors, flat.statuses),
                        "≥ 1,000/s: " + verdict(flat.perSecond >= 1000)))
                .append(row("posted while the clients ran", String.format("%.0f posts/s", postedDuringFlat / flat.seconds),
                        "≥ 1,000/s: " + verdict(postedDuringFlat / flat.seconds >= 1000)))
                .append(row("CPU per reply while the clients ran (accepted and posted)",
                        String.format("service %.2f ms, PostgreSQL %.2f ms (%.0f and %.0f CPU-ms in %.1f s)",
                                serviceCpu / Math.max(1, flat.ok), pgCpu / Math.max(1, flat.ok), serviceCpu, pgCpu,
                                flat.seconds),
                        String.format("2 cores would allow ≈ %.0f/s for these two alone",
                                2000.0 / Math.max(0.001, (serviceCpu + pgCpu) / Math.max(1, flat.ok)))))
                .append(row("backlog after the clients stopped", String.format("all posted %.1f s later", drainSeconds),
                        "—"))
                .append(row("request → 202 at " + rate + "/s (open loop, " + seconds + " s, after the closed loop)",
                        String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d×2xx, %d errors %s; service CPU %.0f%% "
                                + "of one core", paced.p(50), paced.p(99), paced.p(100), paced.ok, paced.errors,
                                paced.statuses, pacedCpu / (paced.seconds * 10)),
                        "p99 ≤ 20 ms: " + verdict(paced.p(99) <= 20)))
                .append(row("every accepted reply posted", posted + " of " + accepted + " accepted",
                        "all: " + verdict(posted >= accepted)))
                .append(row("posted twice", stub.duplicatedTexts().size() + " texts", "0: "
                        + verdict(stub.duplicatedTexts().isEmpty())))
                .append("\nReply statuses in the store: ").append(statuses).append("\n");
        System.out.println();
        System.out.println(report);
        Path out = Path.of(env("BENCH_REPORT", "response-service/target/reply-bench.md"));
        if (out.getParent() != null && Files.isDirectory(out.getParent())) {
            Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
            log("report written to " + out);
        }
    }

    // ------------------------------------------------------------------------------------------------ load

    /** What one load step measured. */
    private record Result(long ok, long errors, Map<Integer, Long> statuses, long[] micros, double seconds,
            double perSecond) {

        double p(double percentile) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, index))] / 1000.0;
        }
    }

    private final class Recorder {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        final long[] micros;
        final AtomicLong count = new AtomicLong();

        Recorder(int capacity) {
            micros = new long[capacity];
        }

        void record(int status, long startNanos) {
            long index = count.getAndIncrement();
            if (index < micros.length) {
                micros[(int) index] = Math.max(1, (System.nanoTime() - startNanos) / 1000);
            }
            statuses.merge(status, 1L, Long::sum);
            if (status / 100 == 2) {
                ok.incrementAndGet();
            } else {
                errors.incrementAndGet();
            }
        }

        Result result(double seconds) {
            long[] sorted = Arrays.copyOf(micros, (int) Math.min(count.get(), micros.length));
            Arrays.sort(sorted);
            return new Result(ok.get(), errors.get(), new TreeMap<>(statuses), sorted, seconds, ok.get() / seconds);
        }
    }

    private CompletableFuture<Integer> reply(String tag) {
        long n = sequence.incrementAndGet();
        String caseId = caseIds.get((int) (n % caseIds.size()));
        String token = tokens.get((int) (n % tokens.size()));
        String body = "{\"text\":\"Gracias por escribirnos, lo revisamos ahora mismo (ref " + tag + n + ").\"}";
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(base + "/api/v1/cases/"
                + caseId + "/replies")
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", "bench-" + tag + n)
                .setTimeout(30_000);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        http.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> response.statusCode()))
                .onComplete(ar -> done.complete(ar.succeeded() ? ar.result() : -1));
        return done;
    }

    private Result openLoop(int perSecond, Duration duration) throws InterruptedException {
        int total = (int) (perSecond * duration.toMillis() / 1000);
        Recorder recorder = new Recorder(total);
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        List<CompletableFuture<Integer>> all = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            all.add(reply("p").whenComplete((status, t) -> recorder.record(status, due)));
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log("open loop: not every answer came within 60 s");
        }
        return recorder.result((System.nanoTime() - start) / 1e9);
    }

    private Result closedLoop(Duration duration, String tag) throws InterruptedException {
        Recorder recorder = new Recorder(2_000_000);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            CompletableFuture<Void> loop = new CompletableFuture<>();
            loops.add(loop);
            next(tag, end, recorder, loop);
        }
        try {
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(duration.toSeconds() + 60,
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            log("closed loop: clients did not finish in time");
        }
        return recorder.result((System.nanoTime() - start) / 1e9);
    }

    private void next(String tag, long end, Recorder recorder, CompletableFuture<Void> loop) {
        if (System.nanoTime() >= end) {
            loop.complete(null);
            return;
        }
        long sent = System.nanoTime();
        reply(tag).whenComplete((status, t) -> {
            recorder.record(status, sent);
            next(tag, end, recorder, loop);
        });
    }

    /** Waits until the stub holds as many posts as the store has accepted agent replies; returns the stub's count. */
    private long awaitPosted(Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        long expected = -1;
        while (System.nanoTime() < deadline) {
            expected = count("SELECT count(*) FROM replies WHERE status IN ('queued', 'sent')");
            long queued = count("SELECT count(*) FROM replies WHERE status = 'queued'");
            if (queued == 0 && stub.created() >= count("SELECT count(*) FROM replies WHERE status = 'sent'")) {
                break;
            }
            Thread.sleep(200);
        }
        log("posted " + stub.created() + " (store: " + expected + " queued or sent)");
        return stub.created();
    }

    // ------------------------------------------------------------------------------------------------ setup

    private void startService(Path app, int port, String keycloak) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
        command.add("-jar");
        command.add(app.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_USERNAME", pgUser);
        env.put("QUARKUS_DATASOURCE_PASSWORD", pgPassword);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + pgHost + ":" + pgPort + "/" + DATABASE);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + DATABASE);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak + "/realms/quarkus/");
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER);
        // as ./suite up runs it: no collector here, trace context still flows
        env.put("QUARKUS_OTEL_TRACES_SAMPLER", "always_off");
        for (String channel : List.of("x", "facebook", "instagram", "youtube", "tiktok", "linkedin", "blog", "forum",
                "review", "partner")) {
            String upper = channel.toUpperCase(java.util.Locale.ROOT);
            env.put("CHANNELS_" + upper + "_URL", stub.baseUrl() + "/" + channel);
            env.put("CHANNELS_" + upper + "_SECRET", "bench-secret");
        }
        env.put("CHANNELS_X_ACCOUNT", ChannelStub.X_ACCOUNT);
        env.put("CHANNELS_FACEBOOK_ACCOUNT", ChannelStub.FACEBOOK_PAGE);
        env.put("CHANNELS_INSTAGRAM_ACCOUNT", ChannelStub.INSTAGRAM_ACCOUNT);
        for (String pair : env("BENCH_SERVICE_ENV", "").split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        Path log = Files.createTempFile("reply-bench-service", ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        log("starting " + app + " on port " + port + " (log " + log + ")");
        long started = System.nanoTime();
        service = builder.start();
        HttpClient probe = Vertx.vertx().createHttpClient();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                if (!service.isAlive()) {
                    throw new IllegalStateException("the service exited; see " + log);
                }
                int status;
                try {
                    status = probe.request(HttpMethod.GET, port, "127.0.0.1", "/q/health/ready")
                            .compose(r -> r.send()).map(r -> r.statusCode())
                            .toCompletionStage().toCompletableFuture()
                            .handle((s, t) -> t == null ? s : -1).get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    status = -1;
                }
                if (status == 200) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the service was not ready in 120 s; see " + log);
                }
                Thread.sleep(250);
            }
        } finally {
            probe.close();
        }
        log(String.format("ready in %.1f s", (System.nanoTime() - started) / 1e9));
    }

    private void publishCases() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < caseCount; i++) {
                String caseId = UUID.randomUUID().toString();
                String channel = channels.get(i % channels.size());
                String externalId = String.valueOf(1_700_000_000_000_000_000L + i);
                CaseEvent.MentionRef mention = new CaseEvent.MentionRef(UUID.randomUUID().toString(), channel,
                        externalId, externalId, "author-" + i, "cliente_" + i, "Cliente " + i, now);
                CaseEvent event = new CaseEvent("case.opened", caseId, 1, BRAND, "cust-" + i, "Cliente " + i,
                        "assigned", "normal", "complaint", new CaseEvent.Owner("soporte", "bench-agent"),
                        List.of(mention), now.plusSeconds(900), now, now);
                producer.send(new ProducerRecord<>("cases", caseId, JSON.writeValueAsString(event)));
                caseIds.add(caseId);
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (count("SELECT count(*) FROM cases") < caseCount) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not project the cases in 120 s");
            }
            Thread.sleep(250);
        }
        log(caseCount + " cases projected");
    }

    private Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database, pgUser,
                pgPassword);
    }

    private void recreateDatabase() throws Exception {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = connect(DATABASE); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private Map<String, Long> replyStatuses() throws Exception {
        Map<String, Long> result = new LinkedHashMap<>();
        try (Connection c = connect(DATABASE); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT status, count(*) FROM replies GROUP BY status ORDER BY status")) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2));
            }
        }
        return result;
    }

    private void stop() {
        if (service != null) {
            service.destroy();
            try {
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            } catch (InterruptedException e) {
                service.destroyForcibly();
            }
        }
        if (http != null) {
            http.close();
        }
        if (vertx != null) {
            vertx.close();
        }
        if (stub != null) {
            stub.close();
        }
        if (oidc != null) {
            oidc.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** CPU time (user + system) a process used so far, in ms; 0 when unreadable. */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the command: state(0) ... utime(11) stime(12), in clock ticks of 10 ms
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (Exception e) {
            return 0;
        }
    }

    /** CPU time of each PostgreSQL backend serving the benchmark's database. */
    private Map<Long, Long> postgresCpu() throws Exception {
        Map<Long, Long> result = new LinkedHashMap<>();
        try (Connection c = connect(DATABASE); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = '" + DATABASE
                        + "' AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                result.put(rs.getLong(1), cpuMillis(rs.getLong(1)));
            }
        }
        return result;
    }

    private static double cpuSince(Map<Long, Long> before, Map<Long, Long> after) {
        double sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    private static String locateApp() {
        for (String candidate : List.of("response-service/target/quarkus-app/quarkus-run.jar",
                "target/quarkus-app/quarkus-run.jar")) {
            if (Files.exists(Path.of(candidate))) {
                return candidate;
            }
        }
        return "response-service/target/quarkus-app/quarkus-run.jar";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String row(String what, String result, String target) {
        return "| " + what + " | " + result + " | " + target + " |\n";
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name, fallback) : value;
    }

    private static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    private static void log(String message) {
        System.out.println("[reply-bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
