package io.socialcare.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialcare.cli.Api;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The work the services still have from earlier steps: the records their consumer groups have not yet committed,
 * and the stored mentions listening-service has not yet published (its readiness check's {@code mention-outbox}
 * count; a batch's mentions are published after its answer). A step of the benchmark starts once both are zero, so
 * that no step is measured while the services are still working off the one before.
 */
final class Backlog implements AutoCloseable {

    static final List<String> GROUPS = List.of("routing-service", "feedback-service", "response-service");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Admin admin;
    private final URI listeningReady;

    Backlog(String bootstrap, String listening) {
        listeningReady = URI.create(listening + "/q/health/ready");
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(props);
    }

    /** Records not yet committed by the groups, summed over every partition they consume. */
    long lag() throws Exception {
        long total = 0;
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                if (e.getValue() != null && ends.containsKey(e.getKey())) {
                    total += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
        }
        return total;
    }

    /** Mentions listening-service stored but has not yet published (0 when it cannot tell). */
    long unpublished() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(listeningReady).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : Api.JSON.readTree(answer.body()).path("checks")) {
            if ("mention-outbox".equals(check.path("name").asText())) {
                return check.path("data").path("unpublished").asLong();
            }
        }
        return 0;
    }

    /** Waits until the lag and the unpublished mentions are zero, or {@code limit} has passed; the time it took. */
    Duration drain(Duration limit) throws Exception {
        long start = System.nanoTime();
        while ((lag() > 0 || unpublished() > 0) && System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
