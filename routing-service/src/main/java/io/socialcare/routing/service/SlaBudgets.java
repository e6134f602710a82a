package io.socialcare.routing.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.socialcare.routing.Priority;
import io.socialcare.routing.SlaPolicy;
import io.socialcare.routing.config.RoutingConfig;

/** First-response budgets: the brand's policy, or the configured defaults (15/60/240/1440 minutes). */
@ApplicationScoped
public class SlaBudgets {

    private final ConfigCache cache;
    private final RoutingConfig config;

    public SlaBudgets(ConfigCache cache, RoutingConfig config) {
        this.cache = cache;
        this.config = config;
    }

    /** The budget of a case of {@code priority} in the brand (its policy from the cache). */
    public Uni<Duration> budget(String brand, String priority) {
        return cache.policy(brand).map(policy -> budget(policy, priority));
    }

    /** The budget under {@code policy} (null: the configured defaults). */
    public Duration budget(SlaPolicy policy, String priority) {
        return Duration.ofMinutes(policy != null ? policy.minutesFor(priority) : defaultMinutes(priority));
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
