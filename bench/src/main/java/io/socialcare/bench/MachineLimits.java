package io.socialcare.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * What this machine can do at all, measured in the same run as the suite so that each of the suite's figures
 * can be read as a ratio of its limit.
 */
final class MachineLimits {

    private MachineLimits() {
    }

    /** Kafka's own ProducerPerformance: 1 KiB records, acks=all; records/s. */
    static double kafkaProducer(String bootstrap, String topic, int records) throws Exception {
        List<String> out = runJava("org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
                String.valueOf(records), "--record-size", "1024", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrap, "acks=all", "linger.ms=5");
        Pattern p = Pattern.compile("records sent, ([0-9.]+) records/sec");
        for (int i = out.size() - 1; i >= 0; i--) {
            Matcher m = p.matcher(out.get(i));
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no result: " + out);
    }

    /** Kafka's own ConsumerPerformance over the topic the producer test filled; records/s. */
    static double kafkaConsumer(String bootstrap, String topic, int records) throws Exception {
        List<String> out = runJava("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                "--topic", topic, "--messages", String.valueOf(records), "--timeout", "60000");
        for (int i = 0; i < out.size() - 1; i++) {
            if (out.get(i).contains("nMsg.sec")) {
                String[] header = out.get(i).split(",\\s*");
                // Log lines may come between the header and its values: take the next line of the same width.
                for (int j = i + 1; j < out.size(); j++) {
                    String[] values = out.get(j).split(",\\s*");
                    if (values.length != header.length) {
                        continue;
                    }
                    for (int c = 0; c < header.length; c++) {
                        if (header[c].trim().equals("nMsg.sec")) {
                            return Double.parseDouble(values[c].trim());
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no result: " + out);
    }

    /** Inserts of 1 KiB documents in batches of 100 into the MongoDB wire server; documents/s. */
    static double mongoInserts(String connectionString, int seconds) {
        String padding = "x".repeat(1000);
        try (MongoClient client = MongoClients.create(connectionString)) {
            MongoCollection<Document> collection = client.getDatabase("bench").getCollection("inserts");
            collection.drop();
            long inserted = 0;
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                List<Document> batch = new ArrayList<>(100);
                for (int i = 0; i < 100; i++) {
                    batch.add(new Document("n", inserted + i).append("text", padding));
                }
                collection.insertMany(batch);
                inserted += 100;
            }
            double rate = inserted / ((System.nanoTime() - start) / 1e9);
            collection.drop();
            return rate;
        }
    }

    /** pgbench's TPC-B-like write transactions (-N) with 8 clients; transactions/s, or NaN without pgbench. */
    static double pgbench(String host, String port, String user, String password, int seconds) throws Exception {
        if (!onPath("pgbench") || !onPath("psql")) {
            return Double.NaN;
        }
        run(List.of("psql", "-q", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-c",
                "DROP DATABASE IF EXISTS socialcare_pgbench"), password);
        run(List.of("psql", "-q", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-c",
                "CREATE DATABASE socialcare_pgbench"), password);
        run(List.of("pgbench", "-q", "-i", "-s", "10", "-h", host, "-p", port, "-U", user, "socialcare_pgbench"), password);
        List<String> out = run(List.of("pgbench", "-N", "-c", "8", "-j", "2", "-T", String.valueOf(seconds), "-h", host,
                "-p", port, "-U", user, "socialcare_pgbench"), password);
        Pattern p = Pattern.compile("tps = ([0-9.]+)");
        for (String line : out) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new IllegalStateException("pgbench printed no tps: " + out);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Path.of(dir, command).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> runJava(String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return run(command, null);
    }

    private static List<String> run(List<String> command, String pgPassword) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (pgPassword != null) {
            builder.environment().put("PGPASSWORD", pgPassword);
        }
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + lines);
        }
        return lines;
    }
}
