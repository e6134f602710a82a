package io.socialcare.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialcare.cli.Api;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the {@code cases} topic and notes, for each mention id, when it was first seen in a case that has an
 * agent: the moment a customer's mention has an accountable owner.
 */
final class CaseWatcher implements AutoCloseable {

    private final Map<String, Long> assignedAtNanos = new ConcurrentHashMap<>();
    private final Map<String, String> caseOfMention = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    CaseWatcher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of("cases"));
        // Join the group and take the current end before load starts.
        long deadline = System.currentTimeMillis() + 30_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        try {
                            JsonNode event = Api.JSON.readTree(record.value());
                            if (event.path("owner").path("agent").isNull() || event.path("owner").path("agent").isMissingNode()) {
                                continue;
                            }
                            for (JsonNode mention : event.path("mentions")) {
                                assignedAtNanos.putIfAbsent(mention.path("id").asText(), now);
                                caseOfMention.putIfAbsent(mention.path("id").asText(), event.path("id").asText());
                            }
                        } catch (Exception e) {
                            // not a case snapshot: ignore
                        }
                    }
                }
            }
        }, "case-watcher");
        thread.start();
    }

    Long assignedAt(String mentionId) {
        return assignedAtNanos.get(mentionId);
    }

    /** The case that first held this mention with an owner, or null. */
    String caseOf(String mentionId) {
        return caseOfMention.get(mentionId);
    }

    int seen() {
        return assignedAtNanos.size();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
