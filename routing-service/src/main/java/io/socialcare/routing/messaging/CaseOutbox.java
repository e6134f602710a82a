package io.socialcare.routing.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.socialcare.commons.messaging.Events;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.routing.config.RoutingConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.hibernate.FlushMode;

/**
 * The transactional outbox of {@code cases}: {@link #add} writes one event in the caller's transaction; the batch
 * path of the mentions consumer writes all the events of a batch as one row ({@link #batchLine}). {@link #relay}
 * publishes unpublished events in order (key = case id, ce_id = caseId:version, the stored JSON as the value) and
 * deletes the rows Kafka acknowledged, so the table holds only what is still to send. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several relays
 * (replicas, the post-commit call and the periodic one) never send the same row at once; a crash between send and
 * delete sends it again, which consumers absorb (they keep the highest version).
 * <p>
 * Each row keeps the W3C {@code traceparent} of the request or record that caused it; the relay publishes the record
 * as a child of that span (the Kafka connector writes the {@code traceparent} header), so a trace runs from the
 * mention or the REST call to the case event even when the periodic relay sends it later.
 */
@ApplicationScoped
public class CaseOutbox {

    /** Outbox rows one relay pass claims at most (a row holds one event, or the events of a batch of mentions). */
    public static final int ROWS = 50;
    /** Records of one pass waiting for Kafka's acknowledgement at once (sent in order, acknowledged in any). */
    private static final int IN_FLIGHT = 128;
    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final RoutingConfig config;
    private final Pool pool;
    private volatile boolean stopped;

    public CaseOutbox(@Channel(EventTypes.TOPIC_CASES) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
            bufferSize = 1024) MutinyEmitter<String> emitter, ObjectMapper mapper, RoutingConfig config,
            Pool pool) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.config = config;
        this.pool = pool;
    }

    /** Writes the event into the outbox, in the current transaction. */
    public Uni<Void> add(CaseEvent event) {
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery("INSERT INTO case_outbox (case_id, ce_type, version, payload, created_at,"
                        + " traceparent) VALUES (:caseId, :type, :version, :payload, :at, :traceparent)")
                .setParameter("caseId", UUID.fromString(event.id()))
                .setParameter("type", event.type())
                .setParameter("version", event.version())
                .setParameter("payload", payload)
                .setParameter("at", Instant.now())
                .setParameter("traceparent", currentTraceparent())
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Adds several events in the current transaction, with the session's automatic flush off while they are written
     * (the caller flushed; otherwise every insert would check every entity of the session again).
     */
    public Uni<Void> addAll(List<CaseEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> {
            FlushMode mode = session.getFlushMode();
            session.setFlushMode(FlushMode.MANUAL);
            return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(this::add)
                    .collect().last()
                    .eventually(() -> session.setFlushMode(mode))
                    .replaceWithVoid();
        });
    }

    /** One record to send: the outbox row it comes from, and the event. */
    private record Outgoing(long seq, String caseId, String type, long version, String payload, Instant at,
            String traceparent) {
    }

    /**
     * Appends one event to the payload of a batch row: {@code caseId TAB ce_type TAB version TAB traceparent TAB json}
     * and a newline (JSON text never holds a raw tab or newline).
     */
    public static void batchLine(StringBuilder payload, String caseId, String type, long version, String traceparent,
            String json) {
        payload.append(caseId).append('\t').append(type).append('\t').append(version).append('\t')
                .append(traceparent == null ? "" : traceparent).append('\t').append(json).append('\n');
    }

    /**
     * Publishes what is unpublished (oldest rows first, up to {@link #ROWS} rows: single events, or the events of a
     * batch of mentions, sent together in order) and deletes the rows whose every record Kafka acknowledged; the
     * number of rows claimed. Failures are logged, not thrown; a row with a failed record stays and is sent again.
     */
    public Uni<Integer> relay() {
        if (stopped) {
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT seq, case_id::text, ce_type, version, payload,"
                + " created_at, traceparent, batch FROM case_outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1"
                + " FOR UPDATE SKIP LOCKED").execute(Tuple.of(ROWS))
                .flatMap(result -> {
                    List<Outgoing> records = new ArrayList<>();
                    int rows = 0;
                    for (io.vertx.mutiny.sqlclient.Row r : result) {
                        rows++;
                        long seq = r.getLong(0);
                        OffsetDateTime created = r.getOffsetDateTime(5);
                        Instant at = created == null ? Instant.now() : created.toInstant();
                        if (Boolean.TRUE.equals(r.getBoolean(7))) {
                            for (String line : r.getString(4).split("\n")) {
                                String[] f = line.split("\t", 5);
                                if (f.length == 5) {
                                    records.add(new Outgoing(seq, f[0], f[1], Long.parseLong(f[2]), f[4], at,
                                            f[3].isEmpty() ? null : f[3]));
                                }
                            }
                        } else {
                            records.add(new Outgoing(seq, r.getString(1), r.getString(2), r.getLong(3), r.getString(4),
                                    at, r.getString(6)));
                        }
                    }
                    if (rows == 0) {
                        return Uni.createFrom().item(0);
                    }
                    int claimed = rows;
                    Set<Long> all = new LinkedHashSet<>();
                    records.forEach(o -> all.add(o.seq()));
                    result.forEach(r -> all.add(r.getLong(0)));
                    Set<Long> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
                    return Multi.createFrom().iterable(records)
                            .onItem().transformToUni(o -> send(o).onFailure().recoverWithItem(e -> {
                                if (failed.isEmpty()) {
                                    Log.warnf("Outbox relay could not send a record: %s", e.getMessage());
                                }
                                failed.add(o.seq());
                                return null;
                            })).merge(IN_FLIGHT)
                            .collect().last()
                            .flatMap(x -> {
                                Long[] sent = all.stream().filter(seq -> !failed.contains(seq)).toArray(Long[]::new);
                                if (sent.length == 0) {
                                    return Uni.createFrom().item(claimed);
                                }
                                return conn.preparedQuery("DELETE FROM case_outbox WHERE seq = ANY($1)")
                                        .execute(Tuple.of((Object) sent)).map(done -> claimed);
                            });
                }))
                .onFailure().recoverWithItem(e -> {
                    if (stopped || isPoolClosed(e)) {
                        Log.debugf("Outbox relay skipped while the service stops: %s", e.getMessage());
                    } else {
                        Log.errorf(e, "Outbox relay failed");
                    }
                    return 0;
                });
    }

    /** No relay after the service began to stop (its pool closes); what is left is relayed after the restart. */
    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    /** True when the failure comes from the connection pool being closed (the service is stopping). */
    public static boolean isPoolClosed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Pool closed")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private Uni<Void> send(Outgoing row) {
        Message<String> message = Events.message(row.payload(), row.caseId(), row.type(), config.eventSource(),
                row.caseId() + ":" + row.version(), row.at());
        Context cause = causeOf(row.traceparent());
        if (cause != null) {
            message = message.addMetadata(TracingMetadata.withCurrent(cause));
        }
        return emitter.sendMessage(message);
    }

    /** The W3C traceparent of the current span, or null outside a trace. */
    static String currentTraceparent() {
        return traceparent(Context.current());
    }

    /** The W3C traceparent of the span of {@code context}, or null when it holds none. */
    static String traceparent(Context context) {
        if (context == null || !Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The remote span the traceparent names, as a parent context for the outgoing record; null without one. */
    static Context causeOf(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TRACEPARENT, traceparent), GETTER);
        return Span.fromContext(context).getSpanContext().isValid() ? context : null;
    }
}
