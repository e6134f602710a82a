package io.socialcare.feedback.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.config.FeedbackConfig;
import io.socialcare.feedback.repository.ThemeRepository;

/**
 * The read model behind the theme lists: per brand, an in-process snapshot of its open themes (summary fields and
 * top keywords only), sorted in memory for each list order, so that a page is a binary search and a short scan
 * instead of a query that the store has to sort (the MongoDB wire-protocol server scans and sorts the whole
 * collection for every page; real MongoDB would use the compound indexes).
 *
 * <p>Freshness: every request reads the brand's change counter ({@code theme_versions}, one read by {@code _id}).
 * When the counter moved since the snapshot was loaded, the snapshot is reloaded: in the background while it is
 * younger than {@code feedback.list-max-staleness} (1 s; the request is answered from it meanwhile), otherwise before
 * answering. So with any number of replicas a list reflects every change at most about one second (plus a reload)
 * late, and exactly when nothing changed in the last second. Changes made through this replica's API (status,
 * merge) and by the recompute drop the snapshot at once: the caller sees their own change in the next list. The
 * consumer of this replica patches the snapshot with the themes each batch wrote (read back by {@code _id}), so a
 * brand that only this replica changes stays exact without reloads.</p>
 */
@ApplicationScoped
public class ThemeCatalog {

    /** Where a page starts: after this sort value and id (from the previous page's cursor). */
    public record After(ThemeService.Sort sort, Object value, String id) {
    }

    private final ThemeRepository themes;
    private final FeedbackConfig config;
    private final Map<String, Snapshot> snapshots;
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Snapshot>> loading = new ConcurrentHashMap<>();

