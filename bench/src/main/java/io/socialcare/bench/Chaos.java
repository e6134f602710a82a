package io.socialcare.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialcare.cli.Api;
import io.socialcare.cli.Keycloak;
import org.HdrHistogram.Histogram;

/**
 * {@code ./suite chaos}: while a steady stream of mentions (and replies to the cases they open) flows through the
 * four services, injects one fault after another into the local stack through {@code ./suite fault}: the broker
 * killed with SIGKILL and restarted, the broker paused for 30 s, routing-service killed with SIGKILL and restarted,
 * PostgreSQL restarted, the MongoDB wire server restarted. After each fault it waits for latency from a mention to
 * its case's owner to return to the level measured before the first fault (the limit is 60 s).
 *
 * <p>Then it reconciles: every mention listening-service accepted (202) is in exactly one case, no customer has two
 * cases, every reply response-service accepted was posted to the channel exactly once and none twice. It writes
 * {@code bench/results/chaos/report.md} with a latency chart and exits with 1 when any guarantee broke.</p>
 */
public final class Chaos {

    private static final String BRAND = "chaos";
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    private final Api api = new Api();
    private final Map<String, String> env = System.getenv();
    private final double rate = Double.parseDouble(env.getOrDefault("CHAOS_RATE", "25"));
    private final int customers = Integer.parseInt(env.getOrDefault("CHAOS_CUSTOMERS", "300"));
    private final List<String> faults = List.of(env.getOrDefault("CHAOS_FAULTS",
            "kill-kafka,pause-kafka,kill-routing,restart-postgres,restart-mongo").split(","));
    private final String listening = env.getOrDefault("LISTENING_URL", "http://127.0.0.1:8081");
    private final String routing = env.getOrDefault("ROUTING_URL", "http://127.0.0.1:8082");
    private final String response = env.getOrDefault("RESPONSE_URL", "http://127.0.0.1:8083");
    private final String sandbox = env.getOrDefault("SANDBOX_URL", "http://127.0.0.1:8090");
    private final String kafka = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private final Path root = Path.of(env.getOrDefault("SUITE_ROOT", ".")).toAbsolutePath().normalize();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Keycloak keycloak = new Keycloak(env.getOrDefault("KEYCLOAK_URL", "http://127.0.0.1:8180"), "socialcare",
            "admin", env.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", ""));
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final long origin = System.nanoTime();

    /** One mention the stream sent: when, for whom, and what listening-service answered. */
    private static final class Sent {
        final long index;
        final String author;
        final long sentAt;
        volatile int status;
        volatile String mentionId;

        Sent(long index, String author, long sentAt) {
            this.index = index;
            this.author = author;
            this.sentAt = sentAt;
        }
    }

    /** One reply the stream asked for, retried with its key until accepted, as a careful client would. */
    private static final class ReplyAttempt {
        final String key;
        final String caseId;
        final String ref;
        volatile int attempts;
        volatile boolean accepted;
        volatile String replyId;
        /** Held for a supervisor (a critical case, or a risky text) and not approved yet. */
        volatile boolean awaitingApproval;

        ReplyAttempt(String key, String caseId, String ref) {
            this.key = key;
            this.caseId = caseId;
            this.ref = ref;
        }
    }

    /** What one fault did. */
    private record FaultRun(String name, double startedAt, double endedAt, long acceptedDuring, long refusedDuring,
            double recoverySeconds, boolean recovered) {
    }

    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final List<ReplyAttempt> replies = new CopyOnWriteArrayList<>();
    private final AtomicBoolean streaming = new AtomicBoolean(true);
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong approved = new AtomicLong();

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        int exit = new Chaos().run();
        System.exit(exit);
    }

    private String token(String role) {
        return tokens.computeIfAbsent(role, r -> keycloak.token(r, "admin".equals(r) ? List.of() : List.of(BRAND)));
    }

