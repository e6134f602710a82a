-- X, Facebook and Instagram take no idempotency key: after a post whose outcome is unknown (timeout, dropped
-- connection) the worker looks the reply up on the platform before any new post. attempt_started_at keeps the time of
-- that attempt while the lookup is pending; lookups counts the lookups that failed (the platform's read API did not
-- answer), so that they back off.
ALTER TABLE replies ADD COLUMN lookups integer NOT NULL DEFAULT 0;
