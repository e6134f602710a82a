package io.socialcare.listening.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
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
 * because the embedded MongoDB wire server ignores compound indexes and real MongoDB treats both alike. What still
 * has to reach Kafka is kept apart, in {@link OutboxRepository}, so a stored mention is written once. The ingest
 * path only looks mentions up by {@code _id} or {@code source} (both unique indexes); filters on other fields are
 * for the read API.
 */
@ApplicationScoped
public class MentionRepository {

    public static final int DUPLICATE_KEY = 11000;

    private final ReactiveMongoCollection<Document> mentions;
    private final OutboxRepository outbox;

    public MentionRepository(ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String db, OutboxRepository outbox) {
        this.mentions = client.getDatabase(db).getCollection("mentions");
        this.outbox = outbox;
    }

    public Uni<Void> ensureIndexes() {
        return mentions.createIndex(Indexes.ascending("source"), new IndexOptions().unique(true).name("source_unique"))
                .chain(() -> mentions.createIndex(Indexes.descending("capturedAt", "_id")))
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

    /**
     * Stores new mentions in one unordered {@code insertMany}; the positions (in {@code mentions}) that were not
     * stored because their source is known already (duplicate-key errors of the unique source index). Any other
     * error fails the whole call.
     */
    public Uni<Set<Integer>> insertAll(List<MentionEvent> events, String origin) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Document> docs = new ArrayList<>(events.size());
        for (MentionEvent m : events) {
            docs.add(toDocument(m).append("source", source(m.channel(), m.externalId())).append("origin", origin));
        }
        return mentions.insertMany(docs, new InsertManyOptions().ordered(false))
                .map(ignored -> Set.<Integer>of())
                .onFailure(MongoBulkWriteException.class).recoverWithUni(failure -> {
                    MongoBulkWriteException bulk = (MongoBulkWriteException) failure;
                    Set<Integer> duplicates = new HashSet<>();
                    for (BulkWriteError error : bulk.getWriteErrors()) {
                        if (error.getCode() != DUPLICATE_KEY && error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                            return Uni.createFrom().failure(failure);
                        }
                        duplicates.add(error.getIndex());
                    }
                    return Uni.createFrom().item(duplicates);
                });
    }

    public Uni<MentionEvent> findById(String id) {
        return mentions.find(Filters.eq("_id", id)).collect().first().map(MentionRepository::toEvent);
    }

    /** The mentions with these ids (any order; unknown ids are left out). */
    public Uni<List<MentionEvent>> findByIds(Collection<String> ids) {
        return mentions.find(Filters.in("_id", ids)).map(MentionRepository::toEvent).collect().asList();
    }

    /** Where a mention stands in the outbox: published or not, and how many publish attempts failed. */
    public record OutboxState(boolean published, int failures) {
    }

    /** The outbox state of a mention; null for an unknown id. */
    public Uni<OutboxState> outboxState(String id) {
        return findById(id).chain(mention -> mention == null ? Uni.createFrom().nullItem()
                : outbox.findByMention(id).map(entries -> entries.isEmpty() ? new OutboxState(true, 0)
                        : new OutboxState(false, entries.stream().mapToInt(OutboxRepository.Entry::failures).max()
                                .orElse(0))));
    }

    /** The id of the first mention of each known source ({@code channel/externalId}). */
    public Uni<Map<String, String>> findIdsBySources(Collection<String> sources) {
        return mentions.find(Filters.in("source", sources)).collect()
                .asMap(doc -> doc.getString("source"), doc -> doc.getString("_id"));
    }

    /**
     * Mentions stored by a version of the service that kept the outbox fields on the mention itself and never
     * reached Kafka, oldest first (read once, at the first start of this version).
     */
    public Uni<List<MentionEvent>> findLegacyUnpublished() {
        return mentions.find(Filters.eq("published", false),
                        new FindOptions().sort(Sorts.ascending("capturedAt", "_id")))
                .map(MentionRepository::toEvent).collect().asList();
    }

    /** Clears the legacy outbox fields of mentions now held by the outbox. */
    public Uni<Void> clearLegacyOutboxFields(Collection<String> ids) {
        return mentions.updateMany(Filters.in("_id", ids),
                Updates.combine(Updates.unset("published"), Updates.unset("leaseUntil"))).replaceWithVoid();
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
