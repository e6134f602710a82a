package io.socialcare.bench.feedback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.socialcare.cli.Keycloak;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * Rerunnable benchmark of feedback-service (issue "With 1,000,000 contributions in 10,000 themes loaded: theme list
 * p95 ≤ 100 ms, detail p95 ≤ 50 ms; consuming mentions ≥ 5,000/s"), against a running service.
 *
 * <ol>
 * <li><b>Load</b>: writes N contributions in M themes of a fresh brand straight into MongoDB, with exactly the
 * documents the service itself writes (themes with their prepared aggregates, samples and revision, contributions
 * marked applied, (theme, customer) pairs, the brand's change counter), in bulk inserts from one generator thread and
 * one writer per collection; this is not the consumer path, which phase 3 measures separately.</li>
 * <li><b>Latency</b> over HTTP with a bearer token: {@code GET /api/v1/themes?brand=…&limit=50} (sort customers, then
 * trending), a second page by cursor, and {@code GET /api/v1/themes/{id}} on random themes, closed loop with C
 * clients for S seconds each; p50/p95/p99/max from HdrHistogram.</li>
 * <li><b>Consumption</b>: K {@code mention.captured} records (¾ suggestions in es/en/pt, ¼ praise) are produced to
 * {@code mentions} for the loaded brand (so that they are matched against its themes; {@code BENCH_CONSUME_BRAND=fresh}
 * uses a brand without themes); the rate is K over the time from the first send until the service's trend counters
 * include all K (polled through {@code GET /api/v1/trends}). Meanwhile one client keeps listing the brand's themes,
 * to show what a list costs while the brand changes ({@code BENCH_LIST_WHILE_CONSUMING=false} leaves it out).
 * With {@code BENCH_WATCH_PIDS=service:PID,mongo:PID,kafka:PID} every phase also reports the CPU time each process
 * used per request or per mention (from {@code /proc}), which does not depend on how busy the machine is.</li>
 * </ol>
 *
 * Environment: FEEDBACK_URL (http://127.0.0.1:8084), QUARKUS_MONGODB_CONNECTION_STRING (mongodb://127.0.0.1:27017),
 * FEEDBACK_DB (feedback), KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:9092), BENCH_CONTRIBUTIONS (1000000), BENCH_THEMES
 * (10000), BENCH_SECONDS (20), BENCH_CLIENTS (4), BENCH_WARMUP_SECONDS (10), BENCH_MENTIONS (100000), BENCH_PHASES
 * (load,http,consume),
 * BENCH_BRAND (reuse a brand loaded before), BENCH_CONSUME_BRAND (loaded | fresh); the token: BENCH_TOKEN, or
 * BENCH_SIGNING_KEY (a PKCS#8 PEM RSA key whose public half the service verifies with {@code quarkus.oidc.public-key}),
 * else Keycloak at KEYCLOAK_URL with KC_BOOTSTRAP_ADMIN_PASSWORD as {@code ./suite bench} does.
 */
public final class FeedbackBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
    private static final String[] IDEAS = {
        "leche de almendras|almond,milk", "pedir por adelantado en la app|order,ahead,app", "descuento vaso reutilizable|discount,cup,reusable",
        "modo oscuro en la app|dark,mode,app", "abrir los domingos|open,sunday", "wifi gratis en las tiendas|wifi,free,store",
        "opciones sin gluten|gluten", "enchufes en las mesas|plug,table", "pajitas de papel|straw,paper", "zumo de naranja|juice,orange",
    };
    private static final String[] CHANNELS = {"x", "instagram", "facebook", "review", "tiktok"};
    private static final String[] MENTION_TEXTS = {
        "Deberían ofrecer leche de almendras en todas las tiendas", "Please add almond milk as an option",
        "Seria ótimo ter leite de amêndoas", "The app should let us order ahead and skip the queue",
        "Me encantaría pedir por adelantado en la app y recoger sin cola", "Please open on Sunday mornings",
        "Deberían abrir los domingos por la mañana", "Un descuento por traer tu propio vaso reutilizable",
        "A discount for bringing your own reusable cup would be great", "Please add a dark mode to the app",
    };

    private final Map<String, String> env = System.getenv();
    private final String feedback = env.getOrDefault("FEEDBACK_URL", "http://127.0.0.1:8084");
    private final String mongoUri = env.getOrDefault("QUARKUS_MONGODB_CONNECTION_STRING", "mongodb://127.0.0.1:27017");
    private final String database = env.getOrDefault("FEEDBACK_DB", "feedback");
    private final String kafka = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private final int contributions = Integer.parseInt(env.getOrDefault("BENCH_CONTRIBUTIONS", "1000000"));
    private final int themeCount = Integer.parseInt(env.getOrDefault("BENCH_THEMES", "10000"));
    private final int seconds = Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "20"));
    private final int clients = Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "4"));
    private final int mentions = Integer.parseInt(env.getOrDefault("BENCH_MENTIONS", "100000"));
    private final String phases = env.getOrDefault("BENCH_PHASES", "load,http,consume");
    private final Duration warmUp = Duration.ofSeconds(Integer.parseInt(env.getOrDefault("BENCH_WARMUP_SECONDS", "10")));
    private final String run = Long.toString(System.currentTimeMillis() / 1000, 36);
    /** BENCH_BRAND: measure a brand loaded by an earlier run instead of loading a new one. */
    private final String brand = env.getOrDefault("BENCH_BRAND", "fbbench-" + run);
    private final boolean reuse = env.containsKey("BENCH_BRAND");
    private final String streamBrand = "fresh".equals(env.get("BENCH_CONSUME_BRAND")) ? "fbstream-" + run : brand;
    private final Random random = new Random(42);

    public static void main(String[] args) throws Exception {
        new FeedbackBench().run();
        System.exit(0); // the HTTP client's and the writers' threads would keep the JVM alive
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "feedback-service benchmark: %d contributions in %d themes (brand %s), %d cores, %s,"
                        + " Java %s, load average %s%n", contributions, themeCount, brand,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version"), loadAverage());
        String token = token(List.of(brand, streamBrand));
        List<String> ids;
        long t0 = System.nanoTime();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            ids = reuse || !phases.contains("load") ? existing(mongo.getDatabase(database)) : load(mongo.getDatabase(database));
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        if (reuse || !phases.contains("load")) {
            System.out.printf(Locale.ROOT, "reusing brand %s: %d themes%n", brand, ids.size());
        } else {
            System.out.printf(Locale.ROOT, "load: %d contributions, %d themes in %.1f s (%.0f contributions/s into MongoDB)%n",
                    contributions, themeCount, loadSeconds, contributions / loadSeconds);
        }

        if (phases.contains("http")) {
            String list = feedback + "/api/v1/themes?limit=50&brand=" + brand;
            long coldStart = System.nanoTime();
            int coldStatus = HTTP.send(get(list, token), HttpResponse.BodyHandlers.ofString()).statusCode();
            System.out.printf(Locale.ROOT, "first list of the brand (loads its read model): %d in %.0f ms%n", coldStatus,
                    (System.nanoTime() - coldStart) / 1e6);
            measure("warm-up", clients, warmUp, i -> get(list + (i % 2 == 0 ? "" : "&sort=trending"), token));
            print(measure("GET /themes (sort customers, limit 50)", clients, Duration.ofSeconds(seconds),
                    i -> get(list, token)));
            print(measure("GET /themes (sort trending, limit 50)", clients, Duration.ofSeconds(seconds),
                    i -> get(list + "&sort=trending", token)));
            String cursor = nextCursor(list, token);
            print(measure("GET /themes (2nd page by cursor)", clients, Duration.ofSeconds(seconds),
                    i -> get(list + "&cursor=" + cursor, token)));
            measure("warm-up", clients, warmUp,
                    i -> get(feedback + "/api/v1/themes/" + ids.get((int) Math.floorMod(i * 31L, ids.size())), token));
            print(measure("GET /themes/{id}", clients, Duration.ofSeconds(seconds),
                    i -> get(feedback + "/api/v1/themes/" + ids.get((int) Math.floorMod(i * 7919L, ids.size())), token)));
        }
        if (phases.contains("consume")) {
            consume(token);
        }
        System.out.printf(Locale.ROOT, "done; load average %s%n", loadAverage());
    }

    /** BENCH_WATCH_PIDS=service:123,mongo:456: processes whose CPU time each phase reports (from /proc). */
    private final Map<String, Long> watched = watched(env.getOrDefault("BENCH_WATCH_PIDS", ""));

    private static Map<String, Long> watched(String spec) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split(":");
            if (kv.length == 2) {
                pids.put(kv[0].trim(), Long.parseLong(kv[1].trim()));
            }
        }
        return pids;
    }

    /** CPU seconds (user + system) each watched process has used so far. */
    private Map<String, Double> cpu() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        watched.forEach((name, pid) -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14 and 15 of /proc/<pid>/stat (utime, stime), in clock ticks of 1/100 s
                seconds.put(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0);
            } catch (Exception e) {
                seconds.put(name, Double.NaN);
            }
        });
        return seconds;
    }

    /** "service 12.3 s (4.1 ms per unit), mongo ..." for the CPU used since {@code before}. */
    private String cpuSince(Map<String, Double> before, long units, String unit) {
        if (watched.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("  CPU used:");
        double total = 0;
        for (Map.Entry<String, Double> e : cpu().entrySet()) {
            double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            total += used;
            sb.append(String.format(Locale.ROOT, " %s %.1f s (%.3f ms/%s);", e.getKey(), used, used * 1000 / units, unit));
        }
        sb.append(String.format(Locale.ROOT, " together %.3f ms/%s", total * 1000 / units, unit));
        return sb.toString();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private String nextCursor(String list, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(get(list, token), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("nextCursor").asText();
    }

    // ------------------------------------------------------------------ load

    /**
     * Writes the themes, contributions and customer pairs as the service does, with one writer thread per collection
     * (bulk inserts of 1,000, a few in flight each); returns the theme ids.
     */
    private List<String> load(MongoDatabase db) throws Exception {
        Writer themes = new Writer(db.getCollection("themes"));
        Writer contribs = new Writer(db.getCollection("contributions"));
        Writer pairs = new Writer(db.getCollection("theme_customers"));
        List<String> ids = new ArrayList<>();
        Instant now = Instant.now();
        Date nowDate = Date.from(now);
        int perTheme = Math.max(1, contributions / themeCount);
        int written = 0;
        long started = System.nanoTime();
        Map<String, Double> cpuBefore = cpu();
        for (int t = 0; t < themeCount; t++) {
            String themeId = UUID.randomUUID().toString();
            ids.add(themeId);
            String[] idea = IDEAS[t % IDEAS.length].split("\\|");
            List<String> terms = List.of((idea[1] + ",t" + t).split(","));
            int n = t == themeCount - 1 ? contributions - written : perTheme;
            int customers = Math.max(1, n - random.nextInt(Math.max(1, n / 3)));
            Map<String, Integer> channels = new LinkedHashMap<>();
            Map<String, Integer> weekly = new LinkedHashMap<>();
            double sentimentSum = 0;
            double heat = 0;
            Instant first = null;
            Instant last = null;
            List<Document> samples = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Instant at = now.minusSeconds(random.nextInt(90 * 24 * 3600));
                int person = k % customers;
                String channel = CHANNELS[person % CHANNELS.length];
                String author = "author-" + t + "-" + person;
                String customer = channel + ":" + author;
                String mentionId = UUID.randomUUID().toString();
                double sentiment = random.nextDouble() * 2 - 1;
                String text = "Deberían ofrecer " + idea[0] + " (" + k + ")";
                contribs.add(new Document("_id", mentionId).append("themeId", themeId).append("brand", brand)
                        .append("customerKey", customer).append("channel", channel).append("threadId", mentionId)
                        .append("externalId", mentionId).append("authorId", author)
                        .append("authorHandle", "@" + author).append("authorName", "Cliente").append("text", text)
                        .append("sentiment", sentiment).append("intent", "suggestion").append("product", null)
                        .append("terms", terms).append("at", Date.from(at)).append("applied", true)
                        .append("storedAt", nowDate));
                if (k < customers) {
                    pairs.add(new Document("_id", themeId + "|" + customer).append("themeId", themeId)
                            .append("customerKey", customer));
                }
                channels.merge(channel, 1, Integer::sum);
                weekly.merge(week(at), 1, Integer::sum);
                sentimentSum += sentiment;
                heat += Math.exp((at.getEpochSecond() - Instant.parse("2025-01-01T00:00:00Z").getEpochSecond()) / (7 * 24 * 3600.0));
                first = first == null || at.isBefore(first) ? at : first;
                last = last == null || at.isAfter(last) ? at : last;
                if (k >= n - 10) {
                    samples.add(new Document("mentionId", mentionId).append("channel", channel).append("text", text)
                            .append("at", Date.from(at)));
                }
            }
            written += n;
            Document termCounts = new Document();
            terms.forEach(term -> termCounts.append(term, n));
            themes.add(new Document("_id", themeId).append("brand", brand)
                    .append("title", Character.toUpperCase(idea[0].charAt(0)) + idea[0].substring(1))
                    .append("product", null).append("status", "new").append("note", null).append("termCounts", termCounts)
                    .append("mentions", n).append("customers", Math.min(customers, n))
                    .append("channels", new Document(new LinkedHashMap<>(channels))).append("sentimentSum", sentimentSum)
                    .append("firstSeenAt", Date.from(first)).append("lastSeenAt", Date.from(last))
                    .append("weekly", new Document(new LinkedHashMap<>(weekly))).append("heat", heat)
                    .append("mergedInto", null).append("shipment", null).append("rev", (long) n).append("samples", samples)
                    .append("createdAt", nowDate).append("updatedAt", nowDate));
            if ((t + 1) % Math.max(1, themeCount / 10) == 0) {
                double secs = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "  generated %d/%d themes, %d contributions (%.0f contributions/s)%n",
                        t + 1, themeCount, written, written / secs);
            }
        }
        themes.close();
        contribs.close();
        pairs.close();
        // the brand's change counter, as the service keeps it: its read models load the brand on first use
        db.getCollection("theme_versions").updateOne(new Document("_id", brand), new Document("$inc", new Document("v", 1L)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        if (!watched.isEmpty()) {
            System.out.println(cpuSince(cpuBefore, contributions, "contribution"));
        }
        return ids;
    }

    /** Bulk inserts into one collection from its own thread, at most a few batches in flight. */
    private static final class Writer implements AutoCloseable {
        private static final int BATCH = 1000;
        private final MongoCollection<Document> collection;
        private final java.util.concurrent.ExecutorService thread = Executors.newSingleThreadExecutor();
        private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(4);
        private final List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
        private List<Document> batch = new ArrayList<>(BATCH);

        Writer(MongoCollection<Document> collection) {
            this.collection = collection;
        }

        void add(Document d) throws InterruptedException {
            batch.add(d);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        private void flush() throws InterruptedException {
            if (batch.isEmpty()) {
                return;
            }
            List<Document> docs = batch;
            batch = new ArrayList<>(BATCH);
            inFlight.acquire();
            pending.add(thread.submit(() -> {
                try {
                    collection.insertMany(docs, new com.mongodb.client.model.InsertManyOptions().ordered(false));
                } finally {
                    inFlight.release();
                }
            }));
            for (java.util.Iterator<java.util.concurrent.Future<?>> it = pending.iterator(); it.hasNext();) {
                java.util.concurrent.Future<?> f = it.next();
                if (f.isDone()) {
                    try {
                        f.get(); // a failed insert stops the load
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("insert into " + collection.getNamespace() + " failed", e);
                    }
                    it.remove();
                }
            }
        }

        @Override
        public void close() throws Exception {
            flush();
            thread.shutdown();
            for (java.util.concurrent.Future<?> f : pending) {
                f.get();
            }
            thread.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        }
    }

    private List<String> existing(MongoDatabase db) {
        List<String> ids = new ArrayList<>();
        db.getCollection("themes").find(new Document("brand", brand)).projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static String week(Instant at) {
        LocalDate date = at.atZone(ZoneOffset.UTC).toLocalDate();
        return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    // ------------------------------------------------------------------ HTTP latency

    record Result(String name, long ok, long errors, double perSecond, Histogram latency, Map<String, Double> cpuBefore) {
        double p(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** {@code clients} senders back to back for {@code duration}. */
    private Result measure(String name, int clients, Duration duration, LongFunction<HttpRequest> request)
            throws InterruptedException {
        Map<String, Double> cpuBefore = cpu();
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> r = HTTP.send(request.apply(sequence.getAndIncrement()),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            if (errors.get() <= 3) {
                                System.out.println("  " + r.statusCode() + " " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return new Result(name, ok.get(), errors.get(), ok.get() / secs, recorder.getIntervalHistogram(), cpuBefore);
    }

    private void print(Result r) {
        System.out.printf(Locale.ROOT, "%-42s %6d ok %4d errors %7.1f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %7.1f ms%n",
                r.name(), r.ok(), r.errors(), r.perSecond(), r.p(50), r.p(95), r.p(99), r.latency().getMaxValue() / 1000.0);
        if (r.cpuBefore() != null) {
            System.out.println(cpuSince(r.cpuBefore(), Math.max(1, r.ok()), "request") + "; load average " + loadAverage());
        }
    }

    // ------------------------------------------------------------------ consumption

    private void consume(String token) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        String until = Instant.now().plus(Duration.ofDays(1)).toString();
        String trends = feedback + "/api/v1/trends?interval=day&brand=" + streamBrand + "&until=" + until;
        long before = counted(trends, token);
        System.out.printf(Locale.ROOT, "consume: %d mentions for brand %s (%d counted before)%n", mentions, streamBrand,
                before);
        // one client lists the brand's themes all along: what a list costs while the brand changes
        String list = feedback + "/api/v1/themes?limit=50&brand=" + streamBrand;
        java.util.concurrent.atomic.AtomicBoolean consuming = new java.util.concurrent.atomic.AtomicBoolean(true);
        Recorder during = new Recorder(3);
        AtomicLong listed = new AtomicLong();
        boolean listing = !"false".equals(env.get("BENCH_LIST_WHILE_CONSUMING"));
        Thread lister = new Thread(() -> {
            while (listing && consuming.get()) {
                long sent = System.nanoTime();
                try {
                    if (HTTP.send(get(list, token), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        listed.incrementAndGet();
                    }
                } catch (Exception e) {
                    // counted as missing
                }
                during.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
            }
        });
        Map<String, Double> cpuBefore = cpu();
        long start = System.nanoTime();
        lister.start();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < mentions; i++) {
                String author = "author-" + (i % 5000);
                String channel = CHANNELS[i % CHANNELS.length];
                Instant at = Instant.now().minusSeconds(i % 3600);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", UUID.randomUUID().toString());
                m.put("brand", streamBrand);
                m.put("channel", channel);
                m.put("externalId", "ext-" + run + "-" + i);
                m.put("threadId", "ext-" + run + "-" + i);
                m.put("author", Map.of("id", author, "handle", "@" + author, "name", "Cliente"));
                m.put("text", MENTION_TEXTS[i % MENTION_TEXTS.length]);
                m.put("publishedAt", at.toString());
                m.put("lang", "es");
                m.put("capturedAt", at.plusSeconds(1).toString());
                m.put("analysis", Map.of("lang", "es", "sentiment", Map.of("label", "neutral", "score", 0.1),
                        "intent", i % 4 == 3 ? "praise" : "suggestion", "urgency", "normal", "topics", List.of()));
                producer.send(new ProducerRecord<>("mentions", streamBrand + ":" + channel + ":" + author,
                        JSON.writeValueAsString(m)));
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "consume: %d mentions produced in %.1f s (%.0f/s); waiting for the service to count"
                + " them%n", mentions, produced, mentions / produced);
        long counted = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long lastPrint = System.nanoTime();
        long lastCount = 0;
        while (counted < mentions && System.nanoTime() < deadline) {
            Thread.sleep(250);
            counted = counted(trends, token) - before;
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                double window = (System.nanoTime() - lastPrint) / 1e9;
                System.out.printf(Locale.ROOT, "  %d counted (%.0f/s over the last %.0f s)%n", counted,
                        (counted - lastCount) / window, window);
                lastPrint = System.nanoTime();
                lastCount = counted;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        consuming.set(false);
        lister.join();
        System.out.printf(Locale.ROOT, "consume: %d of %d mentions processed in %.1f s: %.0f mentions/s (3/4 suggestions,"
                + " grouped into themes)%n", counted, mentions, secs, counted / secs);
        if (!watched.isEmpty()) {
            System.out.println(cpuSince(cpuBefore, Math.max(1, counted), "mention")
                    + (listing ? " (the lister's requests included)" : "") + "; load average " + loadAverage());
        }
        Histogram h = during.getIntervalHistogram();
        System.out.printf(Locale.ROOT, "GET /themes while consuming: %d ok, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                listed.get(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    /** Mentions of the brand in its trend counters over the last 30 days. */
    private static long counted(String trends, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(get(trends, token), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("trends answered " + r.statusCode() + " " + r.body());
        }
        long counted = 0;
        for (JsonNode b : JSON.readTree(r.body()).path("buckets")) {
            counted += b.path("mentions").asLong();
        }
        return counted;
    }

    // ------------------------------------------------------------------ token

    private String token(List<String> brands) throws Exception {
        String direct = env.get("BENCH_TOKEN");
        if (direct != null && !direct.isBlank()) {
            return direct;
        }
        String keyFile = env.get("BENCH_SIGNING_KEY");
        if (keyFile != null && !keyFile.isBlank()) {
            return sign(Path.of(keyFile), brands);
        }
        Keycloak keycloak = new Keycloak(env.getOrDefault("KEYCLOAK_URL", "http://127.0.0.1:8180"), "socialcare", "admin",
                env.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", ""));
        return keycloak.token("product-manager", brands);
    }

    /** An RS256 token signed with a local key, for a service that verifies with {@code quarkus.oidc.public-key}. */
    private static String sign(Path pem, List<String> brands) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "feedback-bench");
        claims.put("sub", "bench");
        claims.put("preferred_username", "bench");
        claims.put("iat", now);
        claims.put("exp", now + 6 * 3600);
        claims.put("groups", List.of("product-manager"));
        claims.put("brands", brands);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(rsa.sign());
    }
}
