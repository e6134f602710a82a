package io.socialcare.listening.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.socialcare.listening.Brand;
import io.socialcare.listening.config.ListeningConfig;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code brands} collection: one document per brand, {@code _id} = brand id. The ingest path reads brands
 * through {@link #findCached}: a brand found is kept for {@code listening.brand-cache-ttl} (5 s), dropped at once
 * when this instance changes it, so another replica sees a changed brand within that time. A brand not found is
 * not cached (a brand just created is usable at once everywhere).
 */
@ApplicationScoped
public class BrandRepository {

    private record Cached(Brand brand, long expiresAtNanos) {
    }

    private final ReactiveMongoCollection<Document> brands;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public BrandRepository(ReactiveMongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String db,
            ListeningConfig config) {
        this.brands = client.getDatabase(db).getCollection("brands");
        this.ttlNanos = config.brandCacheTtl().toNanos();
    }

    /** Creates or replaces the brand; true when it was created. */
    public Uni<Boolean> upsert(Brand brand) {
        Document doc = new Document("_id", brand.id())
                .append("name", brand.name())
                .append("keywords", brand.keywords())
                .append("handles", brand.handles())
                .append("updatedAt", Date.from(brand.updatedAt()));
        cache.remove(brand.id());
        return brands.replaceOne(Filters.eq("_id", brand.id()), doc, new ReplaceOptions().upsert(true))
                .map(result -> result.getUpsertedId() != null)
                .eventually(() -> cache.remove(brand.id()));
    }

    /** The brand, or null, from the cache when it was read less than {@code brand-cache-ttl} ago. */
    public Uni<Brand> findCached(String id) {
        Cached cached = cache.get(id);
        long now = System.nanoTime();
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return Uni.createFrom().item(cached.brand());
        }
        return find(id).invoke(brand -> {
            if (brand == null) {
                cache.remove(id);
            } else {
                if (cache.size() > 10_000) {
                    cache.clear();
                }
                cache.put(id, new Cached(brand, System.nanoTime() + ttlNanos));
            }
        });
    }

    /** The brand, or null. */
    public Uni<Brand> find(String id) {
        return brands.find(Filters.eq("_id", id)).collect().first().map(BrandRepository::toBrand);
    }

    /** Brands by id, after {@code afterId}; {@code only} null means every brand. */
    public Uni<List<Brand>> list(Collection<String> only, String afterId, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (only != null) {
            filters.add(Filters.in("_id", only));
        }
        if (afterId != null) {
            filters.add(Filters.gt("_id", afterId));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return brands.find(filter, new FindOptions().sort(Sorts.ascending("_id")).limit(limit))
                .map(BrandRepository::toBrand).collect().asList();
    }

    /** Every brand (for the feed poller). */
    public Uni<List<Brand>> all() {
        return brands.find().map(BrandRepository::toBrand).collect().asList();
    }

    static Brand toBrand(Document doc) {
        if (doc == null) {
            return null;
        }
        Date updated = doc.getDate("updatedAt");
        return new Brand(doc.getString("_id"), doc.getString("name"), doc.getList("keywords", String.class, List.of()),
                doc.getList("handles", String.class, List.of()), updated == null ? null : updated.toInstant());
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
