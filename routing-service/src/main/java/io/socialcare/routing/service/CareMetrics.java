package io.socialcare.routing.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;

/**
 * The business metrics of routing (Micrometer, served at {@code /q/metrics}). Everything is counted after the
 * transaction that caused it committed, so a transaction retried after a lost race counts once.
 */
@ApplicationScoped
public class CareMetrics {

    /** Records sent to a dead-letter topic, tagged {@code topic} (e.g. {@code mentions.dlq}). */
    public static final String DEAD_LETTERS = "dead.letter.records";
    static final String CASES_OPENED = "routing.cases.opened";
    static final String TRANSFERS = "routing.transfers";
    static final String PING_PONG_REFUSED = "routing.transfers.refused";
    static final String FIRST_RESPONSE = "routing.first.response";
    static final String SLA_BREACHES = "routing.sla.breaches";
    static final String ESCALATIONS = "routing.escalations";

    private final MeterRegistry registry;

    public CareMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts what the committed events say happened: cases opened, transfers, escalations. */
    public void committed(List<CaseEvent> events) {
        if (events == null) {
            return;
        }
        for (CaseEvent e : events) {
            if (e == null || e.type() == null) {
                continue;
            }
            switch (e.type()) {
                case EventTypes.CASE_OPENED -> counter(CASES_OPENED, "Cases opened", e.brand()).increment();
                case EventTypes.CASE_TRANSFERRED -> counter(TRANSFERS, "Cases transferred to another department",
                        e.brand()).increment();
                case EventTypes.CASE_ESCALATED -> counter(ESCALATIONS,
                        "Unanswered cases escalated before their SLA breach", e.brand()).increment();
                default -> {
                }
            }
        }
    }

    /** A transfer back to a department that held the case, refused (ping-pong). */
    public void pingPongRefused(String brand) {
        counter(PING_PONG_REFUSED, "Transfers refused because the department held the case before", brand)
                .increment();
    }

    /** A case whose first response came after its due time (marked by the sweep or by a late reply). */
    public void slaBreached(String brand) {
        counter(SLA_BREACHES, "Cases that missed their first-response due time", brand).increment();
    }

    /** The time from the start of the SLA clock (minus pauses) to the first response. */
    public void firstResponse(String brand, String priority, Duration elapsed) {
        Timer.builder(FIRST_RESPONSE)
                .description("Time from the start of a case's SLA clock to its first response")
                .tag("brand", nonNull(brand))
                .tag("priority", nonNull(priority))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(2))
                .register(registry)
                .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }

    /** A record this service's consumer failed: the connector sends it to {@code dlqTopic}. */
    public void deadLettered(String dlqTopic) {
        Counter.builder(DEAD_LETTERS)
                .description("Records sent to a dead-letter topic")
                .tag("topic", dlqTopic)
                .register(registry)
                .increment();
    }

    private Counter counter(String name, String description, String brand) {
        return Counter.builder(name).description(description).tag("brand", nonNull(brand)).register(registry);
    }

    private static String nonNull(String value) {
        return value == null ? "none" : value;
    }
}
