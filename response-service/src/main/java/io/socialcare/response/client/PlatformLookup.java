package io.socialcare.response.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.socialcare.response.Channels;
import io.socialcare.response.Reply;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * One lookup of a reply on the platform, page after page, newest first where the platform allows it:
 * <ul>
 * <li>x: our account's timeline, {@code GET /2/users/{account}/tweets?start_time=…&tweet.fields=created_at,
 * referenced_tweets} (the timeline, unlike recent search, lists a new post at once); a match replies to the mention
 * ({@code referenced_tweets} of type {@code replied_to}).</li>
 * <li>facebook: {@code GET /v21.0/{mention}/comments?fields=id,message,from,created_time&order=reverse_chronological};
 * a match is from our page ({@code from.id}).</li>
 * <li>instagram: {@code GET /v21.0/{mention}/replies?fields=id,text,timestamp,from,username}; a match is from our
 * account ({@code from.id} or {@code username}).</li>
 * </ul>
 * Every match also has the same text ({@link PostMatcher}), was created from {@code since} on, and is not a post
 * another reply already holds. More than {@code maxPages} pages without reaching {@code since} is a failed lookup
 * (not "absent"): the reply may be further down.
 */
final class PlatformLookup {

    private static final DateTimeFormatter X_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final WebClient client;
    private final ObjectMapper mapper;
    private final String base;
    private final Optional<String> token;
    private final String account;
    private final long timeoutMillis;
    private final int maxPages;

    PlatformLookup(WebClient client, ObjectMapper mapper, String base, Optional<String> token, String account,
            long timeoutMillis, int maxPages) {
        this.client = client;
        this.mapper = mapper;
        this.base = base;
        this.token = token;
        this.account = account;
        this.timeoutMillis = timeoutMillis;
        this.maxPages = maxPages;
    }

    Uni<LookupOutcome> find(Reply reply, Instant since, Collection<String> taken) {
        return page(reply, since, taken, null, 1);
    }

    private Uni<LookupOutcome> page(Reply reply, Instant since, Collection<String> taken, String cursor, int number) {
        String url = switch (reply.channel) {
            case Channels.X -> base + "/2/users/" + ChannelClient.encode(account) + "/tweets?max_results=100"
                    + "&exclude=retweets&tweet.fields=created_at,referenced_tweets,conversation_id&start_time="
                    + X_TIME.format(since.truncatedTo(ChronoUnit.SECONDS))
                    + (cursor == null ? "" : "&pagination_token=" + ChannelClient.encode(cursor));
            case Channels.FACEBOOK -> base + "/v21.0/" + ChannelClient.encode(reply.externalId)
                    + "/comments?fields=id,message,from,created_time&order=reverse_chronological&limit=100"
                    + (cursor == null ? "" : "&after=" + ChannelClient.encode(cursor));
            default -> base + "/v21.0/" + ChannelClient.encode(reply.externalId)
                    + "/replies?fields=id,text,timestamp,from,username&limit=100"
                    + (cursor == null ? "" : "&after=" + ChannelClient.encode(cursor));
        };
        HttpRequest<Buffer> request = client.requestAbs(HttpMethod.GET, url).timeout(timeoutMillis);
        token.filter(t -> !t.isBlank()).ifPresent(t -> request.putHeader("Authorization", "Bearer " + t));
        return request.send().flatMap(response -> {
            Page page;
            try {
                page = read(reply, response, since, taken);
            } catch (Exception e) {
                return Uni.createFrom().item(new LookupOutcome.Failed("unreadable lookup answer: " + e.getMessage()));
            }
            if (page.outcome() != null) {
                return Uni.createFrom().item(page.outcome());
            }
            if (page.next() == null || page.reachedSince()) {
                return Uni.createFrom().item(new LookupOutcome.Absent());
            }
            if (number >= maxPages) {
                return Uni.createFrom().item(new LookupOutcome.Failed("lookup read " + number
                        + " pages without reaching the attempt"));
            }
            return page(reply, since, taken, page.next(), number + 1);
        });
    }

    /** One page: an outcome (found, failed) or where to read on. */
    private record Page(LookupOutcome outcome, String next, boolean reachedSince) {
    }

    private Page read(Reply reply, HttpResponse<Buffer> response, Instant since, Collection<String> taken)
            throws Exception {
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            return new Page(new LookupOutcome.Failed("lookup HTTP " + response.statusCode()), null, false);
        }
        JsonNode json = mapper.readTree(response.body() == null ? new byte[0] : response.body().getBytes());
        JsonNode data = json.path("data");
        if (!data.isArray()) {
            return new Page(new LookupOutcome.Failed("lookup answer without data"), null, false);
        }
        Found best = null;
        boolean reachedSince = false;
        for (JsonNode post : data) {
            Instant created = created(reply.channel, post);
            if (created != null && created.isBefore(since)) {
                reachedSince = true;
                continue;
            }
            String id = post.path("id").asText(null);
            if (id == null || taken.contains(id) || !ours(reply, post)) {
                continue;
            }
            if (best == null || (created != null && best.created() != null && created.isBefore(best.created()))) {
                best = new Found(id, created);
            }
        }
        if (best != null) {
            return new Page(new LookupOutcome.Found(best.id(), best.created()), null, false);
        }
        String next = Channels.X.equals(reply.channel) ? json.path("meta").path("next_token").asText(null)
                : json.path("paging").path("cursors").path("after").asText(null);
        if (next != null && !Channels.X.equals(reply.channel) && json.path("paging").path("next").isMissingNode()) {
            next = null;  // Graph API: a cursor without "next" is the last page
        }
        // the x timeline is bounded by start_time, instagram replies are not ordered: only facebook's newest-first
        // listing may stop at the first post older than the attempt
        return new Page(null, next, reachedSince && Channels.FACEBOOK.equals(reply.channel));
    }

    private record Found(String id, Instant created) {
    }

    /** By our account, in reply to the mention, with our text. */
    private boolean ours(Reply reply, JsonNode post) {
        switch (reply.channel) {
            case Channels.X -> {
                boolean repliesToMention = false;
                for (JsonNode ref : post.path("referenced_tweets")) {
                    if ("replied_to".equals(ref.path("type").asText()) && reply.externalId.equals(ref.path("id").asText())) {
                        repliesToMention = true;
                    }
                }
                return repliesToMention && PostMatcher.sameText(reply.text, post.path("text").asText(null));
            }
            case Channels.FACEBOOK -> {
                return account.equals(post.path("from").path("id").asText())
                        && PostMatcher.sameText(reply.text, post.path("message").asText(null));
            }
            default -> {
                boolean byUs = account.equals(post.path("from").path("id").asText())
                        || account.equals(post.path("from").path("username").asText())
                        || account.equals(post.path("username").asText());
                return byUs && PostMatcher.sameText(reply.text, post.path("text").asText(null));
            }
        }
    }

    private static Instant created(String channel, JsonNode post) {
        String value = switch (channel) {
            case Channels.X -> post.path("created_at").asText(null);
            case Channels.FACEBOOK -> post.path("created_time").asText(null);
            default -> post.path("timestamp").asText(null);
        };
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }
}
