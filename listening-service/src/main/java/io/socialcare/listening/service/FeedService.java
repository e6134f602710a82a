package io.socialcare.listening.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.commons.problem.Validator;
import io.socialcare.listening.Brand;
import io.socialcare.listening.CaptureResult;
import io.socialcare.listening.Feed;
import io.socialcare.listening.MentionRequest;
import io.socialcare.listening.analysis.Analyser;
import io.socialcare.listening.config.ListeningConfig;
import io.socialcare.listening.repository.BrandRepository;
import io.socialcare.listening.repository.FeedRepository;

/**
 * RSS/Atom sources per brand: conditional GETs (ETag / Last-Modified), items that name the brand's keywords or
 * handles become {@code blog} mentions; an item seen before is a duplicate of its (channel, externalId), so
 * polling again stores and publishes nothing new.
 */
@ApplicationScoped
public class FeedService {

    /** A feed document larger than this is not read. */
    static final int MAX_FEED_BYTES = 5 * 1024 * 1024;

    /** What one poll did ({@code status} 0: no HTTP answer could be read). */
    public record PollResult(String feed, int status, boolean notModified, int items, int matching, int captured) {
    }

    private final FeedRepository feeds;
    private final BrandRepository brands;
    private final MentionService mentions;
    private final Analyser analyser;
    private final ListeningConfig config;
    private final HttpClient http;

