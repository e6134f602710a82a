package io.socialcare.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the social networks' reply APIs. It is not X, Meta or a partner: it accepts the
 * request shapes the contract names (X API v2 {@code /2/tweets}, Graph API comments and Instagram replies,
 * partner webhooks), records every post with its path, headers and body, and answers like the platform
 * would. Recorded posts are listed at {@code GET /_sandbox/posts} and appended to a JSON-lines file.
 *
 * <p>For fault tests, {@code POST /_sandbox/behaviour?status=503&times=2&delayMs=0&retryAfter=1} makes the next
 * {@code times} posts wait {@code delayMs} and then answer {@code status} (with {@code Retry-After} when given); a
 * 2xx status records the post as usual. After {@code times} posts the sandbox behaves normally again.</p>
 */
public final class ChannelSandbox implements AutoCloseable {

    private final HttpServer server;
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final Path journal;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile long delayMs;
    private volatile String retryAfter;

    private ChannelSandbox(HttpServer server, Path journal) {
        this.server = server;
        this.journal = journal;
    }

    public static ChannelSandbox start(int port, Path journal) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        ChannelSandbox sandbox = new ChannelSandbox(server, journal);
        server.createContext("/", sandbox::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return sandbox;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every post recorded so far, as JSON objects. */
    public List<String> posts() {
        return List.copyOf(posts);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/_sandbox/posts")) {
                if ("DELETE".equals(method)) {
                    posts.clear();
                    respond(exchange, 204, null);
                } else {
                    respond(exchange, 200, "[" + String.join(",", posts) + "]");
                }
                return;
            }
            if (path.startsWith("/_sandbox/behaviour")) {
                Map<String, String> query = query(uri.getRawQuery());
                failureStatus = Integer.parseInt(query.getOrDefault("status", "503"));
                failuresLeft.set(Integer.parseInt(query.getOrDefault("times", "1")));
                delayMs = Long.parseLong(query.getOrDefault("delayMs", "0"));
                retryAfter = query.get("retryAfter");
                respond(exchange, 204, null);
                return;
            }
            if (!"POST".equals(method)) {
                respond(exchange, 405, "{\"error\":\"only POST is recorded\"}");
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            boolean faulty = failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
            if (faulty && delayMs > 0) {
                Thread.sleep(delayMs);
            }
            if (faulty && failureStatus >= 300) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                respond(exchange, failureStatus, "{\"error\":\"sandbox fault\"}");
                return;
            }
            String postId = UUID.randomUUID().toString();
            String record = "{\"id\":" + quote(postId)
                    + ",\"at\":" + quote(Instant.now().toString())
                    + ",\"path\":" + quote(path)
                    + ",\"idempotencyKey\":" + quoteOrNull(exchange.getRequestHeaders().getFirst("Idempotency-Key"))
                    + ",\"signature\":" + quoteOrNull(exchange.getRequestHeaders().getFirst("X-Signature-256"))
                    + ",\"authorization\":" + (exchange.getRequestHeaders().containsKey("Authorization"))
                    + ",\"body\":" + (body.startsWith("{") ? body : quote(body)) + "}";
            posts.add(record);
            if (journal != null) {
                Files.writeString(journal, record + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            if (path.endsWith("/2/tweets")) {
                respond(exchange, 201, "{\"data\":{\"id\":" + quote(postId) + "}}");
            } else {
                respond(exchange, 200, "{\"id\":" + quote(postId) + "}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            respond(exchange, 400, "{\"error\":" + quote(String.valueOf(e.getMessage())) + "}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return result;
    }

    private static String quoteOrNull(String value) {
        return value == null ? "null" : quote(value);
    }

    static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** {@code java io.socialcare.stack.ChannelSandbox [PORT] [JOURNAL_FILE]} */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        Path journal = args.length > 1 ? Path.of(args[1]) : null;
        if (journal != null && journal.getParent() != null) {
            Files.createDirectories(journal.getParent());
        }
        ChannelSandbox sandbox = start(port, journal);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        System.out.println("Channel sandbox (local stand-in for the networks) ready on " + sandbox.baseUrl());
        stopped.await();
    }
}
