package io.socialcare.commons.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Settling a poll consumed as one batch with manual acknowledgement: the fallback that takes a failed batch's items one
 * at a time, and the end, where failed records go to the dead-letter topic (the channel's {@code dead-letter-queue}
 * failure strategy, through {@code nack}) before the others are acked — so no offset is committed before its record
 * was handled or dead-lettered.
 */
public final class RecordBatches {

    private RecordBatches() {
    }

    /**
     * Each item of a failed batch alone, in order, tried twice; answers the records whose item succeeded and adds the
     * others, with their failure, to {@code dead}. {@code items} are in the order of {@code records}.
     */
    public static <K, V, T> Uni<List<KafkaRecord<K, V>>> oneByOne(List<KafkaRecord<K, V>> records, List<T> items,
            Function<T, Uni<Void>> work, Map<KafkaRecord<K, V>, Throwable> dead) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            positions.add(i);
        }
        List<KafkaRecord<K, V>> done = new ArrayList<>();
        return Multi.createFrom().iterable(positions)
                .onItem().transformToUniAndConcatenate(i -> Uni.createFrom().deferred(() -> work.apply(items.get(i)))
                        .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(1)
                        .invoke(() -> done.add(records.get(i)))
                        .onFailure().recoverWithItem(f -> {
                            synchronized (dead) {
                                dead.put(records.get(i), f);
                            }
                            return null;
                        }))
                .collect().last()
                .replaceWith(done);
    }

    /** Nacks the {@code dead} records (each counted by {@code counted} first), then acks the {@code done} ones. */
    public static <K, V> Uni<Void> settle(List<KafkaRecord<K, V>> done, Map<KafkaRecord<K, V>, Throwable> dead,
            Runnable counted) {
        List<Uni<Void>> nacks = new ArrayList<>(dead.size());
        dead.forEach((record, reason) -> {
            counted.run();
            nacks.add(Uni.createFrom().completionStage(() -> record.nack(reason)));
        });
        Uni<Void> deadLettered = nacks.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(nacks).andCollectFailures().replaceWithVoid();
        return deadLettered.chain(() -> {
            if (done.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Uni<Void>> acks = new ArrayList<>(done.size());
            for (KafkaRecord<K, V> record : done) {
                acks.add(Uni.createFrom().completionStage(record::ack));
            }
            return Uni.join().all(acks).andFailFast().replaceWithVoid();
        });
    }
}
