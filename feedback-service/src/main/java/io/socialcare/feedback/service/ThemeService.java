package io.socialcare.feedback.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.paging.Cursors;
import io.socialcare.commons.paging.Page;
import io.socialcare.commons.problem.ProblemException;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.ThemeStatus;
import io.socialcare.feedback.messaging.ShipmentPublisher;
import io.socialcare.feedback.messaging.Traces;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.ThemeRepository;
import org.bson.conversions.Bson;

/**
 * Reading themes for product teams, changing their status (shipping tells the customers), and merging them.
 */
@ApplicationScoped
public class ThemeService {

    /** The list orders: the field sorted on, descending, then the id. */
    public enum Sort {
        CUSTOMERS("customers"), MENTIONS("mentions"), RECENT("lastSeenAt"), TRENDING("heat");

        final String field;

        Sort(String field) {
            this.field = field;
        }

        public static final List<String> NAMES = List.of("customers", "mentions", "recent", "trending");

        public static Sort of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** What a list asks for; {@code brands} null means every brand (admin). */
    public record Query(Collection<String> brands, String product, String status, Instant since, Instant until) {
    }

    private final ThemeRepository themes;
    private final ContributionRepository contributions;
    private final ShipmentPublisher publisher;
    private final ThemeRecompute recompute;
    private final ThemeCatalog catalog;
    private final ThemeIndexes indexes;
    private final FeedbackMetrics metrics;

    public ThemeService(ThemeRepository themes, ContributionRepository contributions, ShipmentPublisher publisher,
            ThemeRecompute recompute, ThemeCatalog catalog, ThemeIndexes indexes, FeedbackMetrics metrics) {
        this.themes = themes;
        this.contributions = contributions;
        this.publisher = publisher;
        this.recompute = recompute;
        this.catalog = catalog;
        this.indexes = indexes;
        this.metrics = metrics;
    }

    /**
     * One page of themes. A query naming its brands (every caller but an admin without a brand filter) is answered
     * from the in-process read model ({@link ThemeCatalog}); the admin's list of every brand queries the store.
     */
    public Uni<Page<Theme>> list(Query query, Sort sort, int limit, String cursor) {
        List<String> position = Cursors.decode(cursor, 3);
        ThemeCatalog.After after = null;
        if (position != null) {
            if (!position.get(0).equals(sort.name())) {
                throw ProblemException.invalid("cursor", "belongs to another sort order");
            }
            after = after(sort, position.get(1), position.get(2));
        }
        Uni<List<Theme>> found = query.brands() != null
                ? catalog.page(query.brands(), query, sort, after, limit + 1)
                : fromStore(query, sort, after, limit + 1);
        return found.map(items -> page(items, sort, limit));
    }

    /** Up to {@code limit} themes of the query from the store, in list order, after {@code after} (null: first). */
    public Uni<List<Theme>> fromStore(Query query, Sort sort, ThemeCatalog.After after, int limit) {
        Bson filter = filter(query);
        if (after != null) {
            filter = Filters.and(filter, Filters.or(Filters.lt(sort.field, after.value()),
                    Filters.and(Filters.eq(sort.field, after.value()), Filters.gt("_id", after.id()))));
        }
        return themes.page(filter, Sorts.orderBy(Sorts.descending(sort.field), Sorts.ascending("_id")), limit);
    }

    private static Page<Theme> page(List<Theme> found, Sort sort, int limit) {
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        List<Theme> items = found.subList(0, limit);
        Theme last = items.get(limit - 1);
        return new Page<>(List.copyOf(items), Cursors.encode(sort.name(), sortValue(sort, last), last.id()));
    }

    /** Every theme of the query, most customers first (export). */
    public Multi<Theme> all(Query query) {
        return themes.stream(filter(query), Sorts.orderBy(Sorts.descending("customers"), Sorts.ascending("_id")));
    }

    public Uni<Theme> find(String id) {
        return themes.findById(id);
    }

    /** A theme with its prepared samples, in one read (samples null for a theme stored before they were kept). */
    public Uni<ThemeRepository.Detail> findDetail(String id) {
        return themes.findDetail(id);
    }

    /** The newest samples, prepared on the theme (or read from the contributions for a theme stored without them). */
    public Uni<List<Contribution>> samples(String themeId, int n) {
        return themes.samplesOf(themeId).chain(prepared -> prepared != null
                ? Uni.createFrom().item(prepared.subList(0, Math.min(n, prepared.size())))
                : contributions.newest(themeId, n));
    }

