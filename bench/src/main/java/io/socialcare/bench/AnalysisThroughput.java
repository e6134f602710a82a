package io.socialcare.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialcare.cli.Api;

/**
 * Analysis alone: listening-service's own {@code Analyser}, loaded from the built application
 * ({@code listening-service/target/quarkus-app}), called in this process on every core, with no HTTP, storage or
 * Kafka in the way. The texts are the analyser's development set (short, real-looking mentions in es/en/pt) and the
 * same texts padded to 1 KiB as the ingest steps send them.
 * <p>
 * It also runs alone, without the stack, after {@code ./mvnw package -pl listening-service,bench -am -DskipTests}:
 * {@code java -cp "bench/target/bench-1.0.0-SNAPSHOT.jar:bench/target/lib/*" io.socialcare.bench.AnalysisThroughput
 * [seconds]} (from the repository's root, or with {@code SUITE_ROOT}), which prints the benchmark's four rows and
 * the rate per second of the workers' CPU time, which holds when other work shares the machine.
 */
final class AnalysisThroughput {

    /**
     * @param perSecond texts per second of wall-clock time
     * @param perCpuSecond texts per second of the analysing threads' CPU time
     */
    record Result(String texts, int threads, double perSecond, double perCpuSecond) {

        double perCore(int cores) {
            return perSecond / Math.min(threads, cores);
        }
    }

    /** What one measurement counted. */
    private record Count(long texts, long cpuNanos) {
    }

    private final MethodHandle analyse;
    private final Object analyser;

    AnalysisThroughput(Path root) throws Exception {
        Path app = root.resolve("listening-service/target/quarkus-app");
        List<URL> urls = new ArrayList<>();
        for (String dir : List.of("app", "lib/main")) {
            try (Stream<Path> jars = Files.list(app.resolve(dir))) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Class<?> type = Class.forName("io.socialcare.listening.analysis.Analyser", true, loader);
        analyser = type.getConstructor().newInstance();
        analyse = MethodHandles.publicLookup().findVirtual(type, "analyse",
                MethodType.methodType(type.getMethod("analyse", String.class, String.class).getReturnType(),
                        String.class, String.class));
    }

    /** The development set's texts, as the analyser's own tests read them. */
    static List<String> developmentTexts(Path root) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("listening-service/src/test/resources/analysis/development.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode node = Api.JSON.readTree(line);
                texts.add(node.path("text").asText());
            }
        }
        return texts;
    }

    static List<String> padded(List<String> texts, int length) {
        List<String> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            StringBuilder b = new StringBuilder(text);
            while (b.length() < length) {
                b.append(' ').append(text);
            }
            out.add(b.substring(0, length));
        }
        return out;
    }

    /** Texts analysed per second by {@code threads} threads over {@code duration}, after as long a warm-up. */
    Result measure(String name, List<String> texts, int threads, Duration duration) throws Exception {
        run(texts, threads, duration); // warm-up: JIT, the models' first use
        Count count = run(texts, threads, duration);
        return new Result(name, threads, count.texts() / (duration.toNanos() / 1e9),
                count.texts() / (count.cpuNanos() / 1e9));
    }

    private Count run(List<String> texts, int threads, Duration duration) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LongAdder done = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 97;
            Thread worker = new Thread(() -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                try {
                    int i = offset;
                    while (!stop.get()) {
                        Object analysis = analyse.invoke(analyser, texts.get(i++ % texts.size()), (String) null);
                        if (analysis == null) {
                            throw new IllegalStateException("no analysis");
                        }
                        done.increment();
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuStart);
                    finished.countDown();
                }
            }, "analysis-" + t);
            worker.start();
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        finished.await();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("analysis failed", failures.get(0));
        }
        return new Count(done.sum(), cpuNanos.sum());
    }

    /** {@code [seconds]}: the analysis step of the benchmark alone (each figure after a warm-up as long). */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("SUITE_ROOT", ".")).toAbsolutePath().normalize();
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        int cores = Runtime.getRuntime().availableProcessors();
        AnalysisThroughput bench = new AnalysisThroughput(root);
        List<String> texts = developmentTexts(root);
        List<String> kib = padded(texts, 1024);
        for (Result r : List.of(bench.measure("short", texts, 1, duration), bench.measure("short", texts, cores, duration),
                bench.measure("1 KiB", kib, 1, duration), bench.measure("1 KiB", kib, cores, duration))) {
            System.out.printf("%-6s %d thread(s): %,9.0f texts/s, %,9.0f per core, %,9.0f per CPU-second%n",
                    r.texts(), r.threads(), r.perSecond(), r.perCore(cores), r.perCpuSecond());
        }
    }
}
