package io.socialcare.routing.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load for routing-service straight through Kafka: publishes {@code mention.captured} records on {@code mentions}
 * (the listening-service's JSON, CloudEvents headers, key {@code brand:channel:authorId}) and reads {@code cases} to
 * time each mention from its publication to the first case record that holds it with an agent as owner (for a new
 * customer that is {@code case.assigned}; a repeat customer's follow-up joins the open case with its owner, in a
 * {@code case.mention_added}).
 * <p>
 * Open loop: at a fixed offered load every mention is due at {@code start + i / rate} and its latency is measured from
 * that due time, so a service that falls behind shows up as latency instead of being hidden by a waiting client. Flat
 * out: all mentions are published as fast as the producer takes them, and the sustained rate is the number routed per
 * second. Only Kafka clients and Jackson are needed, so the class runs from any module that has them (the suite's
 * bench included) against a service started elsewhere.
 */
public final class RoutingLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHANNELS = List.of("x", "facebook", "instagram", "youtube", "tiktok", "forum",
            "review", "blog");
    private static final List<String> INTENTS = List.of("complaint", "complaint", "complaint", "question", "question",
            "suggestion", "praise", "other");
    private static final List<String> URGENCIES = List.of("normal", "normal", "normal", "high", "low", "critical");
    private static final List<String> LANGUAGES = List.of("es", "es", "es", "en", "pt");
    private static final List<String> TOPICS = List.of("factura", "envio", "app", "tarifa", "tienda", "cobertura");
    private static final List<String> TEXTS = List.of(
            "Llevo tres semanas esperando que me devolváis el cobro duplicado de la factura y nadie me contesta.",
            "¿Alguien sabe si la tarifa nueva incluye roaming en Portugal? En la web no lo pone claro.",
            "Sería genial que la app avisara cuando el pedido sale del almacén, ahora tengo que mirarlo a mano.",
            "Gracias al equipo de la tienda de Sol, me resolvieron el problema del móvil en diez minutos.",
            "Third time my parcel is marked delivered and it is not here. Who do I talk to?",
            "A cobertura caiu de novo no centro, já é a segunda vez esta semana.");

    /** What one step measured; latencies in milliseconds. */
    public record Result(String name, double offeredPerSecond, long published, long routed, double seconds,
            double routedPerSecond, double p50, double p90, double p99, double p999, double max) {
    }

    private final String brand;
    private final double repeatShare;
    private final double customerRefShare;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Long> seenAtNanos = new ConcurrentHashMap<>();
    private final AtomicLong assignedRecords = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread watcher;
    private final Random random = new Random(42);
    private final List<String[]> recentAuthors = new ArrayList<>();
    private long sequence;

    /**
     * @param repeatShare share of mentions from a customer who wrote before (a follow-up, often on another channel)
     * @param customerRefShare share of new customers whose mention carries the partner's CRM id
     */
    public RoutingLoad(String bootstrapServers, String brand, double repeatShare, double customerRefShare) {
        this.brand = brand;
        this.repeatShare = repeatShare;
        this.customerRefShare = customerRefShare;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        producer = new KafkaProducer<>(p);

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "routing-load-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(c);
        consumer.subscribe(List.of("cases"));
        long deadline = System.currentTimeMillis() + 60_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        if (consumer.assignment().isEmpty()) {
            throw new IllegalStateException("no partition of topic cases was assigned to the watcher");
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        watcher = new Thread(this::watch, "routing-load-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        while (running.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                long now = System.nanoTime();
                try {
                    JsonNode event = JSON.readTree(record.value());
                    JsonNode agent = event.path("owner").path("agent");
                    if (agent.isMissingNode() || agent.isNull()) {
                        continue;
                    }
                    if ("case.assigned".equals(header(record, "ce_type"))) {
                        assignedRecords.incrementAndGet();
                    }
                    for (JsonNode mention : event.path("mentions")) {
                        seenAtNanos.putIfAbsent(mention.path("id").asText(), now);
                    }
                } catch (Exception e) {
                    // not a case snapshot
                }
            }
        }
        consumer.close();
    }

    private static String header(ConsumerRecord<String, String> record, String key) {
        Header h = record.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** {@code case.assigned} records seen so far (with an agent). */
    public long assignedRecords() {
        return assignedRecords.get();
    }

    /**
     * Offers {@code rate} mentions per second for {@code duration} (open loop) and waits up to {@code drain} for the
     * last ones to be routed.
     */
    public Result fixedRate(String name, double rate, Duration duration, Duration drain) throws InterruptedException {
        int total = (int) Math.round(rate * duration.toMillis() / 1000.0);
        String[] ids = new String[total];
        long[] due = new long[total];
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            due[i] = start + i * interval;
            long wait = due[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            ids[i] = send();
        }
        producer.flush();
        return measure(name, rate, ids, due, start, drain);
    }

    /** Publishes {@code count} mentions as fast as the producer takes them; the rate is what got routed per second. */
    public Result flatOut(String name, int count, Duration drain) throws InterruptedException {
        String[] ids = new String[count];
        long[] due = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            due[i] = System.nanoTime();
            ids[i] = send();
        }
        producer.flush();
        return measure(name, 0, ids, due, start, drain);
    }

    private Result measure(String name, double rate, String[] ids, long[] due, long start, Duration drain)
            throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && routed(ids) < ids.length) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        long[] latencies = new long[ids.length];
        int n = 0;
        long last = start;
        for (int i = 0; i < ids.length; i++) {
            Long seen = seenAtNanos.get(ids[i]);
            if (seen != null) {
                latencies[n++] = seen - due[i];
                last = Math.max(last, seen);
            }
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        double seconds = (last - start) / 1e9;
        return new Result(name, rate, ids.length, n, seconds, n == 0 ? 0 : n / seconds, pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), n == 0 ? Double.NaN : sorted[n - 1] / 1e6);
    }

    private int routed(String[] ids) {
        int n = 0;
        for (String id : ids) {
            if (seenAtNanos.containsKey(id)) {
                n++;
            }
        }
        return n;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** Publishes one mention (a new customer, or a follow-up of a recent one); its id. */
    private String send() {
        long n = sequence++;
        String channel;
        String author;
        String ref = null;
        if (!recentAuthors.isEmpty() && random.nextDouble() < repeatShare) {
            String[] known = recentAuthors.get(random.nextInt(recentAuthors.size()));
            if (known[2] != null && random.nextBoolean()) {
                // the same person on another channel, recognised by the partner's CRM id
                channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
                author = channel.equals(known[0]) ? known[1] : known[1] + "-" + channel;
                ref = known[2];
            } else {
                channel = known[0];
                author = known[1];
                ref = known[2];
            }
        } else {
            channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
            author = "a" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + "-" + n;
            if (random.nextDouble() < customerRefShare) {
                ref = "crm-" + author;
            }
            if (recentAuthors.size() < 5_000) {
                recentAuthors.add(new String[] { channel, author, ref });
            } else {
                recentAuthors.set(random.nextInt(recentAuthors.size()), new String[] { channel, author, ref });
            }
        }
        String id = UUID.randomUUID().toString();
        String externalId = Long.toString(1_800_000_000_000_000_000L + n);
        String lang = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
        Instant now = Instant.now();
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id);
        m.put("brand", brand);
        m.put("channel", channel);
        m.put("externalId", externalId);
        m.put("threadId", externalId);
        m.putNull("inReplyTo");
        ObjectNode a = m.putObject("author");
        a.put("id", author);
        a.put("handle", "@" + author);
        a.put("name", "Cliente " + author.substring(0, Math.min(8, author.length())));
        m.put("text", TEXTS.get(random.nextInt(TEXTS.size())));
        m.put("url", "https://social.example.com/" + channel + "/" + externalId);
        m.put("publishedAt", now.minusMillis(800).toString());
        m.put("lang", lang);
        if (ref != null) {
            m.put("customerRef", ref);
        } else {
            m.putNull("customerRef");
        }
        m.put("capturedAt", now.toString());
        ObjectNode analysis = m.putObject("analysis");
        analysis.put("language", lang);
        ObjectNode sentiment = analysis.putObject("sentiment");
        String intent = INTENTS.get(random.nextInt(INTENTS.size()));
        boolean negative = intent.equals("complaint");
        sentiment.put("label", negative ? "negative" : intent.equals("praise") ? "positive" : "neutral");
        sentiment.put("score", negative ? -0.7 : intent.equals("praise") ? 0.8 : 0.0);
        analysis.put("intent", intent);
        analysis.put("urgency", URGENCIES.get(random.nextInt(URGENCIES.size())));
        ArrayNode topics = analysis.putArray("topics");
        topics.add(TOPICS.get(random.nextInt(TOPICS.size())));
        ProducerRecord<String, String> record = new ProducerRecord<>("mentions", brand + ":" + channel + ":" + author,
                m.toString());
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "mention.captured".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/listening-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", now.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        return id;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        watcher.join(5_000);
        producer.close(Duration.ofSeconds(5));
    }
}
