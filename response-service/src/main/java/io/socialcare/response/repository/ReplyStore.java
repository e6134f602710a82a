package io.socialcare.response.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.socialcare.response.Reply;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The hot paths of replies in plain SQL on the reactive pool, without an ORM session: asking for a reply (one read
 * of everything the request needs, then one {@code INSERT ... ON CONFLICT DO NOTHING}) and the delivery outbox
 * (claim with {@code FOR UPDATE SKIP LOCKED}, outcomes written in batches). Every statement is prepared once per
 * connection ({@code quarkus.datasource.reactive.cache-prepared-statements}).
 */
@ApplicationScoped
public class ReplyStore {

    static final String COLUMNS = "id, case_id, brand, mention_id, channel, thread_id, external_id, mention_at, text, "
            + "template_id, status, risk_level, risk_flags, idempotency_key, body_hash, attempts, next_attempt_at, "
            + "attempt_started_at, last_error, failure_reason, external_post_id, requested_by, decided_by, kind, "
            + "created_at, sent_at, finished_at, event_published_at, trace_parent, lookups";

    /**
     * Everything a reply request needs in one round trip: the case, the mention answered (the one named, or the
     * latest), the reply already made with this key, and the template.
     */
    private static final String CONTEXT = """
            SELECT c.brand, c.priority, c.customer_name,
                   m.mention_id, m.channel, m.external_id, m.thread_id, m.author_handle, m.author_name, m.at,
                   r.id AS existing_id,
                   t.brand AS template_brand, t.text AS template_text
            FROM cases c
            LEFT JOIN LATERAL (
                SELECT * FROM case_mentions cm
                WHERE cm.case_id = c.id AND ($3::text IS NULL OR cm.mention_id = $3)
                ORDER BY cm.at DESC, cm.mention_id DESC
                LIMIT 1) m ON true
            LEFT JOIN replies r ON r.case_id = c.id AND r.idempotency_key = $2
            LEFT JOIN templates t ON t.id = $4
            WHERE c.id = $1
            """;

    private static final String INSERT = "INSERT INTO replies (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
            + "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, "
            + "$29, $30) ON CONFLICT (case_id, idempotency_key) DO NOTHING";

    private static final String BY_KEY = "SELECT " + COLUMNS + " FROM replies WHERE case_id = $1 AND idempotency_key = $2";

    private static final String DUE = "SELECT " + COLUMNS + """
             FROM replies
            WHERE status = 'queued' AND next_attempt_at <= $1 AND NOT (case_id = ANY($3))
            ORDER BY next_attempt_at
            LIMIT $2
            FOR UPDATE SKIP LOCKED
            """;

    /** Writes the delivery state of a reply; only a reply still in the outbox (queued) changes. */
    private static final String SAVE_DELIVERY = """
            UPDATE replies SET status = $2, attempts = $3, next_attempt_at = $4, attempt_started_at = $5,
                   last_error = $6, failure_reason = $7, external_post_id = $8, sent_at = $9, finished_at = $10,
                   lookups = $11
            WHERE id = $1 AND status = 'queued'
            """;

    private static final String MARK_PUBLISHED = "UPDATE replies SET event_published_at = $1 WHERE id = ANY($2)";

    private static final String UNPUBLISHED = "SELECT " + COLUMNS + """
             FROM replies
            WHERE event_published_at IS NULL AND status IN ('sent', 'failed') AND finished_at < $1
            ORDER BY finished_at
            LIMIT $2
            """;

    private static final String POST_IDS_OF_OTHERS = """
            SELECT external_post_id FROM replies
            WHERE case_id = $1 AND external_id = $2 AND id <> $3 AND external_post_id IS NOT NULL
            """;

    private final Pool pool;

    public ReplyStore(Pool pool) {
        this.pool = pool;
    }

    /** What {@link #context} read for a reply request. */
    public record Context(String brand, String priority, String customerName, String mentionId, String channel,
            String externalId, String threadId, String authorHandle, String authorName, Instant mentionAt,
            String existingId, String templateBrand, String templateText) {
    }

    /** The case (null when unknown), its answered mention, any reply with this key, and the template. */
    public Uni<Context> context(String caseId, String idempotencyKey, String inReplyTo, String templateId) {
        return pool.preparedQuery(CONTEXT).execute(Tuple.of(caseId, idempotencyKey, inReplyTo, templateId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Context(r.getString("brand"), r.getString("priority"), r.getString("customer_name"),
                            r.getString("mention_id"), r.getString("channel"), r.getString("external_id"),
                            r.getString("thread_id"), r.getString("author_handle"), r.getString("author_name"),
                            instant(r, "at"), r.getString("existing_id"), r.getString("template_brand"),
                            r.getString("template_text"));
                });
    }

    /** Inserts the reply unless its (case, key) exists; the unique constraint decides. True when inserted. */
    public Uni<Boolean> insertIfAbsent(Reply r) {
        return pool.preparedQuery(INSERT).execute(Tuple.from(values(r))).map(rows -> rows.rowCount() > 0);
    }

