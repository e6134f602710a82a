package io.socialcare.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.socialcare.cli.Api;
import io.socialcare.cli.Keycloak;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code ./suite bench soak}: single-mention ingest at a fixed offered rate (1,000 requests/s) for a fixed time
 * (5 minutes), open loop, counting every answer that is not a 202 and every request that failed, with latency per
 * 10-second window. Writes {@code bench/results/soak/report.md} and a chart; exits with 1 when any request failed.
 */
public final class Soak {

    private static final String BRAND = "soak";

    private final Map<String, String> env = System.getenv();
    private final double rate = Double.parseDouble(env.getOrDefault("SOAK_RATE", "1000"));
    private final int seconds = Integer.parseInt(env.getOrDefault("SOAK_SECONDS", "300"));
    private final String listening = env.getOrDefault("LISTENING_URL", "http://127.0.0.1:8081");
    private final Path root = Path.of(env.getOrDefault("SUITE_ROOT", ".")).toAbsolutePath().normalize();
    private final Api api = new Api();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(new Soak().run());
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        Keycloak keycloak = new Keycloak(env.getOrDefault("KEYCLOAK_URL", "http://127.0.0.1:8180"), "socialcare", "admin",
                env.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", ""));
        String admin = keycloak.token("admin", List.of());
        String partner = keycloak.token("partner", List.of(BRAND));
        api.put(listening + "/api/v1/brands/" + BRAND, () -> admin, Map.of("name", "Soak", "keywords", List.of("soak"),
                "handles", List.of("@soak"))).expect(200, 201, 204);

        int windows = (int) Math.ceil(seconds / 10.0);
        Recorder[] recorders = new Recorder[windows];
        for (int w = 0; w < windows; w++) {
            recorders[w] = new Recorder(3);
        }
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicLong outstanding = new AtomicLong();
        long total = (long) (rate * seconds);
        long interval = (long) (1e9 / rate);
        long maxLagNanos = 0;
        log("offering %.0f mentions/s for %d s (%d requests)", rate, seconds, total);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else {
                maxLagNanos = Math.max(maxLagNanos, -wait);
            }
            int window = (int) Math.min(windows - 1, (due - start) / 10_000_000_000L);
            outstanding.incrementAndGet();
            Load.send(mention(i, partner)).whenComplete((answer, failure) -> {
                recorders[window].recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                if (failure != null) {
                    failures.computeIfAbsent(failure.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                } else {
                    statuses.computeIfAbsent(answer.statusCode(), k -> new AtomicLong()).incrementAndGet();
                }
                outstanding.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;

        Histogram all = new Histogram(3);
        double[] x = new double[windows];
        double[] p50 = new double[windows];
        double[] p99 = new double[windows];
        double[] p999 = new double[windows];
        for (int w = 0; w < windows; w++) {
            Histogram h = recorders[w].getIntervalHistogram();
            all.add(h);
            x[w] = w * 10;
            p50[w] = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1000.0;
            p99[w] = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0;
            p999[w] = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99.9) / 1000.0;
        }
        long accepted = statuses.getOrDefault(202, new AtomicLong()).get();
        long errors = total - accepted;
        Map<String, Long> answers = new TreeMap<>();
        statuses.forEach((k, v) -> answers.put(String.valueOf(k), v.get()));
        failures.forEach((k, v) -> answers.put(k, v.get()));
        boolean ok = errors == 0 && outstanding.get() == 0;

        Report report = new Report(root.resolve("bench/results/soak"));
        report.line("# Soak report").line("")
                .line("Run %s on %d cores; `./suite bench soak` rewrote this file. One open-loop client offered %s single "
                        + "mentions/s to `POST /api/v1/mentions` for %d s (SOAK_RATE, SOAK_SECONDS), each analysed, stored and "
                        + "published; latency is measured from the moment each request was due.",
                        started.truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(), Report.fmt(rate),
                        seconds)
                .heading("Result")
                .table("what", "result", "target")
                .row("requests offered", total, "")
                .row("accepted (202)", accepted + " in " + Report.fmt(elapsed) + " s", "")
                .row("errors (any other answer, or no answer)", errors + (answers.isEmpty() ? "" : " — answers " + answers),
                        "zero: " + Report.verdict(errors == 0))
                .row("latency p50 / p99 / p99.9", Report.fmt(p(all, 50)) + " / " + Report.fmt(p(all, 99)) + " / "
                        + Report.fmt(p(all, 99.9)) + " ms", "")
                .row("load generator's worst lag behind schedule", Report.fmt(maxLagNanos / 1e6) + " ms",
                        "small, or the offered rate was not really offered");
        report.chart("soak-latency", "Single ingest at " + Report.fmt(rate) + "/s: latency per 10 s window", "seconds", "ms",
                x, List.of("p50", "p99", "p99.9"), List.of(p50, p99, p999));
        report.line("").line("Overall: %s.", ok ? "zero errors" : "**errors**");
        report.write();
        log("report written to bench/results/soak/report.md: %d errors of %d", errors, total);
        return ok ? 0 : 1;
    }

    private static double p(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private HttpRequest mention(long i, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("brand", BRAND);
        body.put("channel", i % 3 == 0 ? "instagram" : "x");
        body.put("externalId", "soak-" + run + "-" + i);
        body.put("author", Map.of("id", "soak-" + run + "-a" + (i % 5000), "handle", "cliente" + (i % 5000)));
        body.put("text", switch ((int) (i % 4)) {
            case 0 -> "@soak otra vez sin conexión en casa, ya van tres días y nadie me da una solución";
            case 1 -> "@soak ¿a qué hora abre la tienda del centro el domingo?";
            case 2 -> "@soak deberían añadir pago con Bizum en la app, sería mucho más cómodo";
            default -> "@soak muchas gracias a Laura por resolverlo tan rápido, un servicio de diez";
        });
        body.put("publishedAt", Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            return HttpRequest.newBuilder(URI.create(listening + "/api/v1/mentions"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(String format, Object... args) {
        System.out.println("soak: " + String.format(format, args));
    }
}
