package io.socialcare.routing.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.socialcare.routing.Priority;
import io.socialcare.routing.config.RoutingConfig;
import io.socialcare.routing.repository.SlaPolicyRepository;

/** First-response budgets: the brand's policy, or the configured defaults (15/60/240/1440 minutes). */
@ApplicationScoped
public class SlaBudgets {

    private final SlaPolicyRepository policies;
    private final RoutingConfig config;

    public SlaBudgets(SlaPolicyRepository policies, RoutingConfig config) {
        this.policies = policies;
        this.config = config;
    }

    public Uni<Duration> budget(String brand, String priority) {
        return policies.findById(brand).map(policy -> Duration.ofMinutes(
                policy != null ? policy.minutesFor(priority) : defaultMinutes(priority)));
    }

    public int defaultMinutes(String priority) {
        return switch (priority) {
            case Priority.CRITICAL -> config.sla().criticalMinutes();
            case Priority.HIGH -> config.sla().highMinutes();
            case Priority.LOW -> config.sla().lowMinutes();
            default -> config.sla().normalMinutes();
        };
    }
}
