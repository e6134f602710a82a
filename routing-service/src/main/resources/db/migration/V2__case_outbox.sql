-- Transactional outbox: every case event is written in the transaction that caused it and published by the relay
-- (right after the commit, and by a periodic sweep for whatever could not be published then).
CREATE TABLE case_outbox (
    seq          bigserial PRIMARY KEY,
    case_id      uuid        NOT NULL,
    ce_type      text        NOT NULL,
    version      bigint      NOT NULL,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX ix_case_outbox_unpublished ON case_outbox (seq) WHERE published_at IS NULL;
