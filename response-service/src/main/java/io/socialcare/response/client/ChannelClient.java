package io.socialcare.response.client;

import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.socialcare.response.Channels;
import io.socialcare.response.Reply;
import io.socialcare.response.config.ChannelsConfig;
import io.socialcare.response.config.ResponseConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Posts a reply into the thread it answers, with the exact request shape of each channel (contract):
 * X API v2 {@code /2/tweets}, Graph API comments (facebook) and replies (instagram), and the signed partner
 * webhook for every other channel. A Vert.x WebClient rather than a REST client interface, because the base URL
 * is chosen per channel at run time and the webhook signature needs the exact body bytes.
 */
@ApplicationScoped
public class ChannelClient {

    private final WebClient client;
    private final ChannelsConfig channels;
    private final ResponseConfig config;
    private final ObjectMapper mapper;

    public ChannelClient(Vertx vertx, ChannelsConfig channels, ResponseConfig config, ObjectMapper mapper) {
        this.channels = channels;
        this.config = config;
        this.mapper = mapper;
        // one keep-alive pool per channel host, as large as the posts the worker runs at once (the default of 5
        // connections would queue the others)
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.delivery().connectTimeout().toMillis())
                .setFollowRedirects(false)
                .setKeepAlive(true)
                .setMaxPoolSize(config.delivery().maxInFlight())
                .setUserAgent("socialcare-response-service"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Posts the reply; never fails, every failure is an outcome. */
    public Uni<PostOutcome> post(Reply reply) {
        ChannelsConfig.Endpoint endpoint = channels.endpoints().get(reply.channel);
        Optional<String> base = endpoint == null ? Optional.empty() : endpoint.url();
        if (base.isEmpty() || base.get().isBlank()) {
            return Uni.createFrom().item(new PostOutcome.Refused("channel_not_configured",
                    "channels." + reply.channel + ".url is not set"));
        }
        String url = trimSlash(base.get());
        Map<String, Object> body = new LinkedHashMap<>();
        boolean webhook = false;
        switch (reply.channel) {
            case Channels.X -> {
                url += "/2/tweets";
                body.put("text", reply.text);
                body.put("reply", Map.of("in_reply_to_tweet_id", reply.externalId));
            }
            case Channels.FACEBOOK -> {
                url += "/v21.0/" + encode(reply.externalId) + "/comments";
                body.put("message", reply.text);
            }
            case Channels.INSTAGRAM -> {
                url += "/v21.0/" + encode(reply.externalId) + "/replies";
                body.put("message", reply.text);
            }
            default -> {
                webhook = true;
                body.put("event", "reply");
                body.put("replyId", reply.id);
                body.put("caseId", reply.caseId);
                body.put("channel", reply.channel);
                body.put("threadId", reply.threadId);
                body.put("inReplyTo", reply.externalId);
                body.put("text", reply.text);
            }
        }
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().item(new PostOutcome.Refused("invalid_reply", e.getMessage()));
        }
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.POST, url)
                .timeout(config.delivery().timeout().toMillis())
                .putHeader("Content-Type", "application/json");
        endpoint.token().filter(t -> !t.isBlank()).ifPresent(t -> request.putHeader("Authorization", "Bearer " + t));
        if (webhook) {
            request.putHeader("Idempotency-Key", reply.id);
            Optional<String> secret = endpoint.secret().filter(s -> !s.isBlank());
            if (secret.isEmpty()) {
                return Uni.createFrom().item(new PostOutcome.Refused("channel_not_configured",
                        "channels." + reply.channel + ".secret is not set"));
            }
            request.putHeader("X-Signature-256", "sha256=" + hmacSha256(secret.get(), bytes));
        }
        boolean lookup = canLookUp(reply.channel);
        return request.sendBuffer(Buffer.buffer(bytes))
                .map(response -> outcome(response, lookup))
                .onFailure().recoverWithItem(ChannelClient::failure);
    }

    /**
     * True when a post to the channel whose outcome is unknown can be looked up on the platform: x, facebook and
     * instagram with {@code channels.<channel>.account} set.
     */
    public boolean canLookUp(String channel) {
        if (Channels.honoursIdempotencyKey(channel)) {
            return false;
        }
        ChannelsConfig.Endpoint endpoint = channels.endpoints().get(channel);
        return endpoint != null && endpoint.url().filter(u -> !u.isBlank()).isPresent()
                && endpoint.account().filter(a -> !a.isBlank()).isPresent();
    }

    /**
     * Looks for the reply on the platform after a post whose outcome was unknown: our account's posts in reply to
     * the same post, with the same text ({@link PostMatcher}), created from {@code since} on, and not one of
     * {@code taken} (the platform ids other replies already hold). Never fails; every failure is an outcome.
     */
    public Uni<LookupOutcome> lookup(Reply reply, Instant since, Collection<String> taken) {
        ChannelsConfig.Endpoint endpoint = channels.endpoints().get(reply.channel);
        if (!canLookUp(reply.channel)) {
            return Uni.createFrom().item(new LookupOutcome.Failed("channels." + reply.channel
                    + ".account is not set"));
        }
        PlatformLookup lookup = new PlatformLookup(client, mapper, trimSlash(endpoint.url().get()), endpoint.token(),
                endpoint.account().get(), config.delivery().timeout().toMillis(), config.delivery().lookupMaxPages());
        return lookup.find(reply, since, taken)
                .onFailure().recoverWithItem(t -> new LookupOutcome.Failed(t.getClass().getSimpleName() + ": "
                        + t.getMessage()));
    }

    private PostOutcome outcome(HttpResponse<Buffer> response, boolean lookup) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new PostOutcome.Posted(postId(response));
        }
        String error = "HTTP " + status;
        if (status == 401 || status == 403) {
            return new PostOutcome.Refused("channel_auth", error);
        }
        if (status == 429) {
            return new PostOutcome.Retryable(error, retryAfter(response.getHeader("Retry-After")));
        }
        if (status >= 500 && status != 503 && lookup) {
            // a platform's 500/502/504 does not say the post was not created: look it up before posting again
            return new PostOutcome.Unknown(error);
        }
        if (status == 408 || status >= 500) {
            return new PostOutcome.Retryable(error, null);
        }
        return new PostOutcome.Refused("channel_rejected", error);
    }

    private static PostOutcome failure(Throwable t) {
        String error = t.getClass().getSimpleName() + ": " + t.getMessage();
        if (t instanceof ConnectException) {
            // nothing reached the platform
            return new PostOutcome.Retryable(error, null);
        }
        return new PostOutcome.Unknown(error);
    }

    /** The platform's id of the new post: {@code data.id} (X) or {@code id} (Graph API, webhooks). */
    private String postId(HttpResponse<Buffer> response) {
        try {
            Buffer body = response.body();
            if (body == null || body.length() == 0) {
                return null;
            }
            JsonNode json = mapper.readTree(body.getBytes());
            JsonNode id = json.path("data").path("id");
            if (id.isMissingNode()) {
                id = json.path("id");
            }
            return id.isValueNode() ? id.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(Instant.now(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    public static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
