package io.socialcare.listening.repository;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import io.quarkus.mongodb.FindOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.socialcare.listening.CrisisAlert;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox of crisis alerts (collection {@code alerts}): an alert is stored unpublished with a short lease before
 * it is sent, marked published on the broker's ack, and taken up again by the relay when the send failed.
 */
@ApplicationScoped
public class AlertRepository {

    private final ReactiveMongoCollection<Document> alerts;

    public AlertRepository(ReactiveMongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.alerts = client.getDatabase(db).getCollection("alerts");
    }

    public Uni<Void> insert(CrisisAlert alert, Instant leaseUntil) {
        Document doc = new Document("_id", alert.id()).append("brand", alert.brand())
                .append("detectedAt", Date.from(alert.detectedAt())).append("windowMinutes", alert.windowMinutes())
                .append("negativeInWindow", alert.negativeInWindow())
                .append("trailingPerWindow", alert.trailingPerWindow()).append("mentionId", alert.mentionId())
                .append("published", false).append("failures", 0).append("leaseUntil", Date.from(leaseUntil));
        return alerts.insertOne(doc).replaceWithVoid();
    }

    public Uni<Void> markPublished(String id, Instant at) {
        return alerts.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.set("published", true), Updates.set("sentAt", Date.from(at))))
                .replaceWithVoid();
    }

    /** Records a failed send and hands the alert to the relay at once. */
    public Uni<Void> markFailed(String id, String error, Instant now) {
        return alerts.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("published", false)),
                Updates.combine(Updates.set("leaseUntil", Date.from(now)), Updates.inc("failures", 1),
                        Updates.set("lastError", error == null ? "" : error)))
                .replaceWithVoid();
    }

    /** Unpublished alerts whose lease ran out, oldest first. */
    public Uni<List<CrisisAlert>> findDue(Instant now, int limit) {
        Bson filter = Filters.and(Filters.eq("published", false), Filters.lte("leaseUntil", Date.from(now)));
        return alerts.find(filter, new FindOptions().sort(Sorts.ascending("detectedAt", "_id")).limit(limit))
                .map(AlertRepository::toAlert).collect().asList();
    }

    /** Takes the lease of an unpublished alert for one attempt; false when someone else holds it. */
    public Uni<Boolean> claim(String id, Instant now, Instant until) {
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("published", false),
                Filters.lte("leaseUntil", Date.from(now)));
        return alerts.updateOne(filter, Updates.set("leaseUntil", Date.from(until)))
                .map(result -> result.getModifiedCount() == 1);
    }

    /** The stored alerts of a brand with their outbox state ({@code published}, {@code failures}). */
    public Uni<List<Document>> findByBrand(String brand) {
        return alerts.find(Filters.eq("brand", brand)).collect().asList();
    }

    public Uni<Long> countUnpublished() {
        return alerts.countDocuments(Filters.eq("published", false));
    }

    static CrisisAlert toAlert(Document d) {
        return new CrisisAlert(d.getString("_id"), d.getString("brand"), d.getDate("detectedAt").toInstant(),
                ((Number) d.get("windowMinutes")).longValue(), ((Number) d.get("negativeInWindow")).longValue(),
                ((Number) d.get("trailingPerWindow")).doubleValue(), d.getString("mentionId"));
    }
}
