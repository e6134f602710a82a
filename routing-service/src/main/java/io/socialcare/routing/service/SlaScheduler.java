package io.socialcare.routing.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.config.RoutingConfig;
import io.socialcare.routing.messaging.CaseOutbox;

/** Runs the SLA sweep periodically (every {@code routing.sla.check-every}); not once the service began to stop. */
@ApplicationScoped
public class SlaScheduler {

    /** How long one run may go on sweeping full batches. */
    private static final Duration BUDGET = Duration.ofSeconds(10);

    private final SlaService sla;
    private final int batchSize;
    private volatile boolean stopped;

    public SlaScheduler(SlaService sla, RoutingConfig config) {
        this.sla = sla;
        this.batchSize = config.sla().batchSize();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    @Scheduled(identity = "sla-sweep", every = "${routing.sla.check-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (stopped) {
            return Uni.createFrom().voidItem();
        }
        long started = System.nanoTime();
        int[] total = new int[1];
        // batch after batch while the last one was full, within one period: escalations keep pace with a backlog
        return Uni.createFrom().deferred(() -> sla.sweep(Db.now(), null)).invoke(n -> total[0] += n)
                .repeat().until(n -> n < batchSize || stopped || System.nanoTime() - started > BUDGET.toNanos())
                .collect().last()
                .invoke(n -> {
                    if (total[0] > 0) {
                        Log.infof("SLA sweep changed %d case(s)", total[0]);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    if (stopped || CaseOutbox.isPoolClosed(e)) {
                        Log.debugf("SLA sweep skipped while the service stops: %s", e.getMessage());
                    } else {
                        Log.errorf(e, "SLA sweep failed");
                    }
                    return 0;
                })
                .replaceWithVoid();
    }
}
