package io.socialcare.feedback.messaging;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * W3C {@code traceparent} values: taken from the current span (or a given context) to be stored with what a request
 * or a record caused, and turned back into a parent context when that is published later (the outbox relay).
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

    /** The {@code traceparent} of the current span, or null outside a trace. */
    public static String currentTraceparent() {
        return traceparentOf(Context.current());
    }

    /** The {@code traceparent} of the span in {@code context}, or null when it holds none. */
    public static String traceparentOf(Context context) {
        if (context == null || !Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** A context whose parent span is the one {@code traceparent} names, or null when it names none. */
    public static Context parentOf(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TRACEPARENT, traceparent), GETTER);
        return Span.fromContext(context).getSpanContext().isValid() ? context : null;
    }
}
