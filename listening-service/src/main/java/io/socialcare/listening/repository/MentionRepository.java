package io.socialcare.listening.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.MentionEvent;
import io.socialcare.contract.MentionEvent.Analysis;
import io.socialcare.contract.MentionEvent.Author;
import io.socialcare.contract.MentionEvent.Sentiment;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code mentions} collection. {@code _id} is the suite's mention id; {@code source} ({@code
 * channel/externalId}) carries the unique index that decides duplicates — one field rather than a compound index,
 * because the embedded MongoDB wire server ignores compound indexes and real MongoDB treats both alike. The outbox
 * fields {@code published} and {@code leaseUntil} tell the relay what still has to reach Kafka.
 */
@ApplicationScoped
public class MentionRepository {

    public static final int DUPLICATE_KEY = 11000;

    private final ReactiveMongoCollection<Document> mentions;

    public MentionRepository(ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.mentions = client.getDatabase(db).getCollection("mentions");
    }

    public Uni<Void> ensureIndexes() {
        return mentions.createIndex(Indexes.ascending("source"), new IndexOptions().unique(true).name("source_unique"))
                .chain(() -> mentions.createIndex(Indexes.descending("capturedAt", "_id")))
                .chain(() -> mentions.createIndex(Indexes.ascending("published", "leaseUntil", "capturedAt")))
                .chain(() -> mentions.createIndex(Indexes.ascending("brand", "capturedAt")))
                .replaceWithVoid();
    }

    public static String source(String channel, String externalId) {
        return channel + "/" + externalId;
    }

