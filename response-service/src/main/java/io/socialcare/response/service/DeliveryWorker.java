package io.socialcare.response.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.socialcare.response.Channels;
import io.socialcare.response.Reply;
import io.socialcare.response.client.ChannelClient;
import io.socialcare.response.client.CircuitBreakers;
import io.socialcare.response.client.LookupOutcome;
import io.socialcare.response.client.PostOutcome;
import io.socialcare.response.config.ResponseConfig;
import io.socialcare.response.messaging.ReplyEventPublisher;
import io.socialcare.response.repository.ReplyStore;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Delivers queued replies from the outbox.
 *
 * <ol>
 * <li><b>Claim</b> (one transaction): due rows are locked with {@code FOR UPDATE SKIP LOCKED} (replicas never take
 * the same reply), and each is marked before anything is posted: {@code attempts + 1}, {@code attempt_started_at}
 * (the "attempted" mark) and a lease ({@code next_attempt_at = now + lease}). Cases with a reply in flight here are
 * skipped, so that the replies of one case go out one after the other.</li>
 * <li><b>Post</b> outside any transaction, many at once (up to {@code max-in-flight}), over a keep-alive pool per
 * channel host. After a post whose outcome is unknown on x, facebook or instagram (no idempotency key there) the next
 * claim of that reply <b>looks it up</b> on the platform instead of posting: found, it is recorded as sent with the
 * platform's id; absent, it is posted again after the backoff; the lookup failing, it is looked up again later and
 * never posted blindly.</li>
 * <li><b>Record</b>: outcomes are written in batches, one transaction per batch (whatever finished while the previous
 * batch was being written), then {@code reply.sent} / {@code reply.failed} are published and marked published once
 * Kafka acknowledged them.</li>
 * </ol>
 *
 * <p>Claims run every {@code response.delivery.poll-interval} on a Vert.x timer (the Quarkus simple scheduler checks
 * its triggers only once a second), right after a reply is queued ({@link #nudge()}), and again at once while due
 * rows remain.</p>
 */
@ApplicationScoped
public class DeliveryWorker {

    private final ReplyStore store;
    private final ChannelClient channels;
    private final CircuitBreakers breakers;
    private final ReplyEventPublisher publisher;
    private final ResponseConfig config;
    private final Vertx vertx;
    private final ReplyWindows windows;
    private final MeterRegistry meters;

    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean starved = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<String> busyCases = ConcurrentHashMap.newKeySet();
    private final Queue<Recording> recordings = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicBoolean republishing = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile long republishTimerId = -1;
    private volatile boolean stopped;

    public DeliveryWorker(ReplyStore store, ChannelClient channels, CircuitBreakers breakers,
            ReplyEventPublisher publisher, ResponseConfig config, Vertx vertx, ReplyWindows windows,
            MeterRegistry meters) {
        this.store = store;
        this.channels = channels;
        this.breakers = breakers;
        this.publisher = publisher;
        this.config = config;
        this.vertx = vertx;
        this.windows = windows;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(config.delivery().pollInterval().toMillis(), id -> nudge());
        long republishEvery = Math.max(100, config.delivery().republishAfter().toMillis() / 2);
        republishTimerId = vertx.setPeriodic(republishEvery, id -> onContext(this::republish, republishing));
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (republishTimerId >= 0) {
            vertx.cancelTimer(republishTimerId);
        }
    }

    /** Claims due replies now, or right after the current claim. */
    public void nudge() {
        if (stopped) {
            return;
        }
        if (!claiming.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        runOnContext(() -> claimOnce().subscribe().with(
                more -> claimed(more),
                failure -> {
                    Log.warnf(failure, "Delivery claim failed");
                    claimed(false);
                }), () -> claimed(false));
    }

    private void claimed(boolean more) {
        claiming.set(false);
        if (again.getAndSet(false) || more) {
            nudge();
        }
    }

    /** Runs {@code task} on a fresh duplicated Vert.x context; {@code onError} if it could not be scheduled. */
    private void runOnContext(Runnable task, Runnable onError) {
        try {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            context.runOnContext(v -> task.run());
        } catch (RuntimeException e) {
            Log.warnf(e, "Delivery work could not start");
            onError.run();
        }
    }

    private void onContext(Supplier<Uni<Void>> work, AtomicBoolean busy) {
        if (stopped || !busy.compareAndSet(false, true)) {
            return;
        }
        runOnContext(() -> work.get().subscribe().with(v -> busy.set(false), failure -> {
            Log.warnf(failure, "Delivery work failed");
            busy.set(false);
        }), () -> busy.set(false));
    }

    // ------------------------------------------------------------------------------------------------ claim

    /** What the worker does with a claimed reply. */
    private enum Action {
        POST, LOOKUP, SETTLED, DEFERRED
    }

    private record Work(Reply reply, Action action) {
    }

    /** One claim: true when it took a full batch (more may be due). */
    Uni<Boolean> claimOnce() {
        int capacity = config.delivery().maxInFlight() - inFlight.get();
        if (capacity <= 0) {
            starved.set(true);
            return Uni.createFrom().item(false);
        }
        int limit = Math.min(config.delivery().batchSize(), capacity);
        Instant now = now();
        List<Work> works = new ArrayList<>();
        return store.claim(now, limit, List.copyOf(busyCases), rows -> {
            for (Reply r : rows) {
                works.add(new Work(r, decide(r, now)));
            }
        }).map(rows -> {
            dispatch(works);
            return rows.size() == limit;
        });
    }

    /** Decides, inside the claim's transaction, what happens to one due reply, and marks it accordingly. */
    private Action decide(Reply r, Instant now) {
        if (r.attemptStartedAt != null && !Channels.honoursIdempotencyKey(r.channel)) {
            // a post to a platform without idempotency key was attempted and its outcome is unknown (a timeout, or
            // the process died while posting): never post again before the platform says the reply is not there
            if (channels.canLookUp(r.channel)) {
                r.nextAttemptAt = now.plus(config.delivery().lease());
                return Action.LOOKUP;
            }
            fail(r, "unknown_outcome", "the attempt started at " + r.attemptStartedAt
                    + " has no known outcome and channels." + r.channel + ".account is not set for a lookup", now);
            return Action.SETTLED;
        }
        if (windows.closed(r.channel, r.mentionAt, now)) {
            // e.g. approved too late: the platform would refuse it, so nothing is posted
            fail(r, ReplyWindows.OUTSIDE_WINDOW, windows.explain(r.channel), now);
            return Action.SETTLED;
        }
        Instant openUntil = breakers.acquire(r.channel);
        if (openUntil != null) {
            r.nextAttemptAt = openUntil;
            return Action.DEFERRED;
        }
        r.attempts++;
        r.attemptStartedAt = now;
        r.nextAttemptAt = now.plus(config.delivery().lease());
        return Action.POST;
    }

    /** Starts the claimed work: the replies of one case one after the other, the cases at once. */
    private void dispatch(List<Work> works) {
        List<Reply> settled = new ArrayList<>();
        Map<String, List<Work>> byCase = new LinkedHashMap<>();
        for (Work w : works) {
            switch (w.action()) {
                case SETTLED -> settled.add(w.reply());
                case DEFERRED -> {
                    // held back by the channel's open circuit breaker; nothing to do until then
                }
                default -> byCase.computeIfAbsent(w.reply().caseId, c -> new ArrayList<>()).add(w);
            }
        }
        if (!settled.isEmpty()) {
            publish(settled).subscribe().with(v -> { }, t -> { });
        }
        for (Map.Entry<String, List<Work>> entry : byCase.entrySet()) {
            inFlight.addAndGet(entry.getValue().size());
            busyCases.add(entry.getKey());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Work w : entry.getValue()) {
                chain = chain.flatMap(v -> perform(w)
                        .onFailure().invoke(t -> Log.warnf(t, "Delivery of reply %s not recorded; retried after its lease",
                                w.reply().id))
                        .onFailure().recoverWithNull()
                        .eventually(this::released));
            }
            chain.eventually(() -> busyCases.remove(entry.getKey()))
                    .subscribe().with(v -> { }, t -> Log.warnf(t, "Delivery of case %s failed", entry.getKey()));
        }
    }

    private void released() {
        inFlight.decrementAndGet();
        if (starved.getAndSet(false)) {
            nudge();
        }
    }

    // ------------------------------------------------------------------------------------------------ post, lookup

    /** Posts or looks up one reply and records the outcome; completes once the outcome is committed. */
    private Uni<Void> perform(Work w) {
        Reply r = w.reply();
        if (w.action() == Action.LOOKUP) {
            Instant since = r.attemptStartedAt.minus(config.delivery().lookupClockSkew());
            return store.postIdsOfOthers(r)
                    .flatMap(taken -> channels.lookup(r, since, taken))
                    .onFailure().recoverWithItem(t -> new LookupOutcome.Failed(t.getMessage()))
                    .flatMap(outcome -> {
                        applyLookup(r, outcome, now());
                        return record(r);
                    });
        }
        return channels.post(r)
                .onFailure().recoverWithItem(t -> new PostOutcome.Unknown(t.getMessage()))
                .flatMap(outcome -> {
                    applyPost(r, outcome, now());
                    return record(r);
                });
    }

    private void applyPost(Reply r, PostOutcome outcome, Instant now) {
        count("socialcare.reply.posts", r.channel, outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        if (outcome instanceof PostOutcome.Posted p) {
            breakers.success(r.channel);
            sent(r, p.externalPostId(), now, now);
            Log.infof("Reply %s sent to %s thread %s after %d attempt(s)", r.id, r.channel, r.threadId, r.attempts);
        } else if (outcome instanceof PostOutcome.Retryable x) {
            breakers.failure(r.channel);
            retryOrFail(r, x.error(), x.after(), now);
        } else if (outcome instanceof PostOutcome.Unknown u) {
            breakers.failure(r.channel);
            if (Channels.honoursIdempotencyKey(r.channel)) {
                // the partner drops a repeat with the same Idempotency-Key: safe to post again
                retryOrFail(r, u.error(), null, now);
            } else if (channels.canLookUp(r.channel)) {
                // keep attempt_started_at: the next claim looks the reply up instead of posting it
                r.lastError = "outcome unknown: " + u.error();
                r.lookups = 0;
                r.nextAttemptAt = now.plus(config.delivery().lookupDelay());
                Log.infof("Reply %s to %s: outcome of attempt %d unknown (%s); looking it up in %d ms", r.id,
                        r.channel, r.attempts, u.error(), config.delivery().lookupDelay().toMillis());
            } else {
                fail(r, "unknown_outcome", u.error(), now);
            }
        } else if (outcome instanceof PostOutcome.Refused f) {
            breakers.release(r.channel);
            fail(r, f.reason(), f.error(), now);
        }
    }

    private void applyLookup(Reply r, LookupOutcome outcome, Instant now) {
        String name = outcome instanceof LookupOutcome.Found ? "found"
                : outcome instanceof LookupOutcome.Absent ? "absent" : "failed";
        count("socialcare.reply.lookups", r.channel, name);
        if (outcome instanceof LookupOutcome.Found f) {
            sent(r, f.externalPostId(), f.createdAt() != null ? f.createdAt().truncatedTo(ChronoUnit.MICROS) : now, now);
            Log.infof("Reply %s found on %s as %s after an unknown outcome; not posted again", r.id, r.channel,
                    f.externalPostId());
        } else if (outcome instanceof LookupOutcome.Absent) {
            Log.infof("Reply %s is not on %s after attempt %d; it will be posted again", r.id, r.channel, r.attempts);
            r.attemptStartedAt = null;
            retryOrFail(r, "not on the platform after: " + r.lastError, null, now);
        } else if (outcome instanceof LookupOutcome.Failed x) {
            r.lookups++;
            r.lastError = "lookup failed: " + x.error();
            if (!now.isBefore(r.attemptStartedAt.plus(config.delivery().lookupGiveUpAfter()))) {
                fail(r, "unknown_outcome", "lookups failed for " + config.delivery().lookupGiveUpAfter() + ": "
                        + x.error(), now);
                return;
            }
            Duration delay = backoff(r.lookups);
            r.nextAttemptAt = now.plus(delay);
            Log.infof("Reply %s: lookup %d on %s failed (%s); next lookup in %d ms, not posted meanwhile", r.id,
                    r.lookups, r.channel, x.error(), delay.toMillis());
        }
    }

    private static void sent(Reply r, String externalPostId, Instant sentAt, Instant now) {
        r.status = Reply.SENT;
        r.externalPostId = externalPostId;
        r.sentAt = sentAt;
        r.finishedAt = now;
        r.attemptStartedAt = null;
        r.nextAttemptAt = null;
        r.lastError = null;
    }

    /** Counts each post and lookup outcome per channel ({@code socialcare.reply.posts{channel, outcome}}, ...). */
    private void count(String metric, String channel, String outcome) {
        meters.counter(metric, "channel", channel, "outcome", outcome).increment();
    }

    private void retryOrFail(Reply r, String error, Duration after, Instant now) {
        r.attemptStartedAt = null;
        r.lastError = error;
        if (r.attempts >= config.delivery().maxAttempts()) {
            fail(r, "retries_exhausted", error, now);
            return;
        }
        Duration delay = after != null ? min(after, config.delivery().retryAfterMax()) : backoff(r.attempts);
        r.nextAttemptAt = now.plus(delay);
        Log.infof("Reply %s to %s: attempt %d failed (%s); next attempt in %d ms", r.id, r.channel, r.attempts,
                error, delay.toMillis());
    }

    private static void fail(Reply r, String reason, String error, Instant now) {
        r.status = Reply.FAILED;
        r.failureReason = reason;
        r.lastError = error;
        r.finishedAt = now;
        r.attemptStartedAt = null;
        r.nextAttemptAt = null;
        Log.warnf("Reply %s to %s failed: %s (%s)", r.id, r.channel, reason, error);
    }

    /** Exponential backoff with jitter: a random delay between half and all of base * 2^(attempt-1), capped. */
    Duration backoff(int attempt) {
        long base = config.delivery().backoffBase().toMillis();
        long max = config.delivery().backoffMax().toMillis();
        long exp = base << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(exp, max);
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    // ------------------------------------------------------------------------------------------------ record

    /** An outcome waiting to be written, and who waits for it. */
    private record Recording(Reply reply, UniEmitter<? super Void> done) {
    }

    /**
     * Queues the reply's new delivery state for the next batch write; completes when it is committed. A batch is
     * whatever queued up while the previous one was written, so a busy worker writes many outcomes per commit.
     */
    private Uni<Void> record(Reply r) {
        return Uni.createFrom().emitter(emitter -> {
            recordings.add(new Recording(r, emitter));
            flushSoon();
        });
    }

    private void flushSoon() {
        if (!flushing.compareAndSet(false, true)) {
            return;
        }
        runOnContext(this::flush, () -> flushing.set(false));
    }

    private void flush() {
        List<Recording> batch = new ArrayList<>();
        Recording next;
        while (batch.size() < 500 && (next = recordings.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            flushing.set(false);
            if (!recordings.isEmpty()) {
                flushSoon();
            }
            return;
        }
        List<Reply> replies = batch.stream().map(Recording::reply).toList();
        store.saveDelivery(replies).subscribe().with(v -> {
            flushed(batch, null);
            List<Reply> finished = replies.stream()
                    .filter(r -> (Reply.SENT.equals(r.status) || Reply.FAILED.equals(r.status))
                            && r.eventPublishedAt == null)
                    .toList();
            if (!finished.isEmpty()) {
                publish(finished).subscribe().with(x -> { }, t -> { });
            }
        }, failure -> {
            // the rows keep their lease and attempt mark: they are claimed again when the lease ends
            Log.warnf(failure, "Outcomes of %d replies could not be recorded", batch.size());
            flushed(batch, failure);
        });
    }

    private void flushed(List<Recording> batch, Throwable failure) {
        flushing.set(false);
        if (!recordings.isEmpty()) {
            flushSoon();
        }
        for (Recording r : batch) {
            if (failure == null) {
                r.done().complete(null);
            } else {
                r.done().fail(failure);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ events

    /** Publishes the replies' events and marks those Kafka acknowledged; never fails. */
    private Uni<Void> publish(List<Reply> finished) {
        List<Uni<String>> sends = new ArrayList<>(finished.size());
        for (Reply r : finished) {
            sends.add(publisher.publish(r).replaceWith(r.id)
                    .onFailure().recoverWithItem(t -> {
                        Log.warnf("Event of reply %s not published yet (%s); will retry", r.id, t.getMessage());
                        return "";
                    }));
        }
        return Uni.join().all(sends).andFailFast()
                .flatMap(ids -> store.markPublished(ids.stream().filter(id -> !id.isEmpty()).toList(), now()))
                .onFailure().recoverWithUni(t -> {
                    Log.warnf("Published events not marked (%s); they will be published again", t.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Finished replies whose event was not acknowledged for a while are published again (same ce_id). */
    private Uni<Void> republish() {
        Instant before = now().minus(config.delivery().republishAfter());
        return store.unpublished(before, config.delivery().batchSize())
                .flatMap(list -> list.isEmpty() ? Uni.createFrom().voidItem() : publish(list));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