    public FeedService(FeedRepository feeds, BrandRepository brands, MentionService mentions, Analyser analyser,
            ListeningConfig config) {
        this.feeds = feeds;
        this.brands = brands;
        this.mentions = mentions;
        this.analyser = analyser;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.feeds().timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Uni<Feed> upsert(String id, String brand, String url) {
        Validator v = new Validator();
        if (id == null || !BrandService.ID.matcher(id).matches()) {
            v.add("id", "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        v.text("brand", brand, 1, 200);
        if (v.text("url", url, 1, 2048)) {
            v.httpUrl("url", url);
        }
        v.throwIfInvalid();
        return brands.find(brand).chain(b -> {
            if (b == null) {
                throw ProblemException.invalid("brand", "is not a configured brand");
            }
            return feeds.upsert(id, brand, url).chain(() -> feeds.find(id));
        });
    }

    public Uni<Feed> get(String id) {
        return feeds.find(id).map(f -> {
            if (f == null) {
                throw ProblemException.notFound("No feed " + id);
            }
            return f;
        });
    }

    public Uni<List<Feed>> list(String brand) {
        return feeds.list(brand == null ? null : Set.of(brand));
    }

    public Uni<Void> delete(String id) {
        return feeds.delete(id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("No feed " + id);
            }
            return null;
        });
    }

    /** Polls every feed, one after the other; a failing feed is logged and does not stop the others. */
    public Uni<Void> pollAll() {
        return feeds.list(null).chain(all -> Multi.createFrom().iterable(all)
                .onItem().transformToUniAndConcatenate(feed -> poll(feed).onFailure().recoverWithItem(e -> {
                    Log.warnf("Feed %s could not be polled: %s", feed.id(), e.getMessage());
                    return null;
                }))
                .collect().asList().replaceWithVoid());
    }

    public Uni<PollResult> poll(String id) {
        return get(id).chain(this::poll);
    }

    Uni<PollResult> poll(Feed feed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(feed.url()))
                .timeout(config.feeds().timeout())
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                .header("User-Agent", "socialcare-listening/1.0")
                .GET();
        if (feed.etag() != null) {
            request.header("If-None-Match", feed.etag());
        }
        if (feed.lastModified() != null) {
            request.header("If-Modified-Since", feed.lastModified());
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(),
                        info -> new LimitedBody(MAX_FEED_BYTES)))
                .onItemOrFailure().transformToUni((response, failure) -> {
                    Instant now = Instant.now();
                    if (failure != null) {
                        // the feed's server is down, answers nonsense (a redirect without Location) or too much:
                        // that is the feed's state, recorded and reported, not an error of this request
                        String state = failure instanceof FeedTooLarge ? "too-large" : "unreachable";
                        Log.infof("Feed %s not read (%s): %s", feed.id(), state, failure.getMessage());
                        return feeds.recordPoll(feed.id(), null, null, state, now)
                                .replaceWith(new PollResult(feed.id(), 0, false, 0, 0, 0));
                    }
                    int status = response.statusCode();
                    if (status == 304) {
                        return feeds.recordPoll(feed.id(), null, null, "not-modified", now)
                                .replaceWith(new PollResult(feed.id(), status, true, 0, 0, 0));
                    }
                    if (status / 100 != 2) {
                        return feeds.recordPoll(feed.id(), null, null, "http-" + status, now)
                                .replaceWith(new PollResult(feed.id(), status, false, 0, 0, 0));
                    }
                    String etag = response.headers().firstValue("ETag").orElse(null);
                    String lastModified = response.headers().firstValue("Last-Modified").orElse(null);
                    List<FeedParser.Item> items;
                    try {
                        items = FeedParser.parse(response.body());
                    } catch (Exception e) {
                        return feeds.recordPoll(feed.id(), null, null, "unreadable", now)
                                .replaceWith(new PollResult(feed.id(), status, false, 0, 0, 0));
                    }
                    return brands.findCached(feed.brand()).chain(brand -> capture(feed, brand, items))
                            .call(result -> feeds.recordPoll(feed.id(), etag, lastModified, "ok", now))
                            .map(result -> new PollResult(feed.id(), status, false, items.size(), result[0],
                                    result[1]));
                });
    }

    private Uni<int[]> capture(Feed feed, Brand brand, List<FeedParser.Item> items) {
        if (brand == null) {
            return Uni.createFrom().item(new int[] { 0, 0 });
        }
        List<MentionRequest> matching = items.stream()
                .filter(item -> analyser.mentionsBrand(join(item.title(), item.summary()), names(brand),
                        brand.handles()))
                .map(item -> toMention(feed, item))
                .toList();
        if (matching.isEmpty()) {
            return Uni.createFrom().item(new int[] { 0, 0 });
        }
        return mentions.captureEach(matching, b -> true, "rss").map(results -> {
            for (int i = 0; i < results.size(); i++) {
                if (CaptureResult.REJECTED.equals(results.get(i).status())) {
                    Log.warnf("Feed %s item %s rejected: %s", feed.id(), matching.get(i).externalId(),
                            results.get(i).problem() == null ? "" : results.get(i).problem().detail());
                }
            }
            return new int[] { matching.size(), (int) results.stream().filter(CaptureResult::isAccepted).count() };
        });
    }

    /** The words that name the brand: its keywords, its name and its id. */
    private static List<String> names(Brand brand) {
        List<String> names = new java.util.ArrayList<>(brand.keywords());
        if (brand.name() != null) {
            names.add(brand.name());
        }
        names.add(brand.id());
        return names;
    }

    private static MentionRequest toMention(Feed feed, FeedParser.Item item) {
        String host = URI.create(feed.url()).getHost();
        String externalId = item.id() != null ? item.id() : item.link() != null ? item.link()
                : sha256(join(item.title(), item.summary()));
        if (externalId.length() > 200) {
            externalId = "sha256:" + sha256(externalId);
        }
        String author = item.author() != null && item.author().length() <= 200 ? item.author() : host;
        String text = join(item.title(), item.summary());
        if (text.length() > 10_000) {
            text = text.substring(0, 10_000);
        }
        Instant now = Instant.now();
        Instant published = item.published() == null || item.published().isAfter(now) ? now : item.published();
        String link = item.link() != null && item.link().matches("(?i)https?://.+") ? item.link() : null;
        return new MentionRequest(feed.brand(), "blog", externalId, null, null,
                new MentionRequest.Author(author, author, item.author()), text, link, published.toString(), null,
                null);
    }

    private static String join(String title, String summary) {
        if (title == null) {
            return summary == null ? "" : summary;
        }
        return summary == null ? title : title + ". " + summary;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The feed answered with more than {@link #MAX_FEED_BYTES}. */
    static final class FeedTooLarge extends IOException {

        FeedTooLarge(long limit) {
            super("the feed is larger than " + limit + " bytes");
        }
    }

    /** Collects a response body up to a limit, and fails (cancelling the download) beyond it. */
    static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final long limit;
        private Flow.Subscription subscription;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : items) {
                if (out.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new FeedTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