    public static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && (write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        || write.getError().getCode() == DUPLICATE_KEY);
    }

    /** Stores a new, not yet published mention; fails with a duplicate-key error when its source is known. */
    public Uni<Void> insert(MentionEvent mention, String origin, Instant leaseUntil) {
        Document doc = toDocument(mention)
                .append("source", source(mention.channel(), mention.externalId()))
                .append("origin", origin)
                .append("published", false)
                .append("leaseUntil", Date.from(leaseUntil));
        return mentions.insertOne(doc).replaceWithVoid();
    }

    public Uni<MentionEvent> findById(String id) {
        return mentions.find(Filters.eq("_id", id)).collect().first().map(MentionRepository::toEvent);
    }

    public Uni<MentionEvent> findBySource(String channel, String externalId) {
        return mentions.find(Filters.eq("source", source(channel, externalId))).collect().first()
                .map(MentionRepository::toEvent);
    }

    /** Where a mention stands in the outbox: published or not, and how many publish attempts failed. */
    public record OutboxState(boolean published, int failures) {
    }

    /** The outbox state of a mention; null for an unknown id. */
    public Uni<OutboxState> outboxState(String id) {
        return mentions.find(Filters.eq("_id", id)).collect().first().map(doc -> doc == null ? null
                : new OutboxState(doc.getBoolean("published", false), doc.getInteger("failures", 0)));
    }

    /** Records a failed publish attempt and makes the mention due for the relay at once. */
    public Uni<Void> markFailed(String id, String error, Instant now) {
        return mentions.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("published", false)),
                Updates.combine(Updates.set("leaseUntil", Date.from(now)), Updates.inc("failures", 1),
                        Updates.set("lastError", error == null ? "unknown" : error)))
                .replaceWithVoid();
    }

    /** Hands a mention to the relay at once (its lease ends now). */
    public Uni<Void> release(String id, Instant now) {
        return mentions.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("published", false)),
                Updates.set("leaseUntil", Date.from(now))).replaceWithVoid();
    }

    /**
     * True when an older mention with the same record key is still unpublished after a failed attempt: a newer one
     * must then wait for the relay, which sends them oldest first, so that one author's records keep their order.
     */
    public Uni<Boolean> hasFailedOlder(MentionEvent m) {
        Bson filter = Filters.and(Filters.eq("published", false), Filters.gt("failures", 0),
                Filters.eq("brand", m.brand()), Filters.eq("channel", m.channel()),
                Filters.eq("author.id", m.author().id()), Filters.lte("capturedAt", Date.from(m.capturedAt())),
                Filters.ne("_id", m.id()));
        return mentions.countDocuments(filter).map(count -> count > 0);
    }

    public Uni<Void> markPublished(String id, Instant at) {
        return mentions.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("published", true), Updates.set("sentAt", Date.from(at))))
                .replaceWithVoid();
    }

    /** Unpublished mentions whose lease ran out, oldest first. */
    public Uni<List<MentionEvent>> findDue(Instant now, int limit) {
        Bson filter = Filters.and(Filters.eq("published", false), Filters.lte("leaseUntil", Date.from(now)));
        return mentions.find(filter,
                new FindOptions().sort(Sorts.ascending("capturedAt", "_id")).limit(limit))
                .map(MentionRepository::toEvent).collect().asList();
    }

    /** Takes the lease of an unpublished mention for one publish attempt; false when someone else holds it. */
    public Uni<Boolean> claim(String id, Instant now, Instant until) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("published", false),
                Filters.lte("leaseUntil", Date.from(now)));
        return mentions.updateOne(filter, Updates.set("leaseUntil", Date.from(until)))
                .map(result -> result.getModifiedCount() == 1);
    }

    /**
     * One page of mentions, newest first (capturedAt desc, id desc).
     *
     * @param brands null for every brand
     */
    public Uni<List<MentionEvent>> list(Collection<String> brands, String channel, String intent, Instant since,
            Instant until, Instant afterCapturedAt, String afterId, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (brands != null) {
            filters.add(brands.size() == 1 ? Filters.eq("brand", brands.iterator().next())
                    : Filters.in("brand", brands));
        }
        if (channel != null) {
            filters.add(Filters.eq("channel", channel));
        }
        if (intent != null) {
            filters.add(Filters.eq("analysis.intent", intent));
        }
        if (since != null) {
            filters.add(Filters.gte("capturedAt", Date.from(since)));
        }
        if (until != null) {
            filters.add(Filters.lt("capturedAt", Date.from(until)));
        }
        if (afterCapturedAt != null) {
            Date at = Date.from(afterCapturedAt);
            filters.add(Filters.or(Filters.lt("capturedAt", at),
                    Filters.and(Filters.eq("capturedAt", at), Filters.lt("_id", afterId))));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return mentions.find(filter, new FindOptions().sort(Sorts.descending("capturedAt", "_id")).limit(limit))
                .map(MentionRepository::toEvent).collect().asList();
    }

    /** How many stored mentions have not reached Kafka yet. */
    public Uni<Long> countUnpublished() {
        return mentions.countDocuments(Filters.eq("published", false));
    }

    /** Negative mentions of a brand captured since {@code since}. */
    public Uni<Long> countNegative(String brand, Instant since) {
        return mentions.countDocuments(Filters.and(Filters.eq("brand", brand),
                Filters.eq("analysis.sentiment.label", "negative"), Filters.gte("capturedAt", Date.from(since))));
    }

    static Document toDocument(MentionEvent m) {
        Document author = new Document("id", m.author().id()).append("handle", m.author().handle())
                .append("name", m.author().name());
        Analysis a = m.analysis();
        Document analysis = new Document("language", a.language())
                .append("sentiment", new Document("label", a.sentiment().label()).append("score", a.sentiment().score()))
                .append("intent", a.intent())
                .append("urgency", a.urgency())
                .append("topics", a.topics());
        return new Document("_id", m.id())
                .append("brand", m.brand())
                .append("channel", m.channel())
                .append("externalId", m.externalId())
                .append("threadId", m.threadId())
                .append("inReplyTo", m.inReplyTo())
                .append("author", author)
                .append("text", m.text())
                .append("url", m.url())
                .append("publishedAt", Date.from(m.publishedAt()))
                .append("lang", m.lang())
                .append("customerRef", m.customerRef())
                .append("capturedAt", Date.from(m.capturedAt()))
                .append("analysis", analysis);
    }

    static MentionEvent toEvent(Document doc) {
        if (doc == null) {
            return null;
        }
        Document author = doc.get("author", Document.class);
        Document analysis = doc.get("analysis", Document.class);
        Document sentiment = analysis.get("sentiment", Document.class);
        Number score = sentiment.get("score", Number.class);
        return new MentionEvent(
                doc.getString("_id"),
                doc.getString("brand"),
                doc.getString("channel"),
                doc.getString("externalId"),
                doc.getString("threadId"),
                doc.getString("inReplyTo"),
                new Author(author.getString("id"), author.getString("handle"), author.getString("name")),
                doc.getString("text"),
                doc.getString("url"),
                BrandRepository.instant(doc.getDate("publishedAt")),
                doc.getString("lang"),
                doc.getString("customerRef"),
                BrandRepository.instant(doc.getDate("capturedAt")),
                new Analysis(analysis.getString("language"),
                        new Sentiment(sentiment.getString("label"), score == null ? 0.0 : score.doubleValue()),
                        analysis.getString("intent"), analysis.getString("urgency"),
                        analysis.getList("topics", String.class, List.of())));
    }
}
