package io.socialcare.response.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.socialcare.response.Reply;

/**
 * Replies, which are also the delivery outbox.
 */
@ApplicationScoped
public class ReplyRepository implements PanacheRepositoryBase<Reply, String> {

    private static final String INSERT = """
            INSERT INTO replies (id, case_id, brand, mention_id, channel, thread_id, external_id, mention_at, text, template_id,
                                 status, risk_level, risk_flags, idempotency_key, body_hash, attempts, next_attempt_at,
                                 requested_by, kind, created_at, event_published_at, trace_parent)
            VALUES (:id, :caseId, :brand, :mentionId, :channel, :threadId, :externalId, :mentionAt, :text, :templateId,
                    :status, :riskLevel, :riskFlags, :key, :bodyHash, 0, :nextAttemptAt,
                    :requestedBy, :kind, :createdAt, :eventPublishedAt, :traceParent)
            ON CONFLICT (case_id, idempotency_key) DO NOTHING
            """;

    /**
     * Inserts the reply unless its (case, idempotency key) exists: the unique constraint decides between
     * concurrent requests, not a read before the write. True when this call inserted it.
     */
    public Uni<Boolean> insertIfAbsent(Reply r) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT)
                .setParameter("id", r.id)
                .setParameter("caseId", r.caseId)
                .setParameter("brand", r.brand)
                .setParameter("mentionId", r.mentionId)
                .setParameter("channel", r.channel)
                .setParameter("threadId", r.threadId)
                .setParameter("externalId", r.externalId)
                .setParameter("mentionAt", r.mentionAt)
                .setParameter("text", r.text)
                .setParameter("templateId", r.templateId)
                .setParameter("status", r.status)
                .setParameter("riskLevel", r.riskLevel)
                .setParameter("riskFlags", r.riskFlags)
                .setParameter("key", r.idempotencyKey)
                .setParameter("bodyHash", r.bodyHash)
                .setParameter("nextAttemptAt", r.nextAttemptAt)
                .setParameter("requestedBy", r.requestedBy)
                .setParameter("kind", r.kind)
                .setParameter("createdAt", r.createdAt)
                .setParameter("eventPublishedAt", r.eventPublishedAt)
                .setParameter("traceParent", r.traceParent)
                .executeUpdate())
                .map(count -> count > 0);
    }

    /** Records that a theme's contributor is being told; false when they were told already. */
    public Uni<Boolean> claimLoopNotice(String themeId, String customerKey, String replyId, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO loop_notices (theme_id, customer_key, reply_id, created_at)
                VALUES (:themeId, :customerKey, :replyId, :at)
                ON CONFLICT (theme_id, customer_key) DO NOTHING
                """)
                .setParameter("themeId", themeId)
                .setParameter("customerKey", customerKey)
                .setParameter("replyId", replyId)
                .setParameter("at", at)
                .executeUpdate())
                .map(count -> count > 0);
    }

    public Uni<Reply> findByKey(String caseId, String idempotencyKey) {
        return find("caseId = ?1 and idempotencyKey = ?2", caseId, idempotencyKey).firstResult();
    }

    /** One page of a case's replies in the order they were asked for. */
    public Uni<List<Reply>> pageOfCase(String caseId, Instant afterCreatedAt, String afterId, int limit) {
        if (afterCreatedAt == null) {
            return find("caseId = ?1 order by createdAt, id", caseId).page(0, limit).list();
        }
        return find("caseId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                caseId, afterCreatedAt, afterId).page(0, limit).list();
    }
}
