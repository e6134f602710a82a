package io.socialcare.listening.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.contract.MentionEvent;
import io.socialcare.listening.config.ListeningConfig;
import io.socialcare.listening.repository.AlertRepository;
import io.socialcare.listening.repository.IndexInitializer;
import io.socialcare.listening.repository.MentionRepository;

/**
 * Republishes mentions that were stored but never acknowledged by Kafka (the broker was down, the process died
 * between store and publish). Runs every {@code listening.relay.every}; takes mentions whose lease ran out, oldest
 * first and one at a time, so that records of one key keep their order; stops at the first failure and tries
 * again on the next run.
 */
@ApplicationScoped
public class OutboxRelay {

    private final MentionRepository repository;
    private final MentionPublisher publisher;
    private final ListeningConfig config;
    private final IndexInitializer indexes;
    private final AlertRepository alerts;
    private final AlertPublisher alertPublisher;

    public OutboxRelay(MentionRepository repository, MentionPublisher publisher, ListeningConfig config,
            IndexInitializer indexes, AlertRepository alerts, AlertPublisher alertPublisher) {
        this.indexes = indexes;
        this.alerts = alerts;
        this.alertPublisher = alertPublisher;
        this.repository = repository;
        this.publisher = publisher;
        this.config = config;
    }

    @Scheduled(every = "${listening.relay.every:2s}", delayed = "${listening.relay.every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        Uni<Integer> mentions = indexes.ensure().chain(this::relayDue).onFailure().recoverWithItem(failure -> {
            Log.warnf("Relay run stopped, will retry: %s", failure.getMessage());
            return 0;
        });
        // alerts have their own key (the brand) and are relayed independently of the mentions
        return mentions.chain(() -> relayDueAlerts().onFailure().recoverWithItem(failure -> {
            Log.warnf("Alert relay run stopped, will retry: %s", failure.getMessage());
            return 0;
        })).replaceWithVoid();
    }

    /** Publishes every due crisis alert, oldest first, stopping at the first failure; the number published. */
    public Uni<Integer> relayDueAlerts() {
        return alerts.findDue(Instant.now(), config.relay().batchSize()).chain(due -> Multi.createFrom()
                .iterable(due)
                .onItem().transformToUniAndConcatenate(alert -> {
                    Instant now = Instant.now();
                    return alerts.claim(alert.id(), now, now.plus(config.relay().lease()))
                            .chain(claimed -> claimed ? alertPublisher.publish(alert).replaceWith(1)
                                    : Uni.createFrom().item(0));
                })
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue)));
    }

    /** Publishes every due mention; the number published. */
    public Uni<Integer> relayDue() {
        Instant now = Instant.now();
        return repository.findDue(now, config.relay().batchSize()).chain(this::relay);
    }

    private Uni<Integer> relay(List<MentionEvent> due) {
        if (due.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Log.infof("Relaying %d unpublished mention(s)", due.size());
        return Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(mention -> {
                    Instant now = Instant.now();
                    return repository.claim(mention.id(), now, now.plus(config.relay().lease()))
                            .chain(claimed -> claimed ? publisher.publish(mention).replaceWith(1)
                                    : Uni.createFrom().item(0));
                })
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }
}
