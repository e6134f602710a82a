package io.socialcare.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The load client's own CPU per request, its work threads apart from the JIT compilers (read from
 * {@code /proc/self/task}): posts single mentions at a fixed rate with java.net.http's client ({@code jdk}) or with
 * {@link Load#send} ({@code vertx}). {@code ClientCost jdk|vertx RATE SECONDS ROUNDS}, with {@code BENCH_TOKEN} a
 * partner token for {@code BENCH_BRAND}, against {@code LISTENING_URL} (default http://127.0.0.1:8081).
 */
public final class ClientCost {

    private ClientCost() {
    }

    /** CPU milliseconds of this process's compiler threads, or of all its other threads. */
    private static long threadsCpuMillis(boolean compilers) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name;
                String stat;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                if (compilers != (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler"))) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return ticks * 10;
    }

    public static void main(String[] args) throws Exception {
        boolean jdk = "jdk".equals(args[0]);
        double rate = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        String token = System.getenv("BENCH_TOKEN");
        String brand = System.getenv().getOrDefault("BENCH_BRAND", "bench1");
        URI url = URI.create(System.getenv().getOrDefault("LISTENING_URL", "http://127.0.0.1:8081") + "/api/v1/mentions");
        String run = args[0] + Long.toString(System.currentTimeMillis(), 36);
        for (int round = 0; round < rounds; round++) {
            int total = (int) (rate * seconds);
            long interval = (long) (1e9 / rate);
            CountDownLatch done = new CountDownLatch(total);
            long work = threadsCpuMillis(false);
            long jit = threadsCpuMillis(true);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                HttpRequest request = HttpRequest.newBuilder(url)
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"brand\":\"" + brand + "\",\"channel\":\"x\","
                                + "\"externalId\":\"" + run + "-" + round + "-" + i + "\",\"author\":{\"id\":\"u"
                                + (i % 5000) + "\",\"handle\":\"@c\"},\"text\":\"Me encanta el nuevo servicio " + i
                                + "\",\"publishedAt\":\"" + Instant.now().minusSeconds(1) + "\"}"))
                        .build();
                (jdk ? Load.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()) : Load.send(request))
                        .whenComplete((answer, failure) -> done.countDown());
            }
            done.await(60, TimeUnit.SECONDS);
            System.out.printf("%s round %d: work threads %.3f ms/request, JIT compilers %.3f ms/request%n", args[0],
                    round, (threadsCpuMillis(false) - work) / (double) total,
                    (threadsCpuMillis(true) - jit) / (double) total);
        }
        System.exit(0);
    }
}
