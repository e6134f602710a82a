package io.socialcare.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives HTTP load. Open loop: requests leave at a fixed rate whatever the answers do, and latency is measured
 * from the moment each request was due (so a stalled server is not hidden by a waiting client). Closed loop:
 * N clients send back to back, for throughput.
 */
final class Load {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();

    /** What one run measured. */
    record Result(String name, double offeredPerSecond, double achievedPerSecond, long ok, long errors,
            Map<Integer, Long> statuses, Histogram latency) {

        double p(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private Load() {
    }

    /**
     * Sends {@code request.apply(i)} at {@code rate} per second for {@code duration}; {@code onAnswer} sees each
     * answer with its sequence number.
     */
    static Result openLoop(String name, double rate, Duration duration, LongFunction<HttpRequest> request,
            BiConsumer<Long, HttpResponse<String>> onAnswer) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        long total = (long) (rate * duration.toMillis() / 1000.0);
        long intervalNanos = (long) (1_000_000_000L / rate);
        CountDownLatch done = new CountDownLatch((int) total);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sequence = i;
            CompletableFuture<HttpResponse<String>> future = HTTP.sendAsync(request.apply(i),
                    HttpResponse.BodyHandlers.ofString());
            future.whenComplete((response, failure) -> {
                recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                if (failure != null) {
                    errors.incrementAndGet();
                    statuses.merge(-1, 1L, Long::sum);
                } else {
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    if (response.statusCode() / 100 == 2) {
                        ok.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                    if (onAnswer != null) {
                        onAnswer.accept(sequence, response);
                    }
                }
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(name, rate, ok.get() / seconds, ok.get(), errors.get(), Map.copyOf(statuses),
                recorder.getIntervalHistogram());
    }

    /** {@code clients} senders back to back for {@code duration}; each answer's weight counts as that many items. */
    static Result closedLoop(String name, int clients, Duration duration, LongFunction<HttpRequest> request, int weight)
            throws InterruptedException {
        return closedLoop(name, clients, duration, request, weight, null);
    }

    static Result closedLoop(String name, int clients, Duration duration, LongFunction<HttpRequest> request, int weight,
            BiConsumer<Long, HttpResponse<String>> onAnswer) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + duration.toNanos();
        Thread[] threads = new Thread[clients];
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads[c] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        long i = sequence.getAndIncrement();
                        HttpResponse<String> response = HTTP.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        if (onAnswer != null) {
                            onAnswer.accept(i, response);
                        }
                        if (response.statusCode() / 100 == 2) {
                            ok.addAndGet(weight);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        statuses.merge(-1, 1L, Long::sum);
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(name, Double.NaN, ok.get() / seconds, ok.get(), errors.get(), Map.copyOf(statuses),
                recorder.getIntervalHistogram());
    }
}
