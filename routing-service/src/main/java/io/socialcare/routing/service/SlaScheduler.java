package io.socialcare.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.socialcare.routing.messaging.CaseOutbox;

/** Runs the SLA sweep periodically (every {@code routing.sla.check-every}); not once the service began to stop. */
@ApplicationScoped
public class SlaScheduler {

    private final SlaService sla;
    private volatile boolean stopped;

    public SlaScheduler(SlaService sla) {
        this.sla = sla;
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
        return sla.sweep(Db.now(), null)
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("SLA sweep changed %d case(s)", n);
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
