package io.socialcare.listening.health;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.socialcare.listening.repository.MentionRepository;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how many stored mentions still wait for Kafka. It stays UP while the store answers: a backlog means
 * the broker is unreachable, and the service keeps accepting mentions (the relay publishes them later), so
 * taking it out of the load balancer would only lose traffic.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements AsyncHealthCheck {

    private final MentionRepository mentions;

    public OutboxHealthCheck(MentionRepository mentions) {
        this.mentions = mentions;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return mentions.countUnpublished()
                .map(n -> HealthCheckResponse.named("mention-outbox").up().withData("unpublished", n).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("mention-outbox").down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
