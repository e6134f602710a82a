package io.socialcare.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

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
 * count; a batch's mentions are published after its answer), and work that shows in neither — a theme aggregate
 * rebuilt, an SLA sweep, a relay, a delivery — seen as CPU time of the stack's processes (the pids in
 * {@code .suite/run}, and PostgreSQL's). A step of the benchmark starts once the lag and the unpublished mentions are
 * zero and the stack has been quiet for a few seconds, so that no step is measured while the services are still
 * working off the one before.
 */
final class Backlog implements AutoCloseable {

    static final List<String> GROUPS = List.of("routing-service", "feedback-service", "response-service");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Where {@code ./suite} keeps the pids of the processes it started. */
    private static final Path RUN = Path.of(System.getenv().getOrDefault("SUITE_ROOT", "."), ".suite", "run");
    /** Quiet: the stack used less than this share of one core in each of {@link #QUIET_SECONDS} one-second windows. */
    static final double QUIET_SHARE = 0.25;
    static final int QUIET_SECONDS = 3;
    /** Clock ticks per second of /proc/[pid]/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

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

    /**
     * Waits until the lag and the unpublished mentions are zero and the stack is quiet, or {@code limit} has passed;
     * the time it took.
     */
    Duration drain(Duration limit) throws Exception {
        long start = System.nanoTime();
        while ((lag() > 0 || unpublished() > 0) && System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(500);
        }
        int quiet = 0;
        long before = stackTicks();
        while (before >= 0 && quiet < QUIET_SECONDS && System.nanoTime() - start < limit.toNanos()) {
            Thread.sleep(1000);
            long now = stackTicks();
            quiet = (now - before) / TICKS < QUIET_SHARE ? quiet + 1 : 0;
            before = now;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** CPU clock ticks used so far by the stack's processes, or -1 where /proc cannot tell (not Linux). */
    static long stackTicks() {
        Set<String> pids = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(RUN, "*.pid")) {
            for (Path file : files) {
                pids.add(Files.readString(file).trim());
            }
        } catch (IOException e) {
            return -1;
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path process : processes) {
                String pid = process.getFileName().toString();
                if (pid.chars().allMatch(Character::isDigit) && commandOf(process).startsWith("postgres")) {
                    pids.add(pid);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        long total = 0;
        for (String pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command
                total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        return total;
    }

    private static String commandOf(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
