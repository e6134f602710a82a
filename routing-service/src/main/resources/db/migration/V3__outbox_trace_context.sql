-- The W3C trace context (traceparent) of the request or record that caused the event: the relay publishes the
-- record as part of that trace, even when it relays it later (Kafka was down, the periodic relay).
ALTER TABLE case_outbox ADD COLUMN traceparent text;