    public ThemeCatalog(ThemeRepository themes, FeedbackConfig config) {
        this.themes = themes;
        this.config = config;
        int max = Math.max(1, config.listedBrands());
        this.snapshots = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
                return size() > max;
            }
        };
    }

    /** One brand's open themes at one change count. */
    public static final class Snapshot {
        final String brand;
        final long version;
        final long generation;
        final Instant loadedAt;
        final List<Theme> items;
        private final Map<ThemeService.Sort, Theme[]> sorted = new EnumMap<>(ThemeService.Sort.class);

        Snapshot(String brand, long version, long generation, Instant loadedAt, List<Theme> items) {
            this.brand = brand;
            this.version = version;
            this.generation = generation;
            this.loadedAt = loadedAt;
            this.items = items;
        }

        synchronized Theme[] sorted(ThemeService.Sort sort) {
            return sorted.computeIfAbsent(sort, s -> {
                Theme[] array = items.toArray(Theme[]::new);
                Arrays.sort(array, order(s));
                return array;
            });
        }
    }

    /**
     * Up to {@code limit} themes of {@code brands} matching the query, in {@code sort} order, after {@code after}
     * (null for the first page).
     */
    public Uni<List<Theme>> page(Collection<String> brands, ThemeService.Query query, ThemeService.Sort sort,
            After after, int limit) {
        return themes.versions(brands).chain(versions -> Multi.createFrom().iterable(brands)
                .onItem().transformToUniAndConcatenate(brand -> snapshot(brand, versions.getOrDefault(brand, 0L)))
                .collect().asList()
                .map(found -> {
                    List<Theme> page = new ArrayList<>();
                    for (Snapshot s : found) {
                        page.addAll(slice(s.sorted(sort), query, sort, after, limit));
                    }
                    if (found.size() > 1) {
                        page.sort(order(sort));
                    }
                    return page.size() > limit ? List.copyOf(page.subList(0, limit)) : page;
                }));
    }

    /** A brand's snapshot with some themes replaced, ready to be installed if nobody else changed the brand. */
    public record Patch(Snapshot base, List<Theme> changed) {
    }

    /**
     * Reads the themes a batch of this replica just wrote, for each brand that has a snapshot here: the patch that
     * brings it up to date (see {@link #install}).
     */
    public Uni<List<Patch>> prepare(Map<String, Set<String>> changedByBrand) {
        List<Snapshot> bases = new ArrayList<>();
        Set<String> ids = new java.util.LinkedHashSet<>();
        synchronized (snapshots) {
            changedByBrand.forEach((brand, changed) -> {
                Snapshot s = snapshots.get(brand);
                if (s != null && !changed.isEmpty()) {
                    bases.add(s);
                    ids.addAll(changed);
                }
            });
        }
        if (bases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int keywords = config.keywords();
        return themes.summaries(ids).map(found -> {
            List<Patch> patches = new ArrayList<>();
            for (Snapshot base : bases) {
                List<Theme> changed = new ArrayList<>();
                for (Theme t : found) {
                    if (base.brand.equals(t.brand())) {
                        changed.add(summary(t, keywords));
                    }
                }
                patches.add(new Patch(base, changed));
            }
            return patches;
        });
    }

    /**
     * Installs the patches whose brand this replica's change alone moved: its counter went from the snapshot's value
     * to the next one ({@code versions} after the change). Any other patch is dropped; the brand is then reloaded as
     * usual.
     */
    public void install(List<Patch> patches, Map<String, Long> versions) {
        Instant now = Instant.now();
        for (Patch p : patches) {
            Snapshot base = p.base();
            Long after = versions.get(base.brand);
            if (after == null || after != base.version + 1
                    || generations.getOrDefault(base.brand, 0L) != base.generation) {
                continue;
            }
            Map<String, Theme> items = new LinkedHashMap<>();
            base.items.forEach(t -> items.put(t.id(), t));
            for (Theme t : p.changed()) {
                if (t.mergedInto() == null) {
                    items.put(t.id(), t);
                } else {
                    items.remove(t.id());
                }
            }
            Snapshot patched = new Snapshot(base.brand, after, base.generation, now, new ArrayList<>(items.values()));
            synchronized (snapshots) {
                if (snapshots.get(base.brand) == base) {
                    snapshots.put(base.brand, patched);
                }
            }
        }
    }

    /** Counts a change of the brand's themes made by this replica, and drops its snapshot here at once. */
    public Uni<Void> changed(String brand) {
        invalidate(brand);
        return themes.bumpVersions(Set.of(brand)).invoke(() -> invalidate(brand)).replaceWithVoid();
    }

    /** Drops the brand's snapshot (and any load in flight): the next list loads it again before answering. */
    public void invalidate(String brand) {
        generations.merge(brand, 1L, Long::sum);
        loading.remove(brand);
        synchronized (snapshots) {
            snapshots.remove(brand);
        }
    }

    private Uni<Snapshot> snapshot(String brand, long version) {
        Snapshot current;
        synchronized (snapshots) {
            current = snapshots.get(brand);
        }
        Instant now = Instant.now();
        if (current != null) {
            Duration age = Duration.between(current.loadedAt, now);
            boolean changed = current.version != version;
            if (!changed && age.compareTo(config.listMaxAge()) <= 0) {
                return Uni.createFrom().item(current);
            }
            if (age.compareTo(config.listMaxStaleness()) <= 0 || !changed) {
                load(brand, version); // in the background; this answer may be up to list-max-staleness late
                return Uni.createFrom().item(current);
            }
        }
        return Uni.createFrom().completionStage(load(brand, version));
    }

    /** Loads the brand's snapshot, once at a time per brand (a request arriving meanwhile waits for the same load). */
    private CompletableFuture<Snapshot> load(String brand, long version) {
        CompletableFuture<Snapshot> mine = new CompletableFuture<>();
        CompletableFuture<Snapshot> running = loading.putIfAbsent(brand, mine);
        if (running != null) {
            return running;
        }
        long generation = generations.getOrDefault(brand, 0L);
        Instant started = Instant.now();
        int keywords = config.keywords();
        themes.openThemes(brand).subscribe().with(list -> {
            List<Theme> items = new ArrayList<>(list.size());
            list.forEach(t -> items.add(summary(t, keywords)));
            Snapshot loaded = new Snapshot(brand, version, generation, started, items);
            if (generations.getOrDefault(brand, 0L) == generation) {
                synchronized (snapshots) {
                    Snapshot previous = snapshots.get(brand);
                    if (previous == null || previous.version <= version) {
                        snapshots.put(brand, loaded);
                    }
                }
            }
            loading.remove(brand, mine);
            mine.complete(loaded);
        }, failure -> {
            Log.warnf("Could not load the themes of brand %s: %s", brand, failure.getMessage());
            loading.remove(brand, mine);
            mine.completeExceptionally(failure);
        });
        return mine;
    }

    /** The theme as lists show it: no samples, no weekly counts, and only its top keywords of the term counts. */
    static Theme summary(Theme t, int keywords) {
        Map<String, Integer> top = new LinkedHashMap<>();
        for (String k : t.keywords(keywords)) {
            top.put(k, t.termCounts().get(k));
        }
        return new Theme(t.id(), t.brand(), t.title(), t.product(), t.status(), t.note(), top, t.mentions(),
                t.customers(), t.channels(), t.sentimentSum(), t.firstSeenAt(), t.lastSeenAt(), Map.of(), t.heat(),
                t.mergedInto(), t.shipment(), t.createdAt(), t.updatedAt());
    }

    /** The first {@code limit} themes of a sorted array after the cursor that match the query. */
    static List<Theme> slice(Theme[] sorted, ThemeService.Query q, ThemeService.Sort sort, After after, int limit) {
        int from = 0;
        if (after != null) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compareToCursor(sorted[mid], after) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            from = lo;
        }
        List<Theme> page = new ArrayList<>(Math.min(limit, 64));
        for (int i = from; i < sorted.length && page.size() < limit; i++) {
            Theme t = sorted[i];
            if (matches(t, q) && (after == null || sort != ThemeService.Sort.RECENT || t.lastSeenAt() != null)) {
                page.add(t);
            }
        }
        return page;
    }

    /** The query's filters, with the store's semantics (times compared at millisecond precision). */
    static boolean matches(Theme t, ThemeService.Query q) {
        if (t.mergedInto() != null) {
            return false;
        }
        if (q.product() != null && !q.product().equals(t.product())) {
            return false;
        }
        if (q.status() != null && !q.status().equals(t.status())) {
            return false;
        }
        if (q.since() != null && (t.lastSeenAt() == null
                || t.lastSeenAt().toEpochMilli() < Date.from(q.since()).getTime())) {
            return false;
        }
        return q.until() == null || (t.firstSeenAt() != null
                && t.firstSeenAt().toEpochMilli() < Date.from(q.until()).getTime());
    }

    /** The list order: the sort field descending (a missing time last), then the id ascending. */
    static Comparator<Theme> order(ThemeService.Sort sort) {
        Comparator<Theme> byField = switch (sort) {
            case CUSTOMERS -> Comparator.comparingInt(Theme::customers).reversed();
            case MENTIONS -> Comparator.comparingInt(Theme::mentions).reversed();
            case RECENT -> Comparator.comparing(Theme::lastSeenAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                    .reversed();
            case TRENDING -> Comparator.comparingDouble(Theme::heat).reversed();
        };
        return byField.thenComparing(Theme::id);
    }

    /** Negative when the theme comes before the cursor's position in the list order, 0 at it, positive after it. */
    static int compareToCursor(Theme t, After after) {
        int byField = switch (after.sort()) {
            case CUSTOMERS -> Integer.compare((Integer) after.value(), t.customers());
            case MENTIONS -> Integer.compare((Integer) after.value(), t.mentions());
            case RECENT -> t.lastSeenAt() == null ? 1
                    : Long.compare(((Date) after.value()).getTime(), t.lastSeenAt().toEpochMilli());
            case TRENDING -> Double.compare((Double) after.value(), t.heat());
        };
        return byField != 0 ? byField : t.id().compareTo(after.id());
    }
}
