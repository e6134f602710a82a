package io.socialcare.routing.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Runs the SLA sweep periodically (every {@code routing.sla.check-every}). */
@ApplicationScoped
public class SlaScheduler {

    private final SlaService sla;

    public SlaScheduler(SlaService sla) {
        this.sla = sla;
    }

    @Scheduled(identity = "sla-sweep", every = "${routing.sla.check-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return sla.sweep(Db.now(), null)
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("SLA sweep changed %d case(s)", n);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    Log.errorf(e, "SLA sweep failed");
                    return 0;
                })
                .replaceWithVoid();
    }
}
