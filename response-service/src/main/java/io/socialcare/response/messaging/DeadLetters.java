package io.socialcare.response.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the records a consumer fails, which the connector's dead-letter-queue strategy sends to
 * {@code <topic>.dlq}: {@code dead.letter.records{topic="<topic>.dlq"}}.
 */
@ApplicationScoped
public class DeadLetters {

    static final String METRIC = "dead.letter.records";

    private final MeterRegistry meters;

    public DeadLetters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One record of {@code topic} failed and goes to its dead-letter topic. */
    public void count(String topic) {
        meters.counter(METRIC, "topic", topic + ".dlq").increment();
    }
}
