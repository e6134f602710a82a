package io.socialcare.routing.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.socialcare.commons.messaging.Events;
import io.socialcare.contract.CaseEvent;
import io.socialcare.contract.EventTypes;
import io.socialcare.routing.config.RoutingConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The transactional outbox of {@code cases}: {@link #add} writes the event in the caller's transaction;
 * {@link #relay} publishes unpublished events in order (key = case id, ce_id = caseId:version) and marks them.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several relays (replicas, the post-commit call and the
 * periodic one) never send the same row at once; a crash between send and mark sends it again, which consumers
 * absorb (they keep the highest version).
 * <p>
 * Each row keeps the W3C {@code traceparent} of the request or record that caused it; the relay publishes the record
 * as a child of that span (the Kafka connector writes the {@code traceparent} header), so a trace runs from the
 * mention or the REST call to the case event even when the periodic relay sends it later.
 */
@ApplicationScoped
public class CaseOutbox {

    private static final int BATCH = 200;
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

    private final MutinyEmitter<CaseEvent> emitter;
    private final ObjectMapper mapper;
    private final RoutingConfig config;

    public CaseOutbox(@Channel(EventTypes.TOPIC_CASES) MutinyEmitter<CaseEvent> emitter, ObjectMapper mapper,
            RoutingConfig config) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.config = config;
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

    private record Row(long seq, String caseId, String type, long version, String payload, Instant at,
            String traceparent) {
    }

    /** Publishes what is unpublished (oldest first); the number of records sent. Failures are logged, not thrown. */
    public Uni<Integer> relay() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                .createNativeQuery("SELECT seq, case_id::text, ce_type, version, payload, created_at, traceparent"
                        + " FROM case_outbox"
                        + " WHERE published_at IS NULL ORDER BY seq LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED",
                        Object[].class)
                .getResultList())
                .flatMap(result -> {
                    List<Row> rows = new ArrayList<>();
                    for (Object[] r : result) {
                        rows.add(new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                                ((Number) r[3]).longValue(), (String) r[4], toInstant(r[5]), (String) r[6]));
                    }
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Long> sent = new ArrayList<>();
                    return Multi.createFrom().iterable(rows)
                            .onItem().transformToUniAndConcatenate(row -> send(row).invoke(() -> sent.add(row.seq())))
                            .collect().last()
                            .onFailure().recoverWithItem(e -> {
                                Log.warnf("Outbox relay stopped after %d record(s): %s", sent.size(), e.getMessage());
                                return null;
                            })
                            .flatMap(x -> sent.isEmpty() ? Uni.createFrom().item(0)
                                    : Panache.getSession().flatMap(s -> s
                                            .createNativeQuery("UPDATE case_outbox SET published_at = :now"
                                                    + " WHERE seq IN (:seqs)")
                                            .setParameter("now", Instant.now())
                                            .setParameter("seqs", sent)
                                            .executeUpdate()));
                }))
                .onFailure().recoverWithItem(e -> {
                    Log.errorf(e, "Outbox relay failed");
                    return 0;
                });
    }

    private Uni<Void> send(Row row) {
        CaseEvent event;
        try {
            event = mapper.readValue(row.payload(), CaseEvent.class);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Message<CaseEvent> message = Events.message(event, row.caseId(), row.type(), config.eventSource(),
                row.caseId() + ":" + row.version(), row.at());
        Context cause = causeOf(row.traceparent());
        if (cause != null) {
            message = message.addMetadata(TracingMetadata.withCurrent(cause));
        }
        return emitter.sendMessage(message);
    }

    /** The W3C traceparent of the current span, or null outside a trace. */
    static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
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

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return Instant.now();
    }
}
