package io.socialcare.feedback.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.commons.ids.Ids;
import io.socialcare.contract.MentionEvent;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.ThemeStatus;
import io.socialcare.feedback.config.FeedbackConfig;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.IngestJournal;
import io.socialcare.feedback.repository.MongoStore;
import io.socialcare.feedback.repository.ThemeRepository;
import io.socialcare.feedback.repository.TrendRepository;

/**
 * What happens to the captured mentions, a batch at a time: each is counted in the trends (once), and when it is
 * product feedback (a suggestion, or a complaint naming a product or topic) it becomes a contribution, attached to
 * the most similar theme of its brand or to a new one.
 *
 * <p>A batch costs a fixed number of round trips to the store, whatever its size: the journal entry, the trend
 * markers (one bulk insert), the trend counters (one bulk write), the contributions (one bulk insert), the (theme,
 * customer) pairs (one bulk insert), the new themes (one bulk insert), the growth of existing themes (one bulk write,
 * one atomic update per theme), the brands' change counters, and closing the journal entry. Matching runs in memory
 * against {@link ThemeIndex}, so no query runs per mention; per mention the store writes a marker, a contribution and
 * at most one (theme, customer) pair.</p>
 *
 * <p>Every step is guarded by a unique key, so that a redelivered mention changes nothing: the trend count by a
 * per-mention marker, the contribution by its id (the mention id), the distinct-customer count by a (theme,
 * customer) pair. Contributions are stored first, with their batch id; they count as applied once the batch's
 * journal entry is closed, after their themes were written. A later attempt that finds one stored but not applied
 * hands its theme to the recompute, which rebuilds the aggregates from the contributions. A batch that never finishes
 * (a crash) stays in the journal and the recovery round completes it.</p>
 */
@ApplicationScoped
public class FeedbackIngest {

    public static final List<String> INTENTS = List.of("complaint", "question", "suggestion", "praise", "other");
    public static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");
    public static final List<String> CHANNELS = List.of("x", "facebook", "instagram", "youtube", "tiktok", "linkedin",
            "blog", "forum", "review", "partner");

    /** Origin of the "heat" used to rank trending themes; see {@link Theme#heat()}. */
    static final long HEAT_EPOCH = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    static final double HEAT_SCALE_SECONDS = 7 * 24 * 3600.0;

    /** How contributions map to the aggregates' keys. */
    static final ThemeRepository.AggregateKeys KEYS = new ThemeRepository.AggregateKeys() {
        @Override
        public String channel(String channel) {
            return channelOf(channel);
        }

        @Override
        public String week(Instant at) {
            return weekOf(at);
        }

        @Override
        public double heat(Instant at) {
            return FeedbackIngest.heat(at);
        }
    };

    /** A mention read from the topic, with the W3C trace context of the consumer span that read it (or null). */
    public record Incoming(MentionEvent mention, String traceparent) {
    }

    /** A mention that may become a contribution; a follow-up only joins a theme, it never opens one. */
    private record Candidate(Contribution contribution, boolean mayOpen) {
    }

    private final TermExtractor extractor;
    private final ThemeRepository themes;
    private final ContributionRepository contributions;
    private final TrendRepository trends;
    private final IngestJournal journal;
    private final ThemeRecompute recompute;
    private final ThemeIndexes indexes;
    private final ThemeCatalog catalog;
    private final FeedbackConfig config;
    private final FeedbackMetrics metrics;

    public FeedbackIngest(TermExtractor extractor, ThemeRepository themes, ContributionRepository contributions,
            TrendRepository trends, IngestJournal journal, ThemeRecompute recompute, ThemeIndexes indexes,
            ThemeCatalog catalog, FeedbackConfig config, FeedbackMetrics metrics) {
        this.extractor = extractor;
        this.themes = themes;
        this.contributions = contributions;
        this.trends = trends;
        this.journal = journal;
        this.recompute = recompute;
        this.indexes = indexes;
        this.catalog = catalog;
        this.config = config;
        this.metrics = metrics;
    }

    /** Checks what the service needs from a mention; an unusable one is an error (and goes to the dead-letter topic). */
    public static void validate(MentionEvent m) {
        if (m == null) {
            throw new IllegalArgumentException("empty mention");
        }
        if (blank(m.id()) || blank(m.brand()) || blank(m.channel())) {
            throw new IllegalArgumentException("mention without id, brand or channel");
        }
        if (m.publishedAt() == null && m.capturedAt() == null) {
            throw new IllegalArgumentException("mention " + m.id() + " without publishedAt");
        }
    }

