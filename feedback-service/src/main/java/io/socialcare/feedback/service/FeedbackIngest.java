package io.socialcare.feedback.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.MentionEvent;
import io.socialcare.feedback.Contribution;
import io.socialcare.feedback.Theme;
import io.socialcare.feedback.ThemeStatus;
import io.socialcare.feedback.config.FeedbackConfig;
import io.socialcare.feedback.repository.ContributionRepository;
import io.socialcare.feedback.repository.ThemeRepository;
import io.socialcare.feedback.repository.TrendRepository;

/**
 * What happens to each captured mention: it is counted in the trends (every mention, once), and when it is
 * product feedback (a suggestion, or a complaint naming a product or topic) it becomes a contribution, attached
 * to the most similar theme of its brand or to a new one, whose aggregates are updated in one atomic write.
 *
 * <p>Every step is guarded by a unique key so that a redelivered mention changes nothing: the trend count by a
 * per-mention marker, the contribution by its id (the mention id), the distinct-customer count by a (theme,
 * customer) pair. A contribution is stored first and marked applied once its theme includes it; an attempt that
 * failed in between is completed by the retry or the redelivery.</p>
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

    private final TermExtractor extractor;
    private final ThemeMatcher matcher;
    private final ThemeRepository themes;
    private final ContributionRepository contributions;
    private final TrendRepository trends;
    private final FeedbackConfig config;
    private final Counter contributed;
    private final Counter opened;

    public FeedbackIngest(TermExtractor extractor, ThemeMatcher matcher, ThemeRepository themes,
            ContributionRepository contributions, TrendRepository trends, FeedbackConfig config, MeterRegistry meters) {
        this.extractor = extractor;
        this.matcher = matcher;
        this.themes = themes;
        this.contributions = contributions;
        this.trends = trends;
        this.config = config;
        this.contributed = Counter.builder("feedback.contributions")
                .description("Mentions kept as contributions to a theme").register(meters);
        this.opened = Counter.builder("feedback.themes.opened")
                .description("Themes opened by a contribution that matched none").register(meters);
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

    public Uni<Void> ingest(MentionEvent m) {
        validate(m);
        return count(m).chain(() -> isFeedback(m) ? contribute(m, true)
                : isFollowUp(m) ? contribute(m, false) : Uni.createFrom().voidItem());
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

    private Uni<Void> count(MentionEvent m) {
        Instant at = timeOf(m);
        String intent = intentOf(m);
        String sentiment = sentimentLabelOf(m);
        return trends.markCounted(m.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            return trends.increment(m.brand(), "day", dayStart(at), intent, sentiment)
                    .chain(() -> trends.increment(m.brand(), "week", weekStart(at), intent, sentiment));
        });
    }

    private Uni<Void> contribute(MentionEvent m, boolean mayOpen) {
        return contributions.find(m.id()).chain(stored -> {
            if (stored != null) {
                return stored.applied() ? Uni.createFrom().voidItem() : resume(stored.contribution(), m.text());
            }
            Contribution c = toContribution(m);
            if (c.terms().isEmpty()) {
                Log.debugf("Mention %s has no terms to group on", m.id());
                return Uni.createFrom().voidItem();
            }
            return themes.candidates(c.brand(), config.candidateThemes())
                    .map(candidates -> matcher.bestMatch(c.terms(), c.product(), candidates,
                            mayOpen ? 0 : config.followUpMargin()))
                    .chain(match -> {
                        if (match == null && !mayOpen) {
                            return Uni.createFrom().voidItem();
                        }
                        Contribution attached = c.withTheme(match == null ? UUID.randomUUID().toString() : match.id());
                        return contributions.insert(attached).chain(inserted -> {
                            if (!inserted) {
                                return Uni.createFrom().voidItem();
                            }
                            return (match == null ? openTheme(attached, m.text()) : join(attached))
                                    .chain(() -> contributions.markApplied(attached.mentionId()))
                                    .invoke(() -> contributed.increment());
                        });
                    });
        });
    }

    /**
     * Finishes a contribution stored by an earlier attempt that failed before its theme was updated (a store
     * error, a crash): creates its theme if that never happened, else adds it to the aggregates.
     */
    private Uni<Void> resume(Contribution c, String text) {
        Log.infof("Completing contribution %s left unapplied by an earlier attempt", c.mentionId());
        // if the earlier attempt did update the theme, this counts the contribution twice: the recompute corrects it
        return themes.findById(c.themeId())
                .chain(theme -> theme == null ? openTheme(c, text)
                        : themes.flagRecompute(c.themeId()).chain(() -> join(c)))
                .chain(() -> contributions.markApplied(c.mentionId()));
    }

    private Uni<Void> join(Contribution c) {
        return themes.addCustomer(c.themeId(), c.customerKey())
                .chain(newCustomer -> themes.addContribution(c, channelOf(c.channel()), weekOf(c.at()), heat(c.at()),
                        newCustomer, config.samples()));
    }

    private Uni<Void> openTheme(Contribution c, String text) {
        HashMap<String, Integer> termCounts = new HashMap<>();
        c.terms().forEach(t -> termCounts.put(t, 1));
        HashMap<String, Integer> channels = new HashMap<>();
        channels.put(channelOf(c.channel()), 1);
        HashMap<String, Integer> weekly = new HashMap<>();
        weekly.put(weekOf(c.at()), 1);
        Instant now = Instant.now();
        Theme theme = new Theme(c.themeId(), c.brand(), extractor.title(text, config.titleWords(), c.brand()), c.product(), ThemeStatus.NEW, null,
                termCounts, 1, 1, channels, c.sentiment(), c.at(), c.at(), weekly, heat(c.at()), null, null, now, now);
        Log.infof("New theme %s for brand %s", c.themeId(), c.brand());
        opened.increment();
        return themes.addCustomer(c.themeId(), c.customerKey()).chain(() -> themes.insert(theme, c));
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
