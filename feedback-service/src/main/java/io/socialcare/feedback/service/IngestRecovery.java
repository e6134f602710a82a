package io.socialcare.feedback.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.feedback.config.FeedbackConfig;
import io.socialcare.feedback.repository.IngestJournal;

/**
 * Completes ingest batches that were interrupted: a journal entry older than {@code feedback.recompute-grace} belongs
 * to a batch that crashed or that the consumer gave up on. Its trend counts are finished (exactly once, whatever part
 * was done) and the contributions it stored but did not apply are counted into their themes. Runs every
 * {@code feedback.recompute-every}; a quiet round is one query on the (normally empty) journal.
 */
@ApplicationScoped
public class IngestRecovery {

    private final IngestJournal journal;
    private final FeedbackIngest ingest;
    private final FeedbackConfig config;

    public IngestRecovery(IngestJournal journal, FeedbackIngest ingest, FeedbackConfig config) {
        this.journal = journal;
        this.ingest = ingest;
        this.config = config;
    }

    @Scheduled(every = "${feedback.recompute-every:60s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        return recoverUnfinished().replaceWithVoid();
    }

    /** Completes the unfinished batches old enough not to be in flight; answers how many were completed. */
    public Uni<Integer> recoverUnfinished() {
        return journal.unfinished(Instant.now().minus(config.recomputeGrace()), config.recomputeBatch())
                .chain(batches -> Multi.createFrom().iterable(batches)
                        .onItem().transformToUniAndConcatenate(batch -> ingest.recover(batch).replaceWith(true)
                                .onFailure().recoverWithItem(f -> {
                                    Log.warnf("Ingest batch %s not completed yet (%s); the next round retries",
                                            batch.id(), f.getMessage());
                                    return false;
                                }))
                        .select().where(Boolean::booleanValue)
                        .collect().asList()
                        .map(List::size))
                .onFailure().recoverWithItem(f -> {
                    Log.warnf("Ingest recovery round failed (%s); the next round retries", f.getMessage());
                    return 0;
                });
    }
}
