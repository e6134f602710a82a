package io.socialcare.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business metrics of feedback-service (Micrometer, served at {@code /q/metrics}). Each counts what was written,
 * after the write succeeded: a redelivered mention or a repeated request counts nothing again.
 */
@ApplicationScoped
public class FeedbackMetrics {

    /** Records sent to a dead-letter topic, tagged {@code topic} (the name every service of the suite uses). */
    public static final String DEAD_LETTERS = "dead.letter.records";
    static final String MENTIONS = "feedback.mentions";
    static final String CONTRIBUTIONS = "feedback.contributions";
    static final String THEMES_OPENED = "feedback.themes.opened";
    static final String THEMES_SHIPPED = "feedback.themes.shipped";
    static final String RECOVERED_BATCHES = "feedback.ingest.recovered.batches";

    private final MeterRegistry registry;
    private final Counter mentions;
    private final Counter contributions;
    private final Counter opened;
    private final Counter shipped;
    private final Counter recovered;

    public FeedbackMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.mentions = Counter.builder(MENTIONS)
                .description("Mentions counted in the trends (each once, whatever the redeliveries)").register(registry);
        this.contributions = Counter.builder(CONTRIBUTIONS)
                .description("Mentions kept as contributions to a theme").register(registry);
        this.opened = Counter.builder(THEMES_OPENED)
                .description("Themes opened by a contribution that matched none").register(registry);
        this.shipped = Counter.builder(THEMES_SHIPPED)
                .description("Themes shipped for the first time (each tells its customers once)").register(registry);
        this.recovered = Counter.builder(RECOVERED_BATCHES)
                .description("Ingest batches a crash or a failure interrupted, completed by the recovery round")
                .register(registry);
    }

    public void mentionsCounted(int n) {
        mentions.increment(n);
    }

    public void contributionsStored(int n) {
        contributions.increment(n);
    }

    public void themesOpened(int n) {
        opened.increment(n);
    }

    public void themeShipped() {
        shipped.increment();
    }

    public void batchRecovered() {
        recovered.increment();
    }

    /** A record the consumer could not read: the connector sends it to {@code dlqTopic}. */
    public void deadLettered(String dlqTopic) {
        Counter.builder(DEAD_LETTERS)
                .description("Records sent to a dead-letter topic")
                .tag("topic", dlqTopic)
                .register(registry)
                .increment();
    }
}
