package io.socialcare.listening.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.listening.CaptureResult;
import io.socialcare.listening.MentionRequest;
import io.socialcare.listening.repository.BrandRepository;

/**
 * Turns platform webhook deliveries (already authenticated by their signature) into mentions, captured exactly
 * like a partner push: Meta page comments and posts (facebook) and Instagram comments, and X tweet events.
 */
@ApplicationScoped
public class WebhookService {

    private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
            Locale.ROOT);
    private static final DateTimeFormatter META_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ",
            Locale.ROOT);

    private final MentionService mentions;
    private final BrandRepository brands;

    public WebhookService(MentionService mentions, BrandRepository brands) {
        this.mentions = mentions;
        this.brands = brands;
    }

    /** 404 unless the brand is configured. */
    public Uni<Void> requireBrand(String brand) {
        return brands.findCached(brand).map(b -> {
            if (b == null) {
                throw ProblemException.notFound("No brand " + brand);
            }
            return null;
        });
    }

    /** Mentions in a Meta delivery ({@code object} page or instagram). */
    public List<MentionRequest> fromMeta(String brand, JsonNode payload) {
        List<MentionRequest> result = new ArrayList<>();
        boolean instagram = "instagram".equals(payload.path("object").asText());
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String field = change.path("field").asText();
                if (instagram && ("comments".equals(field) || "mentions".equals(field))) {
                    String mediaId = text(value.path("media"), "id");
                    result.add(new MentionRequest(brand, "instagram", text(value, "id"),
                            mediaId, text(value, "parent_id"),
                            new MentionRequest.Author(text(value.path("from"), "id"),
                                    text(value.path("from"), "username"), null),
                            text(value, "text"), null, metaTime(value.path("timestamp"), entry.path("time")), null,
                            null));
                } else if (!instagram && "feed".equals(field)) {
                    String item = value.path("item").asText();
                    String verb = value.path("verb").asText("add");
                    if (!"add".equals(verb) || !List.of("comment", "post", "status").contains(item)) {
                        continue;
                    }
                    boolean comment = "comment".equals(item);
                    String postId = text(value, "post_id");
                    String parentId = text(value, "parent_id");
                    String externalId = comment ? text(value, "comment_id") : postId;
                    String author = text(value.path("from"), "id");
                    String name = text(value.path("from"), "name");
                    result.add(new MentionRequest(brand, "facebook", externalId, comment ? postId : externalId,
                            comment ? (parentId != null ? parentId : postId) : null,
                            new MentionRequest.Author(author, name != null ? name : author, name),
                            text(value, "message"), text(value, "permalink_url"),
                            metaTime(value.path("created_time"), entry.path("time")), null, null));
                }
            }
        }
        return result;
    }

    /** Mentions in an X Account Activity delivery; the account's own tweets are not mentions. */
    public List<MentionRequest> fromX(String brand, JsonNode payload) {
        List<MentionRequest> result = new ArrayList<>();
        String ownAccount = text(payload, "for_user_id");
        for (JsonNode tweet : payload.path("tweet_create_events")) {
            JsonNode user = tweet.path("user");
            String userId = text(user, "id_str");
            if (userId != null && userId.equals(ownAccount)) {
                continue;
            }
            String id = text(tweet, "id_str");
            String fullText = text(tweet.path("extended_tweet"), "full_text");
            String inReplyTo = text(tweet, "in_reply_to_status_id_str");
            String screenName = text(user, "screen_name");
            String lang = text(tweet, "lang");
            result.add(new MentionRequest(brand, "x", id, inReplyTo != null ? inReplyTo : id, inReplyTo,
                    new MentionRequest.Author(userId, screenName == null ? null : "@" + screenName,
                            text(user, "name")),
                    fullText != null ? fullText : text(tweet, "text"),
                    screenName == null || id == null ? null : "https://x.com/" + screenName + "/status/" + id,
                    xTime(text(tweet, "created_at"), text(tweet, "timestamp_ms")),
                    lang != null && lang.length() == 2 ? lang : null, null));
        }
        return result;
    }

    /** Captures every mention of a delivery on its own; rejected ones are logged and reported, not retried. */
    public Uni<List<CaptureResult>> capture(List<MentionRequest> requests, String origin) {
        if (requests.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return mentions.captureEach(requests, brand -> true, origin).map(results -> {
            List<CaptureResult> answer = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                CaptureResult r = results.get(i);
                if (CaptureResult.REJECTED.equals(r.status())) {
                    Log.warnf("Webhook %s item %s rejected: %s", origin, requests.get(i).externalId(),
                            r.problem() == null ? "" : r.problem().detail());
                }
                answer.add(new CaptureResult(null, r.id(), r.status(), r.problem()));
            }
            return answer;
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String metaTime(JsonNode value, JsonNode entryTime) {
        JsonNode time = value.isMissingNode() || value.isNull() ? entryTime : value;
        if (time.isNumber()) {
            long epoch = time.asLong();
            return (epoch > 100_000_000_000L ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch)).toString();
        }
        String text = time.asText(null);
        if (text == null || text.isBlank()) {
            return Instant.now().toString();
        }
        try {
            return OffsetDateTime.parse(text, META_DATE).toInstant().toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String xTime(String createdAt, String timestampMs) {
        if (timestampMs != null) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(timestampMs)).toString();
            } catch (NumberFormatException e) {
                // fall back to created_at
            }
        }
        if (createdAt == null) {
            return Instant.now().toString();
        }
        try {
            return ZonedDateTime.parse(createdAt, X_DATE).toInstant().toString();
        } catch (DateTimeParseException e) {
            return createdAt;
        }
    }
}
