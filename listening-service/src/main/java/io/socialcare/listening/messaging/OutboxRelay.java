package io.socialcare.listening.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.socialcare.listening.repository.OutboxRepository;

/**
 * Republishes mentions that were stored but never acknowledged by Kafka (the broker was down, the process died
 * between store and publish, a mention waited behind an older one of its key). Runs every
 * {@code listening.relay.every}; reads the outbox entries whose lease ran out — the outbox only holds what has not
 * reached Kafka, so this stays cheap however many mentions are stored — and takes them oldest first, one at a
 * time, claiming each (safe with several replicas) and sending its mentions in order, so that records of one key
 * keep their order; stops at the first failure and tries again on the next run. Then the crisis alerts.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxRepository outbox;
    private final MentionRepository mentions;
    private final MentionPublisher publisher;
    private final ListeningConfig config;
    private final IndexInitializer indexes;
    private final AlertRepository alerts;
    private final AlertPublisher alertPublisher;

    public OutboxRelay(OutboxRepository outbox, MentionRepository mentions, MentionPublisher publisher,
            ListeningConfig config, IndexInitializer indexes, AlertRepository alerts, AlertPublisher alertPublisher) {
        this.outbox = outbox;
        this.mentions = mentions;
        this.indexes = indexes;
        this.alerts = alerts;
        this.alertPublisher = alertPublisher;
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
                .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    /**
     * Publishes the mentions of every due outbox entry, oldest first; the number of entries settled. A due entry
     * holding a key that an older entry still holds — one whose send is under way (leased), or a due one passed
     * over — waits for the next run, so that one key's records keep their order across replicas.
     */
    public Uni<Integer> relayDue() {
        long setbacks = publisher.setbacks();
        Instant now = Instant.now();
        return outbox.findDue(now, config.relay().batchSize()).chain(due -> {
            if (due.isEmpty()) {
                if (publisher.setbacks() == setbacks) {
                    // nothing waits and nothing failed since the look-up: the keys held before the previous runs
                    // need no checking any more
                    publisher.releaseOlderThan(config.relay().every().multipliedBy(5));
                }
                return Uni.createFrom().item(0);
            }
            List<String> keys = new ArrayList<>();
            due.forEach(entry -> keys.addAll(keysOf(entry)));
            publisher.hold(keys);
            Log.infof("Relaying %d outbox entr%s", due.size(), due.size() == 1 ? "y" : "ies");
            return outbox.findLeasedBefore(now, due.get(due.size() - 1).seq())
                    .chain(leased -> relay(due, leased, new HashSet<>(), 0, 0));
        });
    }

    /** Relays entries from {@code from} on, stopping at the first that fails; the number settled. */
    private Uni<Integer> relay(List<OutboxRepository.Entry> due, List<OutboxRepository.Entry> leased,
            Set<String> passedOver, int from, int settled) {
        if (from >= due.size()) {
            return Uni.createFrom().item(settled);
        }
        OutboxRepository.Entry next = due.get(from);
        Set<String> blocked = new HashSet<>(passedOver);
        for (OutboxRepository.Entry older : leased) {
            if (older.seq() < next.seq()) {
                blocked.addAll(keysOf(older));
            }
        }
        if (keysOf(next).stream().anyMatch(blocked::contains)) {
            passedOver.addAll(keysOf(next));
            return relay(due, leased, passedOver, from + 1, settled);
        }
        Instant now = Instant.now();
        return outbox.claim(next.id(), now, now.plus(config.relay().lease())).chain(entry -> {
            if (entry == null) {
                passedOver.addAll(keysOf(next));
                return relay(due, leased, passedOver, from + 1, settled);
            }
            List<String> ids = entry.items().stream().map(OutboxRepository.Item::id).toList();
            Uni<List<MentionEvent>> stored = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : mentions.findByIds(ids);
            return stored.chain(found -> {
                if (found.size() < ids.size() && entry.createdAt().plus(config.relay().lease().multipliedBy(3))
                        .isAfter(now)) {
                    // a recent capture whose mentions are not all stored yet: leave it to the request that is still
                    // storing them; the claim leased it for another lease, so it is looked at again after that
                    passedOver.addAll(keysOf(entry));
                    return Uni.createFrom().item(Boolean.TRUE);
                }
                return publisher.publishClaimed(entry, found);
            }).chain(ok -> ok ? relay(due, leased, passedOver, from + 1, settled + 1)
                    : Uni.createFrom().item(settled));
        });
    }

    private static Set<String> keysOf(OutboxRepository.Entry entry) {
        Set<String> keys = new HashSet<>();
        entry.items().forEach(item -> keys.add(item.key()));
        return keys;
    }
}
