package io.socialcare.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

import javax.net.ssl.SSLSession;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives HTTP load. Open loop: requests leave at a fixed rate whatever the answers do, and latency is measured
 * from the moment each request was due (so a stalled server is not hidden by a waiting client). Closed loop:
 * N clients send back to back, for throughput.
 * <p>
 * Both send with Vert.x's non-blocking HTTP/1.1 client on one event loop, over a pool of keep-alive connections.
 * The load shares the machine with the stack it measures, so its own CPU counts: posting single mentions at 100/s,
 * after 100 s of warm-up and leaving the JIT compilers' threads aside, java.net.http's client, which the loops used
 * before, took 1.15–1.19 ms of CPU per request on this 2-core machine, Vert.x's 0.55–0.62 ms (building the request
 * included; five rounds of 20 s each). At 500 requests/s that is the difference between 0.6 and 0.3 of a core taken
 * from the stack. Each {@link Result} carries the CPU this process used per request while the loop ran.
 */
final class Load {

    /** java.net.http's client, for the few calls made outside the measured loops (chaos, soak, set-up). */
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();

    private static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1).setPreferNativeTransport(false));
    private static final io.vertx.core.http.HttpClient WIRE = VERTX.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(512).setMaxWaitQueueSize(-1));
    private static final long REQUEST_TIMEOUT_MS = 60_000;

    /** What one run measured. */
    record Result(String name, double offeredPerSecond, double achievedPerSecond, long ok, long errors,
            Map<Integer, Long> statuses, Histogram latency, double clientCpuMillisPerRequest) {

        double p(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** An answer as the loops' callers read it (status and body). */
    private record Answer(int statusCode, String body, HttpRequest request) implements HttpResponse<String> {

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (name, value) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    private Load() {
    }

    /** Sends the request with the Vert.x client; completes with the answer, or exceptionally (no answer). */
    static CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(request.method()))
                .setAbsoluteURI(request.uri().toString()).setIdleTimeout(REQUEST_TIMEOUT_MS);
        request.headers().map().forEach((name, values) -> values.forEach(value -> options.addHeader(name, value)));
        Buffer body = bodyOf(request);
        CompletableFuture<HttpResponse<String>> answer = new CompletableFuture<>();
        WIRE.request(options)
                .compose(sent -> body == null ? sent.send() : sent.send(body))
                .compose(response -> response.body().map(
                        bytes -> (HttpResponse<String>) new Answer(response.statusCode(),
                                bytes.toString(StandardCharsets.UTF_8), request)))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        answer.complete(done.result());
                    } else {
                        answer.completeExceptionally(done.cause());
                    }
                });
        return answer;
    }

    /** The bytes of a request's body (the loops' bodies are strings, published at once), or null for none. */
    private static Buffer bodyOf(HttpRequest request) {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty() || publisher.get().contentLength() == 0) {
            return null;
        }
        Buffer buffer = Buffer.buffer((int) Math.max(16, publisher.get().contentLength()));
        CountDownLatch done = new CountDownLatch(1);
        publisher.get().subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.appendBytes(bytes);
            }

            @Override
            public void onError(Throwable failure) {
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        try {
            if (!done.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("request body not published");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return buffer;
    }

    /** CPU time of this process so far, in nanoseconds (-1 where the JVM does not tell). */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static double cpuMillisPerRequest(long cpuBefore, long requests) {
        long cpuAfter = processCpuNanos();
        return cpuBefore < 0 || cpuAfter < 0 || requests == 0 ? Double.NaN : (cpuAfter - cpuBefore) / 1e6 / requests;
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
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sequence = i;
            send(request.apply(i)).whenComplete((response, failure) -> {
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
                recorder.getIntervalHistogram(), cpuMillisPerRequest(cpuBefore, total));
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
        CountDownLatch finished = new CountDownLatch(clients);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        List<Runnable> senders = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (System.nanoTime() >= end) {
                    finished.countDown();
                    return;
                }
                long sent = System.nanoTime();
                long i = sequence.getAndIncrement();
                HttpRequest built;
                try {
                    built = request.apply(i);
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    finished.countDown();
                    return;
                }
                send(built).whenComplete((response, failure) -> {
                    if (failure != null) {
                        errors.incrementAndGet();
                        statuses.merge(-1, 1L, Long::sum);
                    } else {
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        if (onAnswer != null) {
                            onAnswer.accept(i, response);
                        }
                        if (response.statusCode() / 100 == 2) {
                            ok.addAndGet(weight);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    // the next request of this client is built off the client's event loop
                    CompletableFuture.runAsync(next[0]);
                });
            };
            senders.add(next[0]);
        }
        senders.forEach(CompletableFuture::runAsync);
        finished.await(duration.toSeconds() + 120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(name, Double.NaN, ok.get() / seconds, ok.get(), errors.get(), Map.copyOf(statuses),
                recorder.getIntervalHistogram(), cpuMillisPerRequest(cpuBefore, sequence.get()));
    }
}
