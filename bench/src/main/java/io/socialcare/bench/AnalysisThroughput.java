package io.socialcare.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
 */
final class AnalysisThroughput {

    record Result(String texts, int threads, double perSecond) {

        double perCore(int cores) {
            return perSecond / Math.min(threads, cores);
        }
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
        return new Result(name, threads, run(texts, threads, duration) / (duration.toNanos() / 1e9));
    }

    private long run(List<String> texts, int threads, Duration duration) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 97;
            Thread worker = new Thread(() -> {
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
        return done.sum();
    }
}
