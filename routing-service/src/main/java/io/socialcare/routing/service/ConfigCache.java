package io.socialcare.routing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.socialcare.routing.Department;
import io.socialcare.routing.SlaPolicy;
import io.socialcare.routing.config.RoutingConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A brand's departments (in routing order) and SLA policy, read by every routed mention, kept for
 * {@code routing.cache.ttl}. A PUT on this replica drops the brand's entries when its transaction committed; other
 * replicas see the change within the time to live. A load that started before a change is not kept, so a change is
 * never hidden by a read that raced with it. The cached objects are plain copies, never managed by a session.
 */
@ApplicationScoped
public class ConfigCache {

    private static final int MAX_BRANDS = 10_000;

    private record Entry<T>(T value, long expiresAtNanos) {
    }

    private final Pool pool;
    private final long ttlNanos;
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry<List<Department>>> departments = new ConcurrentHashMap<>();
    private final Map<String, Entry<SlaPolicy[]>> policies = new ConcurrentHashMap<>();

    public ConfigCache(Pool pool, RoutingConfig config) {
        this.pool = pool;
        this.ttlNanos = config.cache().ttl().toNanos();
    }

    /** The brand's departments in routing order (position, id). */
    public Uni<List<Department>> departments(String brand) {
        return cached(departments, brand, b -> pool.preparedQuery("SELECT id, brand, name, intents, topics, languages,"
                + " position FROM departments WHERE brand = $1 ORDER BY position, id").execute(Tuple.of(b))
                .map(ConfigCache::departments));
    }

    /** The brand's SLA policy, or null when it has none (the configured defaults apply). */
    public Uni<SlaPolicy> policy(String brand) {
        return cached(policies, brand, b -> pool.preparedQuery("SELECT brand, critical_minutes, high_minutes,"
                + " normal_minutes, low_minutes FROM sla_policies WHERE brand = $1").execute(Tuple.of(b))
                .map(rows -> new SlaPolicy[] { policy(rows) }))
                .map(holder -> holder[0]);
    }

    /** Forgets what is cached for the brand; called after a committed change of its departments or policy. */
    public void changed(String brand) {
        generation.incrementAndGet();
        departments.remove(brand);
        policies.remove(brand);
    }

    private <T> Uni<T> cached(Map<String, Entry<T>> map, String brand, Function<String, Uni<T>> load) {
        Entry<T> entry = map.get(brand);
        long now = System.nanoTime();
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Uni.createFrom().item(entry.value());
        }
        long before = generation.get();
        return load.apply(brand).invoke(value -> {
            if (generation.get() == before) {
                if (map.size() >= MAX_BRANDS) {
                    map.clear();
                }
                map.put(brand, new Entry<>(value, System.nanoTime() + ttlNanos));
            }
        });
    }

    private static List<Department> departments(RowSet<Row> rows) {
        List<Department> list = new ArrayList<>();
        for (Row r : rows) {
            Department d = new Department();
            d.id = r.getString("id");
            d.brand = r.getString("brand");
            d.name = r.getString("name");
            d.intents = r.getArrayOfStrings("intents");
            d.topics = r.getArrayOfStrings("topics");
            d.languages = r.getArrayOfStrings("languages");
            d.position = r.getInteger("position");
            list.add(d);
        }
        return List.copyOf(list);
    }

    private static SlaPolicy policy(RowSet<Row> rows) {
        for (Row r : rows) {
            SlaPolicy p = new SlaPolicy();
            p.brand = r.getString("brand");
            p.criticalMinutes = r.getInteger("critical_minutes");
            p.highMinutes = r.getInteger("high_minutes");
            p.normalMinutes = r.getInteger("normal_minutes");
            p.lowMinutes = r.getInteger("low_minutes");
            return p;
        }
        return null;
    }
}