    private Supplier<String> as(String role) {
        return () -> token(role);
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        configure();
        Report report = new Report(root.resolve("bench/results/chaos"));
        List<FaultRun> runs = new ArrayList<>();
        try (CaseWatcher watcher = new CaseWatcher(kafka)) {
            Thread mentions = new Thread(this::streamMentions, "chaos-mentions");
            Thread answers = new Thread(() -> streamReplies(watcher), "chaos-replies");
            mentions.start();
            answers.start();

            log("steady stream at %.0f mentions/s; measuring the normal latency for 30 s", rate);
            Thread.sleep(30_000);
            double baselineP99 = windowP99(watcher, seconds(System.nanoTime()) - 25, seconds(System.nanoTime()) - 5);
            for (int extra = 0; Double.isNaN(baselineP99) && extra < 12; extra++) {
                Thread.sleep(5_000);
                baselineP99 = windowP99(watcher, seconds(System.nanoTime()) - 25, seconds(System.nanoTime()) - 5);
            }
            if (Double.isNaN(baselineP99)) {
                log("no mention reached a case with an owner before any fault: the stack is not working; stopping");
                streaming.set(false);
                return 2;
            }
            double normal = Math.max(2 * baselineP99, baselineP99 + 250);
            log("normal p99 mention → owner %.0f ms; recovered means a %d s window with p99 ≤ %.0f ms", baselineP99,
                    WINDOW.toSeconds(), normal);

            for (String fault : faults) {
                double faultStart = seconds(System.nanoTime());
                long acceptedBefore = countAccepted();
                long refusedBefore = countRefused();
                log("fault %s", fault);
                int rc = fault(fault.trim());
                double faultEnd = seconds(System.nanoTime());
                if (rc != 0) {
                    log("./suite fault %s exited with %d", fault, rc);
                }
                double recoveredAt = waitForRecovery(watcher, faultEnd, normal);
                boolean recovered = !Double.isNaN(recoveredAt) && recoveredAt - faultEnd <= RECOVERY_LIMIT.toSeconds();
                runs.add(new FaultRun(fault.trim(), faultStart, faultEnd, countAccepted() - acceptedBefore,
                        countRefused() - refusedBefore, Double.isNaN(recoveredAt) ? Double.NaN : recoveredAt - faultEnd,
                        recovered && rc == 0));
                log("%s: back to normal %s", fault, Double.isNaN(recoveredAt) ? "never (within the limit)"
                        : String.format("%.1f s after the fault ended", recoveredAt - faultEnd));
                Thread.sleep(10_000);
            }
            streaming.set(false);
            mentions.join();
            answers.join();
            long waitUntil = System.nanoTime() + 60_000_000_000L;
            while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }

            log("stream stopped; waiting for every accepted mention to reach a case with an owner");
            waitUntil = System.nanoTime() + 180_000_000_000L;
            while (System.nanoTime() < waitUntil && accepted().stream().anyMatch(s -> watcher.assignedAt(s.mentionId) == null)) {
                Thread.sleep(500);
            }
            log("finishing replies that were not accepted yet (same keys)");
            finishReplies();
            return reconcile(report, watcher, runs, baselineP99, normal, started);
        }
    }

    private void configure() {
        api.put(listening + "/api/v1/brands/" + BRAND, as("admin"), Map.of("name", "Chaos", "keywords",
                List.of("chaos", "aurora"), "handles", List.of("@chaos"))).expect(200, 201, 204);
        api.put(routing + "/api/v1/departments/chaos-care", as("admin"), Map.of("brand", BRAND, "name", "Care",
                "intents", List.of(), "topics", List.of(), "languages", List.of(), "position", 1)).expect(200, 201, 204);
        for (int i = 0; i < 10; i++) {
            api.put(routing + "/api/v1/agents/chaos-agent-" + i, as("admin"), Map.of("brand", BRAND, "name", "Agente " + i,
                    "department", "chaos-care", "languages", List.of("es", "en", "pt"), "skills", List.of(),
                    "capacity", 1000, "available", true)).expect(200, 201, 204);
        }
    }

    /** Open loop: one mention every 1/rate seconds whatever the answers do; customers come back again and again. */
    private void streamMentions() {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (long i = 0; streaming.get(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            Sent s = new Sent(i, run + "-c" + (i % customers), System.nanoTime());
            sent.add(s);
            inFlight.incrementAndGet();
            Load.send(mention(s)).whenComplete((answer, failure) -> {
                try {
                    if (failure == null) {
                        s.status = answer.statusCode();
                        if (answer.statusCode() == 202) {
                            s.mentionId = Api.JSON.readTree(answer.body()).path("id").asText(null);
                        }
                    } else {
                        s.status = -1;
                    }
                } catch (IOException e) {
                    s.status = -2;
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    /** About two replies a second to cases the stream opened; a reply that is not accepted is retried with its key. */
    private void streamReplies(CaseWatcher watcher) {
        long n = 0;
        while (streaming.get()) {
            sleepNanos(500_000_000L);
            for (ReplyAttempt pending : replies) {
                if (!pending.accepted && pending.attempts < 20) {
                    sendReply(pending);
                }
            }
            List<Sent> routed = accepted().stream().filter(s -> watcher.caseOf(s.mentionId) != null).toList();
            if (routed.isEmpty()) {
                continue;
            }
            Sent target = routed.get((int) (n % routed.size()));
            ReplyAttempt attempt = new ReplyAttempt(run + "-r" + n, watcher.caseOf(target.mentionId), run + "-" + n);
            n++;
            replies.add(attempt);
            sendReply(attempt);
        }
    }

    private void finishReplies() throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until && replies.stream().anyMatch(r -> !r.accepted || r.awaitingApproval)) {
            replies.stream().filter(r -> !r.accepted).forEach(this::sendReply);
            replies.stream().filter(r -> r.accepted && r.awaitingApproval).forEach(this::approve);
            Thread.sleep(2_000);
        }
        // then give delivery time to post what was accepted (checked by reference in the reconciliation)
        until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until && postsByRef().size() < replies.stream().filter(r -> r.accepted).count()) {
            Thread.sleep(1_000);
        }
    }

    /**
     * A reply of a critical case waits for a supervisor (the crisis detector marks a steady stream of complaints
     * critical): the run approves it as a supervisor would, so that it is delivered and can be checked.
     */
    private void approve(ReplyAttempt attempt) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(response + "/api/v1/replies/" + attempt.replyId + "/approve"))
                .header("Authorization", "Bearer " + token("supervisor"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> answer = Load.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            // 409: decided already (an earlier attempt whose answer was lost)
            if (answer.statusCode() == 200 || answer.statusCode() == 409) {
                attempt.awaitingApproval = false;
                approved.incrementAndGet();
            }
        } catch (IOException e) {
            // retried by finishReplies
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendReply(ReplyAttempt attempt) {
        attempt.attempts++;
        HttpRequest request = HttpRequest.newBuilder(URI.create(response + "/api/v1/cases/" + attempt.caseId + "/replies"))
                .header("Authorization", "Bearer " + token("agent"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", attempt.key)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Gracias por escribirnos, ya lo estamos revisando. "
                        + "Referencia " + attempt.ref + ".\"}", StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> answer = Load.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 202 || answer.statusCode() == 200) {
                JsonNode reply = Api.JSON.readTree(answer.body());
                attempt.replyId = reply.path("id").asText(null);
                attempt.awaitingApproval = "pending_approval".equals(reply.path("status").asText());
                attempt.accepted = true;
                if (attempt.awaitingApproval) {
                    approve(attempt);
                }
            }
        } catch (IOException e) {
            // not accepted: retried later with the same key
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The channel sandbox's posts of this run, counted by the reply's reference. */
    private Map<String, Integer> postsByRef() {
        Map<String, Integer> postsByRef = new HashMap<>();
        JsonNode posts = api.get(sandbox + "/_sandbox/posts", null).body();
        if (posts != null) {
            for (JsonNode post : posts) {
                String text = post.path("body").path("text").asText(post.path("body").path("message").asText(""));
                int at = text.indexOf("Referencia " + run + "-");
                if (at >= 0) {
                    String ref = text.substring(at + "Referencia ".length()).replaceAll("[^0-9a-z-].*$", "");
                    postsByRef.merge(ref, 1, Integer::sum);
                }
            }
        }
        return postsByRef;
    }

    private int fault(String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(root.resolve("suite").toString(), "fault", name)
                .redirectErrorStream(true).inheritIO().start();
        return process.waitFor(5, TimeUnit.MINUTES) ? process.exitValue() : -1;
    }

    /**
     * The start of the first {@link #WINDOW} (by send time, after the fault ended) whose accepted mentions all reached
     * an owner with p99 within {@code normal}; NaN when none within the recovery limit plus a margin.
     */
    private double waitForRecovery(CaseWatcher watcher, double faultEnd, double normal) throws InterruptedException {
        double limit = faultEnd + RECOVERY_LIMIT.toSeconds() + 30;
        double windowStart = faultEnd;
        while (seconds(System.nanoTime()) < limit + 30) {
            double from = windowStart;
            double windowEnd = windowStart + WINDOW.toSeconds();
            if (seconds(System.nanoTime()) < windowEnd + 2) {
                Thread.sleep(250);
                continue;
            }
            List<Sent> inWindow = accepted().stream().filter(s -> seconds(s.sentAt) >= from
                    && seconds(s.sentAt) < windowEnd).toList();
            boolean allRouted = !inWindow.isEmpty() && inWindow.stream().allMatch(s -> watcher.assignedAt(s.mentionId) != null);
            if (allRouted && windowP99(watcher, windowStart, windowEnd) <= normal) {
                return windowStart;
            }
            if (!allRouted && seconds(System.nanoTime()) < windowEnd + 10) {
                Thread.sleep(250); // give the window's mentions a few seconds to reach their case
                continue;
            }
            if (windowStart > limit) {
                return Double.NaN;
            }
            windowStart += 1;
        }
        return Double.NaN;
    }

    private double windowP99(CaseWatcher watcher, double from, double to) {
        Histogram histogram = new Histogram(3);
        for (Sent s : accepted()) {
            double at = seconds(s.sentAt);
            Long routed = watcher.assignedAt(s.mentionId);
            if (at >= from && at < to && routed != null) {
                histogram.recordValue(Math.max(1, (routed - s.sentAt) / 1000));
            }
        }
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(99) / 1000.0;
    }

    private int reconcile(Report report, CaseWatcher watcher, List<FaultRun> runs, double baselineP99, double normal,
            Instant started) throws IOException {
        List<Sent> accepted = accepted();
        Set<String> acceptedIds = new HashSet<>();
        accepted.forEach(s -> acceptedIds.add(s.mentionId));
        Map<String, String> customerOfAuthor = new HashMap<>();

        // Every case of the brand, through routing-service's public API.
        Map<String, List<String>> casesOfMention = new HashMap<>();
        Map<String, List<String>> casesOfCustomer = new HashMap<>();
        String cursor = null;
        do {
            String url = routing + "/api/v1/cases?brand=" + BRAND + "&limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = api.get(url, as("supervisor")).expect(200).body();
            for (JsonNode c : page.path("items")) {
                boolean ours = false;
                for (JsonNode m : c.path("mentions")) {
                    String id = m.path("id").asText();
                    if (acceptedIds.contains(id)) {
                        ours = true;
                    }
                    casesOfMention.computeIfAbsent(id, k -> new ArrayList<>()).add(c.path("id").asText());
                }
                if (ours) {
                    casesOfCustomer.computeIfAbsent(c.path("customerId").asText(), k -> new ArrayList<>())
                            .add(c.path("id").asText());
                }
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
        } while (cursor != null);

        List<String> missing = new ArrayList<>();
        List<String> inSeveral = new ArrayList<>();
        for (String id : acceptedIds) {
            List<String> cases = casesOfMention.getOrDefault(id, List.of());
            if (cases.isEmpty()) {
                missing.add(id);
            } else if (cases.size() > 1) {
                inSeveral.add(id + " → " + cases);
            }
        }
        List<String> duplicatedCustomers = casesOfCustomer.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " → " + e.getValue()).toList();
        Set<String> authors = new HashSet<>();
        accepted.forEach(s -> authors.add(s.author));

        // Every accepted reply posted exactly once; nothing posted twice.
        Map<String, Integer> postsByRef = postsByRef();
        List<ReplyAttempt> acceptedReplies = replies.stream().filter(r -> r.accepted).toList();
        List<String> notPosted = acceptedReplies.stream().filter(r -> postsByRef.getOrDefault(r.ref, 0) == 0)
                .map(r -> r.ref).toList();
        List<String> postedTwice = postsByRef.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " ×" + e.getValue()).toList();
        List<String> notReady = List.of(listening, routing, response, env.getOrDefault("FEEDBACK_URL", "http://127.0.0.1:8084"))
                .stream().filter(u -> !(api.ready(u + "/q/health/ready") && api.ready(u + "/q/health/live"))).toList();
        boolean live = notReady.isEmpty();

        long refused = countRefused();
        boolean recoveredAll = runs.stream().allMatch(FaultRun::recovered);
        boolean ok = missing.isEmpty() && inSeveral.isEmpty() && duplicatedCustomers.isEmpty() && notPosted.isEmpty()
                && postedTwice.isEmpty() && recoveredAll && live && !accepted.isEmpty() && !acceptedReplies.isEmpty();

        report.line("# Chaos report").line("")
                .line("Run %s on %d cores; `./suite chaos` rewrote this file. %s mentions/s offered by one open-loop client "
                        + "from %d returning customers, about two replies a second to the cases they opened (a reply not "
                        + "accepted is retried with the same `Idempotency-Key`).", started.truncatedTo(ChronoUnit.SECONDS),
                        Runtime.getRuntime().availableProcessors(), Report.fmt(rate), customers)
                .line("").line("Normal p99 from a mention's POST to its case having an owner, before any fault: %s ms. "
                        + "A fault counts as recovered at the start of the first %d-second window (by send time, after the "
                        + "fault ended) whose accepted mentions all reached an owner with p99 ≤ %s ms; the limit is %d s.",
                        Report.fmt(baselineP99), WINDOW.toSeconds(), Report.fmt(normal), RECOVERY_LIMIT.toSeconds());
        report.heading("Faults").table("fault", "at (s)", "lasted (s)", "mentions accepted meanwhile",
                "refused or failed meanwhile", "latency normal again after", "verdict");
        for (FaultRun f : runs) {
            report.row(f.name(), Report.fmt(f.startedAt()), Report.fmt(f.endedAt() - f.startedAt()), f.acceptedDuring(),
                    f.refusedDuring(), Double.isNaN(f.recoverySeconds()) ? "not within the limit"
                            : Report.fmt(f.recoverySeconds()) + " s", Report.verdict(f.recovered()));
        }
        report.heading("Reconciliation")
                .table("check", "result", "verdict")
                .row("mentions accepted (202)", accepted.size() + " from " + authors.size() + " customers; "
                        + refused + " refused or failed at the client (not accepted, so not owed)", accepted.isEmpty() ? "**none**" : "")
                .row("accepted mentions in no case", missing.size() + sample(missing), Report.verdict(missing.isEmpty()))
                .row("accepted mentions in more than one case", inSeveral.size() + sample(inSeveral),
                        Report.verdict(inSeveral.isEmpty()))
                .row("customers with more than one case (none is ever resolved here)", duplicatedCustomers.size()
                        + " of " + casesOfCustomer.size() + sample(duplicatedCustomers), Report.verdict(duplicatedCustomers.isEmpty()))
                .row("replies accepted (202/200)", acceptedReplies.size() + " of " + replies.size() + " asked for", "")
                .row("replies held for a supervisor (critical case) and approved by the run", approved.get() + "", "")
                .row("accepted replies never posted", notPosted.size() + sample(notPosted), Report.verdict(notPosted.isEmpty()))
                .row("replies posted more than once", postedTwice.size() + sample(postedTwice), Report.verdict(postedTwice.isEmpty()))
                .row("every service ready and live at the end", live ? "yes" : "not ready or not live: " + notReady,
                        Report.verdict(live));
        latencyChart(report, watcher, runs);
        report.line("").line("Overall: %s. Total run time %d s.", ok ? "every guarantee held" : "**a guarantee broke**",
                Duration.between(started, Instant.now()).toSeconds());
        report.write();
        log("report written to bench/results/chaos/report.md: %s", ok ? "every guarantee held" : "A GUARANTEE BROKE");
        return ok ? 0 : 1;
    }

    private void latencyChart(Report report, CaseWatcher watcher, List<FaultRun> runs) throws IOException {
        double end = seconds(System.nanoTime());
        int buckets = (int) Math.ceil(end / WINDOW.toSeconds());
        List<Double> xs = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            double from = b * (double) WINDOW.toSeconds();
            double value = windowP99(watcher, from, from + WINDOW.toSeconds());
            if (!Double.isNaN(value)) {
                xs.add(from);
                p99.add(value);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = p99.stream().mapToDouble(Double::doubleValue).toArray();
        report.chart("latency-over-time", "Mention → owner p99 per 5 s window (by send time); faults: "
                + String.join(", ", runs.stream().map(f -> f.name() + " @" + Math.round(f.startedAt()) + "s").toList()),
                "seconds since start", "ms", x, List.of("p99"), List.of(y));
    }

    private static String sample(List<String> items) {
        return items.isEmpty() ? "" : " (e.g. " + String.join(", ", items.subList(0, Math.min(3, items.size()))) + ")";
    }

    private List<Sent> accepted() {
        return sent.stream().filter(s -> s.status == 202 && s.mentionId != null).toList();
    }

    private long countAccepted() {
        return sent.stream().filter(s -> s.status == 202).count();
    }

    private long countRefused() {
        return sent.stream().filter(s -> s.status != 0 && s.status != 202).count();
    }

    private double seconds(long nanos) {
        return (nanos - origin) / 1e9;
    }

    private HttpRequest mention(Sent s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("brand", BRAND);
        body.put("channel", "x");
        body.put("externalId", "chaos-" + run + "-" + s.index);
        body.put("author", Map.of("id", s.author, "handle", "cliente_" + s.author.replace('-', '_')));
        body.put("text", s.index % 4 == 0 ? "@chaos ¿Alguien me puede decir por qué sigo sin conexión desde esta mañana?"
                : "@chaos llevo dos días esperando el reembolso del pedido " + s.index + " y nadie me contesta");
        body.put("publishedAt", Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            return HttpRequest.newBuilder(URI.create(listening + "/api/v1/mentions"))
                    .header("Authorization", "Bearer " + token("partner"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String format, Object... args) {
        System.out.println("chaos: " + String.format(format, args));
    }
}
