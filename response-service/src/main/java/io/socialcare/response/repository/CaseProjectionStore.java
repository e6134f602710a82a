package io.socialcare.response.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.socialcare.commons.db.Rows;
import io.socialcare.contract.CaseEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes case snapshots into the projection ({@code cases} and {@code case_mentions}) a batch at a time, in one
 * transaction of three statements whatever the batch's size: one multi-row upsert that keeps a stored snapshot unless
 * the new one has a higher version (and answers which cases it changed), then, for those cases only, their mentions
 * deleted and inserted again from the snapshot.
 */
@ApplicationScoped
public class CaseProjectionStore {

    private static final String UPSERT = """
            INSERT INTO cases (id, version, brand, customer_id, customer_name, status, priority, intent,
                               owner_department, owner_agent, created_at, updated_at)
            SELECT * FROM unnest($1::text[], $2::int8[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::timestamptz[])
            ON CONFLICT (id) DO UPDATE SET
                version = EXCLUDED.version, brand = EXCLUDED.brand, customer_id = EXCLUDED.customer_id,
                customer_name = EXCLUDED.customer_name, status = EXCLUDED.status, priority = EXCLUDED.priority,
                intent = EXCLUDED.intent, owner_department = EXCLUDED.owner_department,
                owner_agent = EXCLUDED.owner_agent, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
            WHERE cases.version < EXCLUDED.version
            RETURNING id
            """;

    private static final String DELETE_MENTIONS = "DELETE FROM case_mentions WHERE case_id = ANY($1::text[])";

    private static final String INSERT_MENTIONS = """
            INSERT INTO case_mentions (case_id, mention_id, channel, external_id, thread_id, author_id, author_handle,
                                       author_name, at)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                 $8::text[], $9::timestamptz[])
            """;

    private static final Class<?> TEXT = String.class;
    private static final Class<?> INT8 = Long.class;
    private static final Class<?> TIME = OffsetDateTime.class;

    private final Pool pool;

    public CaseProjectionStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * The snapshots of one batch, each case's highest version of the batch against the stored one; a repeated or
     * older snapshot changes nothing. Answers how many cases changed.
     */
    public Uni<Integer> project(List<CaseEvent> events) {
        List<CaseEvent> newest = newestPerCase(events);
        if (newest.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(connection -> connection.preparedQuery(UPSERT).execute(cases(newest))
                .chain(changed -> {
                    Set<String> ids = new HashSet<>();
                    for (Row row : changed) {
                        ids.add(row.getString(0));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<CaseEvent> stored = new ArrayList<>(ids.size());
                    for (CaseEvent e : newest) {
                        if (ids.contains(e.id())) {
                            stored.add(e);
                        }
                    }
                    Uni<Void> deleted = connection.preparedQuery(DELETE_MENTIONS)
                            .execute(Tuple.of(ids.toArray(String[]::new))).replaceWithVoid();
                    Rows mentions = mentions(stored);
                    // pipelined on the connection, in order: the delete, then the insert
                    Uni<Void> inserted = mentions.isEmpty() ? Uni.createFrom().voidItem()
                            : connection.preparedQuery(INSERT_MENTIONS).execute(mentions.tuple()).replaceWithVoid();
                    return Uni.join().all(deleted, inserted).andFailFast().replaceWith(stored.size());
                }));
    }

    /**
     * Each case's snapshot with the highest version in the batch (the first of equals), in case-id order, so that
     * concurrent batches take their row locks in the same order.
     */
    static List<CaseEvent> newestPerCase(List<CaseEvent> events) {
        Map<String, CaseEvent> newest = new LinkedHashMap<>();
        for (CaseEvent e : events) {
            newest.merge(e.id(), e, (kept, next) -> next.version() > kept.version() ? next : kept);
        }
        List<CaseEvent> result = new ArrayList<>(newest.values());
        result.sort(Comparator.comparing(CaseEvent::id));
        return result;
    }

    private static Tuple cases(List<CaseEvent> events) {
        Rows rows = new Rows(TEXT, INT8, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TIME, TIME);
        for (CaseEvent e : events) {
            CaseEvent.Owner owner = e.owner();
            rows.add(e.id(), e.version(), e.brand(), e.customerId(), e.customerName(), e.status(), e.priority(),
                    e.intent(), owner == null ? null : owner.department(), owner == null ? null : owner.agent(),
                    ReplyStore.time(e.createdAt()), ReplyStore.time(e.at()));
        }
        return rows.tuple();
    }

    /** The mention rows of these snapshots, each mention once per case. */
    private static Rows mentions(List<CaseEvent> events) {
        Rows rows = new Rows(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TIME);
        for (CaseEvent e : events) {
            if (e.mentions() == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (CaseEvent.MentionRef ref : e.mentions()) {
                if (seen.add(ref.id())) {
                    String thread = blank(ref.threadId()) ? ref.externalId() : ref.threadId();
                    rows.add(e.id(), ref.id(), ref.channel(), ref.externalId(), thread, ref.authorId(),
                            ref.authorHandle(), ref.authorName(), ReplyStore.time(ref.at() != null ? ref.at() : e.at()));
                }
            }
        }
        return rows;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
