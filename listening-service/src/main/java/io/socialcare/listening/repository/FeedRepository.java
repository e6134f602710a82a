package io.socialcare.listening.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.socialcare.listening.Feed;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code feeds} collection: RSS/Atom sources per brand, {@code _id} = feed id.
 */
@ApplicationScoped
public class FeedRepository {

    private final ReactiveMongoCollection<Document> feeds;

    public FeedRepository(ReactiveMongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String db) {
        this.feeds = client.getDatabase(db).getCollection("feeds");
    }

    /** Creates or re-points a feed; a changed URL forgets the validators of the old one. */
    public Uni<Void> upsert(String id, String brand, String url) {
        return find(id).chain(existing -> {
            boolean sameUrl = existing != null && existing.url().equals(url);
            List<Bson> changes = new ArrayList<>(List.of(Updates.set("brand", brand), Updates.set("url", url)));
            if (!sameUrl) {
                changes.add(Updates.unset("etag"));
                changes.add(Updates.unset("lastModified"));
            }
            Bson update = Updates.combine(changes);
            return feeds.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
        }).replaceWithVoid();
    }

    public Uni<Feed> find(String id) {
        return feeds.find(Filters.eq("_id", id)).collect().first().map(FeedRepository::toFeed);
    }

    /** @param brands null for every brand */
    public Uni<List<Feed>> list(Collection<String> brands) {
        Bson filter = brands == null ? new Document() : Filters.in("brand", brands);
        return feeds.find(filter, new FindOptions().sort(Sorts.ascending("_id"))).map(FeedRepository::toFeed)
                .collect().asList();
    }

    public Uni<Boolean> delete(String id) {
        return feeds.deleteOne(Filters.eq("_id", id)).map(result -> result.getDeletedCount() > 0);
    }

    public Uni<Void> recordPoll(String id, String etag, String lastModified, String status, Instant at) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("lastPolledAt", Date.from(at)),
                Updates.set("lastStatus", status)));
        if (etag != null) {
            changes.add(Updates.set("etag", etag));
        }
        if (lastModified != null) {
            changes.add(Updates.set("lastModified", lastModified));
        }
        Bson update = Updates.combine(changes);
        return feeds.updateOne(Filters.eq("_id", id), update).replaceWithVoid();
    }

    static Feed toFeed(Document doc) {
        if (doc == null) {
            return null;
        }
        Date polled = doc.getDate("lastPolledAt");
        return new Feed(doc.getString("_id"), doc.getString("brand"), doc.getString("url"), doc.getString("etag"),
                doc.getString("lastModified"), polled == null ? null : polled.toInstant(),
                doc.getString("lastStatus"));
    }
}
