package io.socialcare.response.service;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries a trace across the outbox: the W3C {@code traceparent} of the request that asked for a reply is stored
 * with the reply, and the event the delivery worker publishes later continues that trace.
 */
public final class Traces {

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

    private Traces() {
    }

    /** The {@code traceparent} of the current span, or null when there is none. */
    public static String currentTraceParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A context whose parent span is the one {@code traceParent} names, or null when it names none. */
    public static Context parentOf(String traceParent) {
        if (traceParent == null || traceParent.isBlank()) {
            return null;
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TRACEPARENT, traceParent), GETTER);
        return Span.fromContext(context).getSpanContext().isValid() ? context : null;
    }
}
