package io.socialcare.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The services' consumer lag: how many records their consumer groups have not yet committed. A step of the
 * benchmark starts once the previous step's records are consumed, so that no step is measured while the services
 * are still working off the one before.
 */
final class Backlog implements AutoCloseable {

    static final List<String> GROUPS = List.of("routing-service", "feedback-service", "response-service");

    private final Admin admin;

    Backlog(String bootstrap) {
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

    /** Waits until the lag is zero or {@code limit} has passed; the time it took. */
    Duration drain(Duration limit) throws Exception {
        long start = System.nanoTime();
        while (lag() > 0 && System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
