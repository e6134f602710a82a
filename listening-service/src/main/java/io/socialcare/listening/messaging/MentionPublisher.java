package io.socialcare.listening.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.socialcare.commons.messaging.Events;
import io.socialcare.contract.EventTypes;
import io.socialcare.contract.MentionEvent;
import io.socialcare.listening.config.ListeningConfig;
import io.socialcare.listening.repository.OutboxRepository;
import io.socialcare.listening.repository.OutboxRepository.Entry;
import io.socialcare.listening.repository.OutboxRepository.Item;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes stored mentions to {@code mentions} (key {@code brand:channel:authorId}, ce_type
 * {@code mention.captured}, ce_id = mention id so that a republished record is recognisable) and settles their
 * outbox entry once the broker acknowledged them (acks=all, idempotent producer): deleted when all went through,
 * otherwise reduced to what is left and handed to the relay.
 * <p>
 * <b>Order per key.</b> The keys of failed sends are remembered in memory ({@code held}), and so are the keys of
 * entries the relay finds waiting (another replica's failures, a crash). Only a mention whose key is held costs a
 * look-up: if an older entry still holds that key, the mention is not sent directly but left in its own entry for
 * the relay, which sends entries oldest first; otherwise the key is released. The normal path queries nothing.
 */
@ApplicationScoped
public class MentionPublisher {

    private final MutinyEmitter<MentionEvent> emitter;
    private final OutboxRepository outbox;
    private final ListeningConfig config;
    /** Held keys, with when they were last held (System.nanoTime()). */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    /** Counts failed sends and requeued entries; the relay forgets the held keys only when it did not move. */
    private final AtomicLong setbacks = new AtomicLong();

    public MentionPublisher(
            @Channel(EventTypes.TOPIC_MENTIONS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<MentionEvent> emitter,
            OutboxRepository outbox, ListeningConfig config) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.config = config;
    }

    private static String key(MentionEvent m) {
        return OutboxRepository.key(m);
    }

    private static List<Item> items(List<MentionEvent> mentions) {
        return OutboxRepository.items(mentions);
    }

    /**
     * Sends one mention and completes on the broker's ack; a failure holds its key. The send starts with
     * {@code trace} as the current OpenTelemetry context, whatever thread the caller resumed on, so that the record
     * continues the trace of the request that captured the mention.
     */
    Uni<Void> send(MentionEvent mention, Context trace) {
        return Uni.createFrom().<Void>emitter(done -> {
                    try (Scope ignored = trace.makeCurrent()) {
                        emitter.sendMessage(Events.message(mention, key(mention), EventTypes.MENTION_CAPTURED,
                                        config.eventSource(), mention.id(), mention.capturedAt()))
                                .subscribe().with(ack -> done.complete(null), done::fail);
                    }
                })
                .onFailure().invoke(failure -> {
                    held.put(key(mention), System.nanoTime());
                    setbacks.incrementAndGet();
                });
    }

    /**
     * Publishes the stored mentions of a new outbox entry without the caller waiting (the mentions are stored and
     * answered already); what fails is left to the relay.
     *
     * @param stored the entry's mentions that were stored, in the entry's order
     * @param traceOf the OpenTelemetry context of the request that captured each of them
     */
    public void publishInBackground(Entry entry, List<MentionEvent> stored, Function<MentionEvent, Context> traceOf) {
        publish(entry, stored, traceOf).subscribe().with(
                ignored -> Log.debugf("Outbox entry %s settled", entry.id()),
                failure -> Log.warnf("Outbox entry %s stored but not settled (the relay takes it up): %s",
                        entry.id(), failure.getMessage()));
    }

    Uni<Void> publish(Entry entry, List<MentionEvent> stored, Function<MentionEvent, Context> traceOf) {
        if (stored.isEmpty()) {
            return outbox.delete(entry.id());
        }
        return blockedKeys(entry, stored).chain(blocked -> {
            List<MentionEvent> direct = new ArrayList<>(stored.size());
            for (MentionEvent m : stored) {
                if (!blocked.contains(key(m))) {
                    direct.add(m);
                }
            }
            if (!blocked.isEmpty()) {
                Log.debugf("Outbox entry %s: %d mention(s) wait behind older ones of their key", entry.id(),
                        stored.size() - direct.size());
            }
            Map<String, String> errors = new ConcurrentHashMap<>();
            Uni<List<Boolean>> sends = direct.isEmpty() ? Uni.createFrom().item(List.of())
                    : Uni.join().all(direct.stream().map(m -> send(m, traceOf.apply(m)).replaceWith(Boolean.TRUE)
                            .onFailure().recoverWithItem(failure -> {
                                errors.put(m.id(), String.valueOf(failure.getMessage()));
                                return Boolean.FALSE;
                            })).toList()).andFailFast();
            return sends.chain(() -> {
                List<MentionEvent> remaining = new ArrayList<>();
                for (MentionEvent m : stored) {
                    if (blocked.contains(key(m)) || errors.containsKey(m.id())) {
                        remaining.add(m);
                    }
                }
                if (remaining.isEmpty()) {
                    return outbox.delete(entry.id());
                }
                String error = errors.isEmpty() ? null : errors.values().iterator().next();
                if (!errors.isEmpty()) {
                    Log.warnf("%d mention(s) of outbox entry %s stored but not published yet (the relay retries): %s",
                            errors.size(), entry.id(), error);
                }
                return outbox.requeue(entry, items(remaining), !errors.isEmpty(), error, Instant.now())
                        .invoke(setbacks::incrementAndGet);
            });
        });
    }

    /** The held keys of these mentions that an older entry still holds; held keys found free are released. */
    private Uni<Set<String>> blockedKeys(Entry entry, List<MentionEvent> stored) {
        Set<String> suspect = new LinkedHashSet<>();
        if (!held.isEmpty()) {
            for (MentionEvent m : stored) {
                if (held.containsKey(key(m))) {
                    suspect.add(key(m));
                }
            }
        }
        if (suspect.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        Set<String> blocked = ConcurrentHashMap.newKeySet();
        return Multi.createFrom().iterable(suspect)
                .onItem().transformToUniAndConcatenate(key -> outbox.hasOlderWithKey(List.of(key), entry.id(),
                        entry.seq()).invoke(older -> {
                            if (older) {
                                blocked.add(key);
                            } else {
                                held.remove(key);
                            }
                        }))
                .collect().last()
                .map(ignored -> blocked);
    }

    /**
     * Sends the stored mentions of an entry the relay claimed, one at a time and in order, stopping at the first
     * failure; the entry is deleted when all went through, otherwise it keeps the rest and stays with the relay.
     *
     * @return true when every mention went through
     */
    public Uni<Boolean> publishClaimed(Entry entry, List<MentionEvent> stored) {
        Map<String, MentionEvent> byId = new HashMap<>();
        stored.forEach(m -> byId.put(m.id(), m));
        List<MentionEvent> ordered = new ArrayList<>();
        for (Item item : entry.items()) {
            MentionEvent m = byId.get(item.id());
            if (m != null) {
                ordered.add(m);
            }
        }
        return sendInOrder(ordered, 0).chain(failedAt -> {
            if (failedAt < 0) {
                return outbox.delete(entry.id()).replaceWith(Boolean.TRUE);
            }
            List<MentionEvent> rest = ordered.subList(failedAt, ordered.size());
            return outbox.requeue(entry, items(rest), true, "relay send failed", Instant.now())
                    .invoke(setbacks::incrementAndGet).replaceWith(Boolean.FALSE);
        });
    }

    /** Sends from {@code from} on, waiting for each ack; the position of the first failure, or -1. */
    private Uni<Integer> sendInOrder(List<MentionEvent> mentions, int from) {
        if (from >= mentions.size()) {
            return Uni.createFrom().item(-1);
        }
        return send(mentions.get(from), Context.current()).replaceWith(Boolean.TRUE)
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Relay could not publish mention %s: %s", mentions.get(from).id(), failure.getMessage());
                    return Boolean.FALSE;
                })
                .chain(ok -> ok ? sendInOrder(mentions, from + 1) : Uni.createFrom().item(from));
    }

    /** Keys of entries that wait for the relay: new mentions with these keys are checked before a direct send. */
    void hold(Collection<String> keys) {
        long now = System.nanoTime();
        keys.forEach(key -> held.put(key, now));
    }

    /** A number that moves whenever a send fails or an entry is handed to the relay. */
    long setbacks() {
        return setbacks.get();
    }

    /**
     * Forgets the keys held for longer than {@code age}: called by the relay when nothing waits and nothing failed
     * meanwhile (a key held just now may belong to a send whose entry is not handed over yet).
     */
    void releaseOlderThan(Duration age) {
        if (!held.isEmpty()) {
            long limit = System.nanoTime() - age.toNanos();
            held.values().removeIf(since -> since - limit < 0);
        }
    }
}
