package io.socialcare.response.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.socialcare.response.Channels;
import io.socialcare.response.Reply;
import io.socialcare.response.client.CircuitBreakers;
import io.socialcare.response.config.ResponseConfig;
import io.socialcare.response.repository.ReplyRepository;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Business gauges at {@code /q/metrics}: replies waiting for a supervisor
 * ({@code socialcare.replies.pending.approval}, read from the store every {@code response.metrics.refresh-interval},
 * since a scrape must not wait for the database) and each channel's circuit breaker
 * ({@code socialcare.channel.breaker.open{channel}}: 1 open or half-open, 0 closed).
 */
@ApplicationScoped
public class OperationsMetrics {

    static final String PENDING_APPROVAL = "socialcare.replies.pending.approval";
    static final String BREAKER_OPEN = "socialcare.channel.breaker.open";

    private final ReplyRepository replies;
    private final CircuitBreakers breakers;
    private final MeterRegistry meters;
    private final ResponseConfig config;
    private final Vertx vertx;
    private final AtomicLong pendingApproval = new AtomicLong();
    private volatile long timerId = -1;

    public OperationsMetrics(ReplyRepository replies, CircuitBreakers breakers, MeterRegistry meters,
            ResponseConfig config, Vertx vertx) {
        this.replies = replies;
        this.breakers = breakers;
        this.meters = meters;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder(PENDING_APPROVAL, pendingApproval, AtomicLong::get)
                .description("Replies waiting for a supervisor's approval")
                .register(meters);
        for (String channel : Channels.ALL) {
            Gauge.builder(BREAKER_OPEN, breakers, b -> b.isOpen(channel) ? 1 : 0)
                    .tag("channel", channel)
                    .description("1 while the channel's circuit breaker is open or half-open")
                    .register(meters);
        }
        timerId = vertx.setPeriodic(config.metrics().refreshInterval().toMillis(), id -> refresh());
        refresh();
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void refresh() {
        // a fresh duplicated context, marked safe, as Hibernate Reactive requires for its session
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> Panache.withSession(() -> replies.count("status", Reply.PENDING_APPROVAL))
                .subscribe().with(pendingApproval::set,
                        failure -> Log.debugf("Pending approvals not refreshed: %s", failure.getMessage())));
    }
}