    /**
     * Sets the status (and note). The first time a theme becomes {@code shipped}, its {@code theme.shipped} event
     * is made due and published; later changes to {@code shipped} publish nothing.
     */
    public Uni<Theme> changeStatus(Theme theme, String status, String note) {
        if (theme.mergedInto() != null) {
            throw ProblemException.conflict("Theme " + theme.id() + " was merged into " + theme.mergedInto());
        }
        if (!ThemeStatus.SHIPPED.equals(status)) {
            return themes.setStatus(theme.id(), status, note).call(() -> catalog.changed(theme.brand()));
        }
        String traceparent = Traces.currentTraceparent();
        return themes.markShipmentDue(theme.id(), note, traceparent).chain(due -> {
            if (!due) {
                return themes.setStatus(theme.id(), status, note).call(() -> catalog.changed(theme.brand()));
            }
            metrics.themeShipped();
            return catalog.changed(theme.brand())
                    .chain(() -> themes.findById(theme.id()))
                    .call(shipped -> publisher.publish(shipped, shipped.note(), traceparent))
                    .chain(() -> themes.findById(theme.id()));
        });
    }

    /**
     * Merges {@code source} into {@code target}: the source is marked merged first (new contributions then go to
     * the target), its contributions and customers move, and the target's aggregates are recomputed from its
     * contributions. Running it again after a failure completes it.
     */
    public Uni<Theme> merge(Theme source, Theme target) {
        if (source.id().equals(target.id())) {
            throw ProblemException.invalid("into", "must be another theme");
        }
        if (!source.brand().equals(target.brand())) {
            throw ProblemException.conflict("Themes of different brands cannot be merged");
        }
        if (target.mergedInto() != null) {
            throw ProblemException.conflict("Theme " + target.id() + " was merged into " + target.mergedInto());
        }
        if (source.mergedInto() != null && !source.mergedInto().equals(target.id())) {
            throw ProblemException.conflict("Theme " + source.id() + " was merged into " + source.mergedInto());
        }
        return themes.markMerged(source.id(), target.id())
                .invoke(() -> indexes.forget(source.brand()))
                .call(() -> catalog.changed(source.brand()))
                .chain(() -> contributions.reassign(source.id(), target.id()))
                .chain(() -> themes.customersOf(source.id())
                        .onItem().transformToUniAndConcatenate(key -> themes.addCustomer(target.id(), key))
                        .collect().last())
                .chain(() -> recompute.recompute(target.id()))
                .invoke(() -> indexes.forget(source.brand()))
                .chain(() -> themes.findById(target.id()));
    }

    private static Bson filter(Query q) {
        List<Bson> parts = new ArrayList<>();
        parts.add(Filters.eq("mergedInto", null));
        if (q.brands() != null) {
            parts.add(Filters.in("brand", q.brands()));
        }
        if (q.product() != null) {
            parts.add(Filters.eq("product", q.product()));
        }
        if (q.status() != null) {
            parts.add(Filters.eq("status", q.status()));
        }
        if (q.since() != null) {
            parts.add(Filters.gte("lastSeenAt", Date.from(q.since())));
        }
        if (q.until() != null) {
            parts.add(Filters.lt("firstSeenAt", Date.from(q.until())));
        }
        return Filters.and(parts);
    }

    /** The position a cursor names, with its value typed as the store keeps the sort field; 400 when unreadable. */
    static ThemeCatalog.After after(Sort sort, String value, String id) {
        Object v;
        try {
            v = switch (sort) {
                case CUSTOMERS, MENTIONS -> Integer.parseInt(value);
                case RECENT -> new Date(Long.parseLong(value));
                case TRENDING -> Double.parseDouble(value);
            };
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this list returned");
        }
        return new ThemeCatalog.After(sort, v, id);
    }

    private static String sortValue(Sort sort, Theme t) {
        return switch (sort) {
            case CUSTOMERS -> Integer.toString(t.customers());
            case MENTIONS -> Integer.toString(t.mentions());
            case RECENT -> Long.toString(t.lastSeenAt().toEpochMilli());
            case TRENDING -> Double.toString(t.heat());
        };
    }
}
