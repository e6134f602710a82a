package io.socialcare.response;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A test-local stand-in for the platforms' reply APIs with the read side a lookup needs, and faults on demand.
 * It is not X or Meta; it answers the request shapes this service sends:
 * <ul>
 * <li>X API v2: {@code POST /x/2/tweets}; {@code GET /x/2/users/{id}/tweets} (the account's timeline, newest first,
 * texts HTML-escaped and prefixed with the replied-to handle as X shows them).</li>
 * <li>Graph API: {@code POST|GET /facebook/v21.0/{id}/comments}, {@code POST|GET /instagram/v21.0/{id}/replies}.</li>
 * <li>Partner webhooks: {@code POST /<channel>}, deduplicated by {@code Idempotency-Key} as a partner does.</li>
 * </ul>
 * Faults: the next {@code n} posts can be accepted and then left without an answer (connection dropped, or the
 * answer delayed past the client's timeout), be lost before they are accepted, or answer a status; lookups can
 * answer a status. Every post that was accepted is counted per text, so a test or the benchmark sees a duplicate.
 */
public final class ChannelStub implements AutoCloseable {

    /** The stub's own accounts: whose posts a lookup should find. */
    public static final String X_ACCOUNT = "1500000000000000001";
    public static final String FACEBOOK_PAGE = "104000000000001";
    public static final String INSTAGRAM_ACCOUNT = "17841400000000001";
    public static final String INSTAGRAM_USERNAME = "acme_care";

    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
            .withZone(ZoneOffset.UTC);

    /** What happens to the next faulty posts. */
    public enum Fault {
        /** The post is created, then the connection is closed without an answer. */
        ACCEPT_THEN_DROP,
        /** The post is created, and the answer comes after {@code delayMs} (past the client's timeout). */
        ACCEPT_THEN_DELAY,
        /** The connection is closed before the post is created (nothing reaches the platform). */
        DROP_BEFORE_ACCEPT,
        /** The post is not created; the answer is {@code status}. */
        STATUS
    }

    /** One post the platform created. */
    public record Post(String id, String channel, String parentId, String author, String authorName, String text,
            String idempotencyKey, Instant at) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final Queue<Post> posts = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> postsByText = new ConcurrentHashMap<>();
    private final Map<String, Post> webhookKeys = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_800_000_000_000_000_000L);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private final AtomicInteger lookupFaultsLeft = new AtomicInteger();
    private volatile Fault fault = Fault.STATUS;
    private volatile int faultStatus = 503;
    private volatile long faultDelayMs;
    private volatile int lookupFaultStatus = 503;
    private volatile long latencyMs;

    private ChannelStub(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    private static ChannelStub shared;

    /** The stub shared by the test classes of the JVM (started on first use, stopped at exit). */
    public static synchronized ChannelStub shared() {
        if (shared == null) {
            shared = start();
            ChannelStub started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-channel-stub-shutdown"));
        }
        return shared;
    }

    /** Starts the stub on a free port of 127.0.0.1 with its own Vert.x instance. */
    public static ChannelStub start() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        HttpServer server = vertx.createHttpServer();
        ChannelStub stub = new ChannelStub(vertx, server);
        server.requestHandler(stub::handle);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Could not start the channel stub", e);
        }
        return stub;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The next {@code times} posts meet {@code fault}; {@code delayMs} for ACCEPT_THEN_DELAY. */
    public ChannelStub failPosts(Fault fault, int times, long delayMs) {
        this.fault = fault;
        this.faultDelayMs = delayMs;
        this.faultsLeft.set(times);
        return this;
    }

    /** The next {@code times} posts answer {@code status} without being created. */
    public ChannelStub failPostsWith(int status, int times) {
        this.faultStatus = status;
        return failPosts(Fault.STATUS, times, 0);
    }

    /** The next {@code times} lookups answer {@code status}. */
    public ChannelStub failLookups(int status, int times) {
        this.lookupFaultStatus = status;
        this.lookupFaultsLeft.set(times);
        return this;
    }

    /** Every post waits this long before it is answered (a platform's own latency). */
    public ChannelStub latency(long millis) {
        this.latencyMs = millis;
        return this;
    }

    /** Back to a healthy platform (posts kept). */
    public void heal() {
        faultsLeft.set(0);
        lookupFaultsLeft.set(0);
    }

    /** Adds a post by someone else (a customer's comment), as the platform would list it. */
    public Post seed(String channel, String parentId, String author, String text) {
        Post p = new Post(String.valueOf(ids.incrementAndGet()), channel, parentId, author, "someone", text, null,
                Instant.now());
        posts.add(p);
        return p;
    }

    public List<Post> posts(Predicate<Post> match) {
        return posts.stream().filter(match).toList();
    }

    /** Posts created with this exact text. */
    public List<Post> postsWithText(String text) {
        return posts(p -> text.equals(p.text()));
    }

    /** Number of posts created by this stub (webhook repeats with a known key are not created again). */
    public long created() {
        return posts.size();
    }

    /** Every post request received, including repeats and faulty ones. */
    public long received() {
        return received.get();
    }

    public long lookups() {
        return lookups.get();
    }

    /** Texts that were posted more than once. */
    public List<String> duplicatedTexts() {
        List<String> result = new ArrayList<>();
        postsByText.forEach((text, count) -> {
            if (count.get() > 1) {
                result.add(text);
            }
        });
        return result;
    }

    @Override
    public void close() {
        CountDownLatch closed = new CountDownLatch(1);
        vertx.close().onComplete(x -> closed.countDown());
        try {
            closed.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            try {
                route(request, body);
            } catch (RuntimeException e) {
                respond(request, 400, new JsonObject().put("error", String.valueOf(e.getMessage())));
            }
        }).onFailure(e -> request.connection().close());
    }

    private void route(HttpServerRequest request, Buffer body) {
        String[] path = request.path().substring(1).split("/");
        String channel = path[0];
        boolean get = "GET".equals(request.method().name());
        if (get) {
            lookup(request, channel, path);
            return;
        }
        received.incrementAndGet();
        if (faultsLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            faulty(request, channel, path, body);
            return;
        }
        Post post = create(request, channel, path, body);
        if (latencyMs > 0) {
            vertx.setTimer(latencyMs, t -> answer(request, post));
        } else {
            answer(request, post);
        }
    }

    private void faulty(HttpServerRequest request, String channel, String[] path, Buffer body) {
        switch (fault) {
            case ACCEPT_THEN_DROP -> {
                create(request, channel, path, body);
                request.connection().close();
            }
            case ACCEPT_THEN_DELAY -> {
                Post post = create(request, channel, path, body);
                vertx.setTimer(Math.max(1, faultDelayMs), t -> {
                    if (!request.response().closed()) {
                        answer(request, post);
                    }
                });
            }
            case DROP_BEFORE_ACCEPT -> request.connection().close();
            case STATUS -> respond(request, faultStatus, new JsonObject().put("error", "stub fault"));
        }
    }

    /** Creates the post the request asks for, as the platform would. */
    private Post create(HttpServerRequest request, String channel, String[] path, Buffer body) {
        JsonObject json = body.length() == 0 ? new JsonObject() : body.toJsonObject();
        Instant now = Instant.now();
        Post post;
        switch (channel) {
            case "x" -> post = new Post(String.valueOf(ids.incrementAndGet()), channel,
                    json.getJsonObject("reply", new JsonObject()).getString("in_reply_to_tweet_id"), X_ACCOUNT,
                    "Acme Care", json.getString("text"), null, now);
            case "facebook" -> post = new Post(path[2] + "_" + ids.incrementAndGet(), channel, path[2], FACEBOOK_PAGE,
                    "Acme", json.getString("message"), null, now);
            case "instagram" -> post = new Post(String.valueOf(ids.incrementAndGet()), channel, path[2],
                    INSTAGRAM_ACCOUNT, INSTAGRAM_USERNAME, json.getString("message"), null, now);
            default -> {
                String key = request.getHeader("Idempotency-Key");
                Post fresh = new Post("wh-" + ids.incrementAndGet(), channel, json.getString("inReplyTo"), "partner",
                        "partner", json.getString("text"), key, now);
                if (key != null) {
                    Post earlier = webhookKeys.putIfAbsent(key, fresh);
                    if (earlier != null) {
                        return earlier;
                    }
                }
                post = fresh;
            }
        }
        posts.add(post);
        if (post.text() != null) {
            postsByText.computeIfAbsent(post.text(), t -> new AtomicInteger()).incrementAndGet();
        }
        return post;
    }

    private void answer(HttpServerRequest request, Post post) {
        if ("x".equals(post.channel())) {
            respond(request, 201, new JsonObject().put("data", new JsonObject().put("id", post.id())
                    .put("text", post.text())));
        } else {
            respond(request, 200, new JsonObject().put("id", post.id()));
        }
    }

    private void lookup(HttpServerRequest request, String channel, String[] path) {
        lookups.incrementAndGet();
        if (lookupFaultsLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            respond(request, lookupFaultStatus, new JsonObject().put("error", "stub lookup fault"));
            return;
        }
        String max = request.getParam("max_results") != null ? request.getParam("max_results")
                : request.getParam("limit");
        int limit = parseInt(max, 25);
        JsonArray data = new JsonArray();
        switch (channel) {
            case "x" -> {
                // /x/2/users/{id}/tweets: that account's posts, newest first
                String account = path[3];
                Instant since = request.getParam("start_time") == null ? Instant.EPOCH
                        : Instant.parse(request.getParam("start_time"));
                newestFirst(p -> "x".equals(p.channel()) && account.equals(p.author()) && !p.at().isBefore(since))
                        .stream().limit(limit).forEach(p -> data.add(new JsonObject()
                                .put("id", p.id())
                                .put("text", "@lucia_g " + htmlEscape(p.text()))
                                .put("created_at", p.at().truncatedTo(ChronoUnit.MILLIS).toString())
                                .put("referenced_tweets", new JsonArray().add(new JsonObject()
                                        .put("type", "replied_to").put("id", p.parentId())))));
                respond(request, 200, new JsonObject().put("data", data)
                        .put("meta", new JsonObject().put("result_count", data.size())));
            }
            case "facebook" -> {
                String parent = path[2];
                newestFirst(p -> "facebook".equals(p.channel()) && parent.equals(p.parentId())).stream().limit(limit)
                        .forEach(p -> data.add(new JsonObject()
                                .put("id", p.id())
                                .put("message", p.text())
                                .put("created_time", GRAPH_TIME.format(p.at()))
                                .put("from", new JsonObject().put("id", p.author()).put("name", p.authorName()))));
                respond(request, 200, new JsonObject().put("data", data).put("paging", new JsonObject()));
            }
            case "instagram" -> {
                String parent = path[2];
                newestFirst(p -> "instagram".equals(p.channel()) && parent.equals(p.parentId())).stream().limit(limit)
                        .forEach(p -> data.add(new JsonObject()
                                .put("id", p.id())
                                .put("text", p.text())
                                .put("timestamp", GRAPH_TIME.format(p.at()))
                                .put("username", p.authorName())
                                .put("from", new JsonObject().put("id", p.author()).put("username", p.authorName()))));
                respond(request, 200, new JsonObject().put("data", data).put("paging", new JsonObject()));
            }
            default -> respond(request, 404, new JsonObject().put("error", "no lookup for " + channel));
        }
    }

    private List<Post> newestFirst(Predicate<Post> match) {
        return posts.stream().filter(match).sorted(Comparator.comparing(Post::at).reversed()).toList();
    }

    private static void respond(HttpServerRequest request, int status, JsonObject body) {
        if (request.response().closed() || request.response().ended()) {
            return;
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    private static String htmlEscape(String text) {
        return text == null ? null : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
