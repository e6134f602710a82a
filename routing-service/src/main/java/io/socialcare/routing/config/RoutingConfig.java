package io.socialcare.routing.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the routing-service ({@code routing.*}). */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /** How long after its resolution a customer's follow-up reopens the case instead of opening a new one. */
    @WithDefault("P7D")
    Duration reopenWindow();

    /**
     * How long a mention waits for a database that is away (restarting, unreachable) before it is dead-lettered;
     * keep it below the mentions channel's {@code throttled.unprocessed-record-max-age.ms}.
     */
    @WithDefault("PT5M")
    Duration databaseWait();

    /** How many transfers of one case an agent may make; further transfers need a supervisor. */
    @WithDefault("3")
    int maxAgentTransfers();

    /** The CloudEvents {@code ce_source} of the records this service publishes. */
    @WithDefault("/routing-service")
    String eventSource();

    /** How many queued cases one capacity change assigns at most in one go. */
    @WithDefault("100")
    int maxQueueAssignments();

    Sla sla();

    Outbox outbox();

    Cache cache();

    /** The outbox of the cases topic. */
    interface Outbox {

        /** How often the relay publishes events that could not be published right after their commit. */
        @WithDefault("5s")
        String relayEvery();
    }

    /** Configuration read on every routed mention. */
    interface Cache {

        /**
         * How long a brand's departments and SLA policy are kept in memory; a change made through this replica is seen
         * at once, one made through another replica within this time.
         */
        @WithDefault("5s")
        Duration ttl();
    }

    /** First-response SLA. */
    interface Sla {

        /** Default first-response budget for critical cases, in minutes (a brand's policy overrides it). */
        @WithDefault("15")
        int criticalMinutes();

        /** Default first-response budget for high-priority cases, in minutes. */
        @WithDefault("60")
        int highMinutes();

        /** Default first-response budget for normal-priority cases, in minutes. */
        @WithDefault("240")
        int normalMinutes();

        /** Default first-response budget for low-priority cases, in minutes. */
        @WithDefault("1440")
        int lowMinutes();

        /** Share of the budget after which an unanswered case is escalated (priority raised one level). */
        @WithDefault("0.8")
        double escalateAt();

        /** How often the SLA scheduler looks for cases to escalate or mark as breached. */
        @WithDefault("30s")
        String checkEvery();

        /** How many cases one SLA sweep looks at at most. */
        @WithDefault("500")
        int batchSize();
    }
}
