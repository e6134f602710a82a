-- W3C traceparent of the request (or record) that asked for the reply: the reply.sent / reply.failed event
-- continues that trace although it is published later by the delivery worker, through the outbox.
ALTER TABLE replies ADD COLUMN trace_parent text;