    public Uni<Reply> findByKey(String caseId, String idempotencyKey) {
        return pool.preparedQuery(BY_KEY).execute(Tuple.of(caseId, idempotencyKey))
                .map(rows -> rows.size() == 0 ? null : reply(rows.iterator().next()));
    }

    /**
     * In one transaction: locks up to {@code limit} due queued replies no other worker holds ({@code FOR UPDATE
     * SKIP LOCKED}), skipping the cases in {@code busyCases}, lets {@code decide} change them, and writes them back
     * before the commit. The rows come back as {@code decide} left them.
     */
    public Uni<List<Reply>> claim(Instant now, int limit, List<String> busyCases, Consumer<List<Reply>> decide) {
        return pool.withTransaction(connection -> connection.preparedQuery(DUE)
                .execute(Tuple.of(time(now), limit, busyCases.toArray(String[]::new)))
                .flatMap(rows -> {
                    List<Reply> claimed = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        claimed.add(reply(row));
                    }
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(claimed);
                    }
                    decide.accept(claimed);
                    return save(connection, claimed).replaceWith(claimed);
                }));
    }

    /** Writes the delivery state of each reply in one transaction (one round trip for the whole batch). */
    public Uni<Void> saveDelivery(List<Reply> replies) {
        if (replies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(connection -> save(connection, replies));
    }

    private static Uni<Void> save(SqlConnection connection, List<Reply> replies) {
        List<Tuple> batch = new ArrayList<>(replies.size());
        for (Reply r : replies) {
            batch.add(Tuple.from(new Object[] {r.id, r.status, r.attempts, time(r.nextAttemptAt),
                    time(r.attemptStartedAt), r.lastError, r.failureReason, r.externalPostId, time(r.sentAt),
                    time(r.finishedAt), r.lookups}));
        }
        return connection.preparedQuery(SAVE_DELIVERY).executeBatch(batch).replaceWithVoid();
    }

    /** Records that the events of these replies were acknowledged by Kafka. */
    public Uni<Void> markPublished(List<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(time(at), ids.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Finished replies whose event has not been acknowledged since {@code finishedBefore}. */
    public Uni<List<Reply>> unpublished(Instant finishedBefore, int limit) {
        return pool.preparedQuery(UNPUBLISHED).execute(Tuple.of(time(finishedBefore), limit)).map(rows -> {
            List<Reply> result = new ArrayList<>(rows.size());
            for (Row row : rows) {
                result.add(reply(row));
            }
            return result;
        });
    }

    /** Platform ids already recorded for other replies to the same post: a lookup must not take them. */
    public Uni<List<String>> postIdsOfOthers(Reply r) {
        return pool.preparedQuery(POST_IDS_OF_OTHERS).execute(Tuple.of(r.caseId, r.externalId, r.id))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getString(0));
                    }
                    return ids;
                });
    }

    private static Object[] values(Reply r) {
        return new Object[] {r.id, r.caseId, r.brand, r.mentionId, r.channel, r.threadId, r.externalId,
                time(r.mentionAt), r.text, r.templateId, r.status, r.riskLevel, r.riskFlags == null ? "" : r.riskFlags,
                r.idempotencyKey, r.bodyHash, r.attempts, time(r.nextAttemptAt), time(r.attemptStartedAt),
                r.lastError, r.failureReason, r.externalPostId, r.requestedBy, r.decidedBy, r.kind,
                time(r.createdAt), time(r.sentAt), time(r.finishedAt), time(r.eventPublishedAt), r.traceParent,
                r.lookups};
    }

    static Reply reply(Row row) {
        Reply r = new Reply();
        r.id = row.getString("id");
        r.caseId = row.getString("case_id");
        r.brand = row.getString("brand");
        r.mentionId = row.getString("mention_id");
        r.channel = row.getString("channel");
        r.threadId = row.getString("thread_id");
        r.externalId = row.getString("external_id");
        r.mentionAt = instant(row, "mention_at");
        r.text = row.getString("text");
        r.templateId = row.getString("template_id");
        r.status = row.getString("status");
        r.riskLevel = row.getString("risk_level");
        r.riskFlags = row.getString("risk_flags");
        r.idempotencyKey = row.getString("idempotency_key");
        r.bodyHash = row.getString("body_hash");
        r.attempts = row.getInteger("attempts");
        r.nextAttemptAt = instant(row, "next_attempt_at");
        r.attemptStartedAt = instant(row, "attempt_started_at");
        r.lastError = row.getString("last_error");
        r.failureReason = row.getString("failure_reason");
        r.externalPostId = row.getString("external_post_id");
        r.requestedBy = row.getString("requested_by");
        r.decidedBy = row.getString("decided_by");
        r.kind = row.getString("kind");
        r.createdAt = instant(row, "created_at");
        r.sentAt = instant(row, "sent_at");
        r.finishedAt = instant(row, "finished_at");
        r.eventPublishedAt = instant(row, "event_published_at");
        r.traceParent = row.getString("trace_parent");
        r.lookups = row.getInteger("lookups");
        return r;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    /** A time as written to a {@code timestamptz} parameter (also by {@link CaseProjectionStore}). */
    static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