    /** One mention on its own: a batch of one. */
    public Uni<Void> ingest(MentionEvent m) {
        validate(m);
        return ingest(Ids.next(), List.of(new Incoming(m, null)));
    }

    /**
     * Ingests a batch of valid mentions. Trying again with the same {@code batchId} after a failure completes the
     * same batch (nothing is counted twice).
     */
    public Uni<Void> ingest(String batchId, List<Incoming> batch) {
        Map<String, Incoming> unique = new LinkedHashMap<>();
        for (Incoming in : batch) {
            unique.putIfAbsent(in.mention().id(), in);
        }
        if (unique.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<IngestJournal.Entry> entries = new ArrayList<>(unique.size());
        for (Incoming in : unique.values()) {
            MentionEvent m = in.mention();
            entries.add(new IngestJournal.Entry(m.id(), m.brand(), timeOf(m), intentOf(m), sentimentLabelOf(m)));
        }
        return journal.open(batchId, entries)
                .chain(() -> Uni.combine().all().unis(count(batchId, entries), contribute(batchId, unique.values()))
                        .asTuple())
                .chain(done -> finish(batchId, done.getItem1(), done.getItem2()))
                // the indexes may have taken contributions that were never written: load those brands again
                .onFailure().invoke(() -> unique.values().forEach(in -> indexes.forget(in.mention().brand())));
    }

    /**
     * Completes a batch a crash (or a failure the consumer gave up on) left unfinished: its trend counts, and the
     * contributions it stored but did not apply. Mentions it never stored as contributions are not recovered here (a
     * crash leaves them uncommitted in Kafka, which delivers them again; a batch given up on went to the dead-letter
     * topic).
     */
    public Uni<Void> recover(IngestJournal.Batch batch) {
        Log.infof("Completing ingest batch %s (%d mentions) left unfinished since %s", batch.id(),
                batch.entries().size(), batch.openedAt());
        List<String> ids = batch.entries().stream().map(IngestJournal.Entry::mentionId).toList();
        return count(batch.id(), batch.entries())
                .chain(buckets -> contributions.findAll(ids).chain(stored -> {
                    List<Contribution> unapplied = stored.values().stream()
                            .filter(s -> !s.applied()).map(ContributionRepository.Stored::contribution).toList();
                    return resume(unapplied).replaceWith(brandsOf(unapplied));
                }).chain(touched -> finish(batch.id(), buckets, touched)))
                .invoke(metrics::batchRecovered);
    }

    /**
     * Counts the brands' theme changes (bringing this replica's list snapshots up to date with the themes written),
     * closes the journal entry, then lets the counters forget the batch.
     */
    private Uni<Void> finish(String batchId, Set<String> buckets, Map<String, Set<String>> changes) {
        return catalog.prepare(changes)
                .chain(patches -> bumpVersions(changes.keySet()).invoke(after -> catalog.install(patches, after)))
                .chain(() -> journal.close(batchId))
                .chain(() -> trends.release(batchId, buckets));
    }

    /** Counts the batch's mentions in the trends (those this batch marks); answers the counters it touched. */
    private Uni<Set<String>> count(String batchId, List<IngestJournal.Entry> entries) {
        List<String> ids = entries.stream().map(IngestJournal.Entry::mentionId).toList();
        return trends.claim(batchId, ids).chain(claim -> {
            Map<String, TrendRepository.Delta> deltas = new LinkedHashMap<>();
            for (IngestJournal.Entry e : entries) {
                if (claim.mentionIds().contains(e.mentionId())) {
                    add(deltas, e, "day", dayStart(e.at()));
                    add(deltas, e, "week", weekStart(e.at()));
                }
            }
            return trends.apply(batchId, deltas.values())
                    .invoke(() -> metrics.mentionsCounted(claim.marked()))
                    .replaceWith((Set<String>) new LinkedHashSet<>(deltas.keySet()));
        });
    }

    private static void add(Map<String, TrendRepository.Delta> deltas, IngestJournal.Entry e, String interval,
            Instant start) {
        String id = TrendRepository.bucketId(e.brand(), interval, start);
        TrendRepository.Delta d = deltas.computeIfAbsent(id, k -> new TrendRepository.Delta(e.brand(), interval, start,
                0, new TreeMap<>(), new TreeMap<>()));
        d.intents().merge(e.intent(), 1, Integer::sum);
        d.sentiments().merge(e.sentiment(), 1, Integer::sum);
        deltas.put(id, new TrendRepository.Delta(d.brand(), d.interval(), d.start(), d.mentions() + 1, d.intents(),
                d.sentiments()));
    }

    /**
     * A complaint without topic, a question or another remark may be about an idea customers already raised ("Sigo
     * esperando la leche de almendras... ¿para cuándo?"): it counts for that theme when it matches it closely, but
     * it never opens a theme of its own. Praise is not feedback on an idea.
     */
    public static boolean isFollowUp(MentionEvent m) {
        if (m.analysis() == null || isFeedback(m)) {
            return false;
        }
        String intent = m.analysis().intent();
        return "complaint".equals(intent) || "question".equals(intent) || "other".equals(intent);
    }

    /** Suggestions, and complaints that name a product or topic. */
    public static boolean isFeedback(MentionEvent m) {
        if (m.analysis() == null) {
            return false;
        }
        String intent = m.analysis().intent();
        List<String> topics = m.analysis().topics();
        return "suggestion".equals(intent) || ("complaint".equals(intent) && topics != null && !topics.isEmpty());
    }

    /**
     * Keeps the batch's feedback as contributions; answers the themes it wrote, by brand. Contributions are matched
     * in memory, in the order they came (a theme opened by one of them is there for the next), then stored in one
     * bulk insert; one that was stored before (a redelivery, a retry, another replica) is left to {@link #resume}.
     */
    private Uni<Map<String, Set<String>>> contribute(String batchId, Collection<Incoming> batch) {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, String> traceparents = new HashMap<>();
        for (Incoming in : batch) {
            MentionEvent m = in.mention();
            boolean feedback = isFeedback(m);
            if (!feedback && !isFollowUp(m)) {
                continue;
            }
            Contribution c = toContribution(m);
            if (c.terms().isEmpty()) {
                Log.debugf("Mention %s has no terms to group on", m.id());
                continue;
            }
            candidates.add(new Candidate(c, feedback));
            if (in.traceparent() != null) {
                traceparents.put(m.id(), in.traceparent());
            }
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Set<String> brands = new LinkedHashSet<>();
        candidates.forEach(c -> brands.add(c.contribution().brand()));
        return loadIndexes(brands).chain(() -> {
            List<Contribution> attached = new ArrayList<>();
            Set<String> opened = new LinkedHashSet<>();
            for (Candidate candidate : candidates) {
                Contribution c = candidate.contribution();
                ThemeIndex index = indexes.get(c.brand());
                int required = Math.min(config.minSharedTerms(), c.terms().size());
                double threshold = config.similarityThreshold() + (candidate.mayOpen() ? 0 : config.followUpMargin());
                String themeId = index.bestMatch(c.terms(), c.product(), required, threshold);
                if (themeId == null) {
                    if (!candidate.mayOpen()) {
                        continue;
                    }
                    themeId = Ids.next();
                    opened.add(themeId);
                }
                Contribution withTheme = c.withTheme(themeId);
                index.apply(themeId, withTheme);
                attached.add(withTheme);
            }
            return contributions.insertAll(batchId, attached, traceparents)
                    .chain(inserted -> {
                        List<String> before = new ArrayList<>();
                        for (Contribution c : attached) {
                            if (!inserted.contains(c.mentionId())) {
                                before.add(c.mentionId());
                                // the index counted it for the theme matched now, not the one it was stored with
                                indexes.forget(c.brand());
                            }
                        }
                        return completeStoredBefore(before)
                                .chain(resumed -> write(attached, inserted, opened).map(written -> {
                                    Map<String, Set<String>> touched = new LinkedHashMap<>(resumed);
                                    written.forEach((brand, ids) -> touched.merge(brand, ids, (a, b) -> {
                                        Set<String> all = new LinkedHashSet<>(a);
                                        all.addAll(b);
                                        return all;
                                    }));
                                    return touched;
                                }));
                    });
        });
    }

    /** Contributions stored by an earlier attempt: those not applied yet are completed; answers their brands. */
    private Uni<Map<String, Set<String>>> completeStoredBefore(List<String> mentionIds) {
        if (mentionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return contributions.findAll(mentionIds).chain(stored -> {
            List<Contribution> unapplied = stored.values().stream()
                    .filter(s -> !s.applied()).map(ContributionRepository.Stored::contribution).toList();
            return resume(unapplied).replaceWith(brandsOf(unapplied));
        });
    }

    private Uni<Map<String, Set<String>>> write(List<Contribution> attached, Set<String> inserted,
            Set<String> opened) {
        List<Contribution> kept = new ArrayList<>();
        for (Contribution c : attached) {
            if (inserted.contains(c.mentionId())) {
                kept.add(c);
            } else {
                // stored meanwhile by another consumer: the index counted it, so load the brand again next time
                indexes.forget(c.brand());
            }
        }
        Map<String, List<Contribution>> byTheme = new LinkedHashMap<>();
        List<String> pairs = new ArrayList<>();
        Set<String> seenPairs = new HashSet<>();
        for (Contribution c : kept) {
            byTheme.computeIfAbsent(c.themeId(), k -> new ArrayList<>()).add(c);
            String pair = c.themeId() + "|" + c.customerKey();
            if (seenPairs.add(pair)) {
                pairs.add(pair);
            }
        }
        return themes.addCustomers(pairs).chain(newPairs -> {
            Map<String, Integer> newCustomers = new HashMap<>();
            for (String pair : newPairs) {
                newCustomers.merge(pair.substring(0, pair.indexOf('|')), 1, Integer::sum);
            }
            List<ThemeRepository.Opened> openings = new ArrayList<>();
            List<ThemeRepository.Growth> growths = new ArrayList<>();
            for (Map.Entry<String, List<Contribution>> e : byTheme.entrySet()) {
                if (opened.contains(e.getKey())) {
                    openings.add(new ThemeRepository.Opened(newTheme(e.getKey(), e.getValue()), e.getValue()));
                } else {
                    growths.add(new ThemeRepository.Growth(e.getKey(), e.getValue(),
                            newCustomers.getOrDefault(e.getKey(), 0)));
                }
            }
            openings.forEach(o -> Log.infof("New theme %s for brand %s", o.theme().id(), o.theme().brand()));
            return themes.insertAll(openings, config.samples())
                    .chain(() -> themes.grow(growths, KEYS, config.samples()))
                    .invoke(() -> {
                        metrics.contributionsStored(kept.size());
                        metrics.themesOpened(openings.size());
                    })
                    .replaceWith(themesOf(kept));
        });
    }

    /** A theme opened by {@code first.get(0)}, with the aggregates of the batch's contributions to it. */
    private Theme newTheme(String id, List<Contribution> all) {
        Contribution first = all.get(0);
        Instant now = Instant.now();
        Theme base = new Theme(id, first.brand(), extractor.title(first.text(), config.titleWords(), first.brand()),
                first.product(), ThemeStatus.NEW, null, Map.of(), 0, 0, Map.of(), 0, null, null, Map.of(), 0, null, null,
                now, now);
        return ThemeRecompute.aggregate(base, all);
    }

    /** Makes sure the index of every brand reflects the brand's current change counter (loading it if not). */
    private Uni<Void> loadIndexes(Set<String> brands) {
        return themes.versions(brands).chain(versions -> Multi.createFrom().iterable(brands)
                .onItem().transformToUniAndConcatenate(brand -> {
                    long version = versions.getOrDefault(brand, 0L);
                    ThemeIndex index = indexes.get(brand);
                    if (index != null && index.version == version) {
                        return Uni.createFrom().voidItem();
                    }
                    return themes.candidates(brand, config.candidateThemes())
                            .invoke(loaded -> indexes.put(new ThemeIndex(brand, version, config.candidateThemes(),
                                    loaded)))
                            .replaceWithVoid();
                })
                .collect().last().replaceWithVoid());
    }

    /**
     * Counts a change of each brand's themes (list snapshots and matching indexes compare the counter). An index that
     * was current before this batch stays current when only this batch moved its counter; otherwise another writer
     * did too, and the index is loaded again before the brand's next batch.
     */
    private Uni<Map<String, Long>> bumpVersions(Set<String> brands) {
        if (brands.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return themes.bumpVersions(brands).invoke(after -> {
            for (Map.Entry<String, Long> e : after.entrySet()) {
                ThemeIndex index = indexes.get(e.getKey());
                if (index != null) {
                    if (index.version + 1 == e.getValue()) {
                        index.version = e.getValue();
                    } else {
                        indexes.forget(e.getKey());
                    }
                }
            }
        });
    }

    /**
     * Completes contributions an earlier attempt stored but did not apply (a store error, a crash): opens the theme if
     * that never happened, marks them applied, and has the theme rebuilt from its contributions, so that a
     * contribution the earlier attempt did add is not counted twice.
     */
    private Uni<Void> resume(List<Contribution> unapplied) {
        if (unapplied.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<Contribution>> byTheme = new LinkedHashMap<>();
        unapplied.forEach(c -> byTheme.computeIfAbsent(c.themeId(), k -> new ArrayList<>()).add(c));
        return Multi.createFrom().iterable(byTheme.entrySet())
                .onItem().transformToUniAndConcatenate(e -> {
                    String themeId = e.getKey();
                    List<Contribution> group = e.getValue();
                    Log.infof("Completing %d contribution(s) of theme %s left unapplied by an earlier attempt",
                            group.size(), themeId);
                    return themes.findById(themeId)
                            .chain(theme -> theme != null ? Uni.createFrom().voidItem() : reopen(themeId, group.get(0)))
                            .chain(() -> themes.flagRecompute(themeId))
                            .chain(() -> contributions.markApplied(group.stream().map(Contribution::mentionId).toList()))
                            .chain(() -> recompute.recompute(themeId))
                            .invoke(() -> indexes.forget(group.get(0).brand()));
                })
                .collect().last().replaceWithVoid();
    }

    /** Opens the theme an earlier attempt chose for {@code first} but never stored. */
    private Uni<Void> reopen(String themeId, Contribution first) {
        Theme theme = newTheme(themeId, List.of(first));
        return themes.addCustomer(themeId, first.customerKey())
                .chain(() -> themes.insert(theme, first))
                .onFailure(MongoStore::isDuplicate).recoverWithNull()
                .invoke(() -> metrics.themesOpened(1));
    }

    /** The brands of these contributions, with no theme to bring up to date (their recompute does that). */
    private static Map<String, Set<String>> brandsOf(List<Contribution> contributions) {
        Map<String, Set<String>> brands = new LinkedHashMap<>();
        contributions.forEach(c -> brands.putIfAbsent(c.brand(), Set.of()));
        return brands;
    }

    /** The themes of these contributions, by brand. */
    private static Map<String, Set<String>> themesOf(List<Contribution> contributions) {
        Map<String, Set<String>> themes = new LinkedHashMap<>();
        contributions.forEach(c -> themes.computeIfAbsent(c.brand(), k -> new LinkedHashSet<>()).add(c.themeId()));
        return themes;
    }

    Contribution toContribution(MentionEvent m) {
        MentionEvent.Analysis analysis = m.analysis();
        List<String> topics = analysis.topics() == null ? List.of() : analysis.topics();
        String product = topics.isEmpty() || blank(topics.get(0)) ? null : topics.get(0).trim();
        MentionEvent.Author author = m.author();
        String authorId = author == null ? null : author.id();
        double sentiment = analysis.sentiment() == null ? 0 : clamp(analysis.sentiment().score());
        return new Contribution(
                m.id(),
                null,
                m.brand(),
                customerKey(m.brand(), m.customerRef(), m.channel(), authorId),
                m.channel(),
                blank(m.threadId()) ? m.externalId() : m.threadId(),
                m.externalId(),
                authorId,
                author == null ? null : author.handle(),
                author == null ? null : author.name(),
                m.text(),
                sentiment,
                intentOf(m),
                product,
                extractor.terms(m.text(), topics, m.brand()),
                timeOf(m));
    }

    /** The same person across channels when the partner gave a CRM id; otherwise one identity of one channel. */
    public static String customerKey(String brand, String customerRef, String channel, String authorId) {
        if (!blank(customerRef)) {
            return brand + ":ref:" + customerRef;
        }
        return channel + ":" + authorId;
    }

    static Instant timeOf(MentionEvent m) {
        return m.publishedAt() != null ? m.publishedAt() : m.capturedAt();
    }

    static String intentOf(MentionEvent m) {
        String intent = m.analysis() == null ? null : m.analysis().intent();
        return intent != null && INTENTS.contains(intent) ? intent : "other";
    }

    static String sentimentLabelOf(MentionEvent m) {
        MentionEvent.Sentiment s = m.analysis() == null ? null : m.analysis().sentiment();
        if (s == null) {
            return "neutral";
        }
        if (s.label() != null && SENTIMENTS.contains(s.label())) {
            return s.label();
        }
        return s.score() < -0.2 ? "negative" : s.score() > 0.2 ? "positive" : "neutral";
    }

    /** A channel of the contract, or "other" (the value becomes a field name in the theme document). */
    public static String channelOf(String channel) {
        String c = channel == null ? "" : channel.toLowerCase(Locale.ROOT);
        return CHANNELS.contains(c) ? c : "other";
    }

    /** ISO week key: {@code 2026-W47}. */
    public static String weekOf(Instant at) {
        LocalDate date = at.atZone(ZoneOffset.UTC).toLocalDate();
        return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static Instant dayStart(Instant at) {
        return at.truncatedTo(ChronoUnit.DAYS);
    }

    public static Instant weekStart(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static double heat(Instant at) {
        return Math.exp((at.getEpochSecond() - HEAT_EPOCH) / HEAT_SCALE_SECONDS);
    }

    private static double clamp(double score) {
        return Double.isNaN(score) ? 0 : Math.max(-1, Math.min(1, score));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
