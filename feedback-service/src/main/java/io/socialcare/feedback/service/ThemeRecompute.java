package io.socialcare.feedback.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.config.FeedbackConfig;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.ThemeRepository;

/**
 * Rebuilds a theme's aggregates from its contributions, the source of truth: mentions, distinct customers,
 * channels, weekly counts, term counts, sentiment, heat, first and last seen. It closes the crash windows of the
 * incremental path (a contribution applied to the theme while the process died before marking it applied, or a
 * contribution stored but never applied) and runs after every merge, when an attempt finds contributions an earlier
 * one left unapplied, and on a schedule for the themes flagged by such an attempt. Running it again changes nothing
 * (idempotent).
 *
 * <p>It never overwrites an increment it did not see: the replacement is conditional on the aggregates' revision
 * ({@code rev}, incremented by every contribution), and a theme with a contribution still in flight (stored, not yet
 * applied, younger than {@code feedback.recompute-grace}) is left for a later round. A contribution left unapplied for
 * longer is counted and marked applied, so a late redelivery cannot add it again.</p>
 */
@ApplicationScoped
public class ThemeRecompute {

    /** What a recompute did. */
    public enum Outcome {
        RECOMPUTED, DEFERRED, MISSING
    }

    private final ThemeRepository themes;
    private final ContributionRepository contributions;
    private final ThemeCatalog catalog;
    private final FeedbackConfig config;

    public ThemeRecompute(ThemeRepository themes, ContributionRepository contributions, ThemeCatalog catalog,
            FeedbackConfig config) {
        this.themes = themes;
        this.contributions = contributions;
        this.catalog = catalog;
        this.config = config;
    }

    /** Recomputes one theme, retrying a few times when contributions arrive meanwhile. */
    public Uni<Outcome> recompute(String themeId) {
        return attempt(themeId, 3);
    }

    private Uni<Outcome> attempt(String themeId, int attemptsLeft) {
        return themes.findVersioned(themeId).chain(versioned -> {
            if (versioned == null) {
                return Uni.createFrom().item(Outcome.MISSING);
            }
            return contributions.entriesOf(themeId).chain(entries -> {
                Instant inFlightAfter = Instant.now().minus(config.recomputeGrace());
                List<String> stranded = new ArrayList<>();
                for (ContributionRepository.Entry e : entries) {
                    if (!e.applied()) {
                        if (e.storedAt() != null && e.storedAt().isAfter(inFlightAfter)) {
                            Log.debugf("Theme %s has a contribution in flight; recompute deferred", themeId);
                            return deferred(themeId);
                        }
                        stranded.add(e.contribution().mentionId());
                    }
                }
                List<Contribution> all = entries.stream().map(ContributionRepository.Entry::contribution)
                        .sorted(Comparator.comparing(Contribution::at).thenComparing(Contribution::mentionId)).toList();
                Theme rebuilt = aggregate(versioned.theme(), all);
                List<Contribution> newest = all.subList(Math.max(0, all.size() - config.samples()), all.size());
                Set<String> customers = new LinkedHashSet<>();
                entries.forEach(e -> customers.add(e.contribution().customerKey()));
                return Multi.createFrom().iterable(customers)
                        .onItem().transformToUniAndConcatenate(key -> themes.addCustomer(themeId, key))
                        .collect().last()
                        .chain(() -> themes.replaceAggregates(rebuilt, versioned.rev(), newest))
                        .chain(replaced -> {
                            if (!replaced) {
                                return attemptsLeft > 1 ? attempt(themeId, attemptsLeft - 1) : deferred(themeId);
                            }
                            if (!stranded.isEmpty()) {
                                Log.infof("Theme %s recomputed; %d stranded contribution(s) counted and marked applied",
                                        themeId, stranded.size());
                            }
                            return contributions.markApplied(stranded)
                                    .chain(() -> catalog.changed(versioned.theme().brand()))
                                    .replaceWith(Outcome.RECOMPUTED);
                        });
            });
        });
    }

    @Scheduled(every = "${feedback.recompute-every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        return recomputeChanged().invoke(n -> {
            if (n > 0) {
                Log.debugf("Recomputed the aggregates of %d theme(s)", n);
            }
        }).replaceWithVoid();
    }

    /** Flags the theme, so that the next scheduled round takes it up again. */
    private Uni<Outcome> deferred(String themeId) {
        return themes.flagRecompute(themeId).replaceWith(Outcome.DEFERRED);
    }

    /** The theme with its aggregates computed from {@code all} its contributions. */
    static Theme aggregate(Theme t, List<Contribution> all) {
        Map<String, Integer> terms = new HashMap<>();
        Map<String, Integer> channels = new HashMap<>();
        Map<String, Integer> weekly = new HashMap<>();
        Set<String> customers = new LinkedHashSet<>();
        double sentiment = 0;
        double heat = 0;
        Instant first = null;
        Instant last = null;
        for (Contribution c : all) {
            c.terms().forEach(term -> terms.merge(term, 1, Integer::sum));
            channels.merge(FeedbackIngest.channelOf(c.channel()), 1, Integer::sum);
            weekly.merge(FeedbackIngest.weekOf(c.at()), 1, Integer::sum);
            customers.add(c.customerKey());
            sentiment += c.sentiment();
            heat += FeedbackIngest.heat(c.at());
            first = first == null || c.at().isBefore(first) ? c.at() : first;
            last = last == null || c.at().isAfter(last) ? c.at() : last;
        }
        return new Theme(t.id(), t.brand(), t.title(), t.product(), t.status(), t.note(), terms, all.size(),
                customers.size(), channels, sentiment, first, last, weekly, heat, t.mergedInto(), t.shipment(),
                t.createdAt(), t.updatedAt());
    }

    /**
     * The scheduled round: the themes flagged by an attempt that completed a contribution left unapplied, or by a
     * deferred recompute (at most {@code feedback.recompute-batch}). The normal path flags nothing, so a quiet round
     * costs one indexed query. Contributions stranded by an interrupted batch are found through the ingest journal
     * ({@link IngestRecovery}). Returns how many themes were recomputed.
     */
    public Uni<Integer> recomputeChanged() {
        return themes.flaggedForRecompute(config.recomputeBatch())
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(this::recompute)
                        .select().where(o -> o == Outcome.RECOMPUTED)
                        .collect().asList()
                        .map(List::size))
                .onFailure().recoverWithItem(f -> {
                    Log.warnf("Scheduled recompute failed (%s); the next round retries", f.getMessage());
                    return 0;
                });
    }
}
