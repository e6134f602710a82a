package io.socialcare.response.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.socialcare.response.Channels;
import io.socialcare.response.Reply;
import io.socialcare.response.client.ChannelClient;
import io.socialcare.response.client.CircuitBreakers;
import io.socialcare.response.client.PostOutcome;
import io.socialcare.response.config.ResponseConfig;
import io.socialcare.response.messaging.ReplyEventPublisher;
import io.socialcare.response.repository.ReplyRepository;
import io.vertx.mutiny.core.Vertx;

/**
 * Delivers queued replies from the outbox. Each run claims due rows with {@code FOR UPDATE SKIP LOCKED} (so that
 * replicas never take the same reply), records the attempt before posting, posts outside the transaction, then
 * records the outcome and publishes {@code reply.sent} / {@code reply.failed}.
 *
 * <p>Runs every {@code response.delivery.poll-interval} on a Vert.x timer (the Quarkus simple scheduler checks its
 * triggers only once a second) and right after a reply is queued ({@link #nudge()}).</p>
 */
@ApplicationScoped
public class DeliveryWorker {

    private final ReplyRepository replies;
    private final ChannelClient channels;
    private final CircuitBreakers breakers;
    private final ReplyEventPublisher publisher;
    private final ResponseConfig config;
    private final Vertx vertx;
    private final ReplyWindows windows;
    private final MeterRegistry meters;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile boolean stopped;

    public DeliveryWorker(ReplyRepository replies, ChannelClient channels, CircuitBreakers breakers,
            ReplyEventPublisher publisher, ResponseConfig config, Vertx vertx, ReplyWindows windows,
            MeterRegistry meters) {
        this.windows = windows;
        this.meters = meters;
        this.replies = replies;
        this.channels = channels;
        this.breakers = breakers;
        this.publisher = publisher;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(config.delivery().pollInterval().toMillis(), id -> nudge());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Runs the worker now, or right after the current run. */
    public void nudge() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            // a fresh duplicated context, marked safe, as Hibernate Reactive requires for its session
            Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(v -> runOnce().subscribe().with(
                    count -> finished(),
                    failure -> {
                        Log.warnf(failure, "Delivery run failed");
                        finished();
                    }));
        } catch (RuntimeException e) {
            Log.warnf(e, "Delivery run could not start");
            finished();
        }
    }

    private void finished() {
        running.set(false);
        if (again.getAndSet(false)) {
            nudge();
        }
    }

    /** One run: claim, post and record each claimed reply, then republish events that were not acknowledged. */
    Uni<Integer> runOnce() {
        return Panache.withTransaction(this::claim)
                .flatMap(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUniAndConcatenate(this::deliver)
                        .collect().asList()
                        .map(List::size))
                .call(this::republish);
    }

    /** A claimed reply and whether it may be posted (false: it was settled in the claim). */
    private record Claim(String id, String channel, boolean post) {
    }

    private Uni<List<Claim>> claim() {
        Instant now = now();
        return replies.claimDue(now, config.delivery().batchSize()).map(rows -> {
            List<Claim> claims = new ArrayList<>();
            for (Reply r : rows) {
                if (r.attemptStartedAt != null && !Channels.honoursIdempotencyKey(r.channel)) {
                    // an earlier attempt was made but never recorded (the process died while posting); the
                    // platform may have the reply, and it offers no idempotency key: do not post a second time
                    fail(r, "unknown_outcome", "an earlier attempt started at " + r.attemptStartedAt
                            + " has no recorded outcome", now);
                    claims.add(new Claim(r.id, r.channel, false));
                    continue;
                }
                if (windows.closed(r.channel, r.mentionAt, now)) {
                    // e.g. approved too late: the platform would refuse it, so nothing is posted
                    fail(r, ReplyWindows.OUTSIDE_WINDOW, windows.explain(r.channel), now);
                    claims.add(new Claim(r.id, r.channel, false));
                    continue;
                }
                Instant openUntil = breakers.acquire(r.channel);
                if (openUntil != null) {
                    r.nextAttemptAt = openUntil;
                    continue;
                }
                r.attempts++;
                r.attemptStartedAt = now;
                r.nextAttemptAt = now.plus(config.delivery().lease());
                claims.add(new Claim(r.id, r.channel, true));
            }
            return claims;
        });
    }

    private Uni<Void> deliver(Claim claim) {
        Uni<PostOutcome> outcome = claim.post()
                ? Panache.withSession(() -> replies.findById(claim.id())).flatMap(channels::post)
                : Uni.createFrom().nullItem();
        return outcome
                .flatMap(o -> Panache.withTransaction(() -> replies.findById(claim.id()).map(r -> {
                    if (o != null) {
                        record(r, o);
                    }
                    return r;
                })))
                .flatMap(r -> (Reply.SENT.equals(r.status) || Reply.FAILED.equals(r.status))
                        && r.eventPublishedAt == null ? publish(r) : Uni.createFrom().voidItem())
                .onFailure().recoverWithUni(t -> {
                    Log.warnf(t, "Delivery of reply %s could not be recorded", claim.id());
                    return Uni.createFrom().voidItem();
                });
    }

    private void record(Reply r, PostOutcome outcome) {
        Instant now = now();
        count(r.channel, outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        if (outcome instanceof PostOutcome.Posted p) {
            breakers.success(r.channel);
            r.status = Reply.SENT;
            r.externalPostId = p.externalPostId();
            r.sentAt = now;
            r.finishedAt = now;
            r.attemptStartedAt = null;
            r.nextAttemptAt = null;
            r.lastError = null;
            Log.infof("Reply %s sent to %s thread %s after %d attempt(s)", r.id, r.channel, r.threadId, r.attempts);
        } else if (outcome instanceof PostOutcome.Retryable x) {
            breakers.failure(r.channel);
            retryOrFail(r, x.error(), x.after(), now);
        } else if (outcome instanceof PostOutcome.Unknown u) {
            breakers.failure(r.channel);
            if (Channels.honoursIdempotencyKey(r.channel)) {
                // the platform drops a repeat with the same Idempotency-Key: safe to try again
                retryOrFail(r, u.error(), null, now);
            } else {
                fail(r, "unknown_outcome", u.error(), now);
            }
        } else if (outcome instanceof PostOutcome.Refused f) {
            breakers.release(r.channel);
            fail(r, f.reason(), f.error(), now);
        }
    }

    /** Counts each post's outcome per channel: {@code socialcare.reply.posts{channel, outcome}}. */
    private void count(String channel, String outcome) {
        meters.counter("socialcare.reply.posts", "channel", channel, "outcome", outcome).increment();
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

    private Uni<Void> publish(Reply r) {
        return publisher.publish(r)
                .flatMap(v -> Panache.withTransaction(() -> replies.update(
                        "eventPublishedAt = ?1 where id = ?2", now(), r.id)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(t -> {
                    Log.warnf("Event of reply %s not published yet (%s); will retry", r.id, t.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> republish() {
        Instant before = now().minus(config.delivery().republishAfter());
        return Panache.withSession(() -> replies.unpublished(before, config.delivery().batchSize()))
                .flatMap(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(this::publish)
                        .collect().asList())
                .replaceWithVoid();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
