package io.socialcare.listening.health;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.socialcare.listening.repository.OutboxRepository;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how many stored mentions still wait for Kafka (the mentions listed in the outbox, which only holds what
 * has not been acknowledged yet, so the count does not read the mentions themselves). It stays UP while the store
 * answers: a backlog means the broker is unreachable, and the service keeps accepting mentions (the relay
 * publishes them later), so taking it out of the load balancer would only lose traffic.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements AsyncHealthCheck {

    private final OutboxRepository outbox;

    public OutboxHealthCheck(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return outbox.countMentions()
                .map(n -> HealthCheckResponse.named("mention-outbox").up().withData("unpublished", n).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("mention-outbox").down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
