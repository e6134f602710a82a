-- Local projection of the routing-service's cases (topic "cases"): only the snapshot with the highest version is kept.
CREATE TABLE cases (
    id               text PRIMARY KEY,
    version          bigint      NOT NULL,
    brand            text        NOT NULL,
    customer_id      text,
    customer_name    text,
    status           text        NOT NULL,
    priority         text        NOT NULL,
    intent           text,
    owner_department text,
    owner_agent      text,
    created_at       timestamptz,
    updated_at       timestamptz NOT NULL
);

CREATE TABLE case_mentions (
    case_id       text        NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    mention_id    text        NOT NULL,
    channel       text        NOT NULL,
    external_id   text        NOT NULL,
    thread_id     text        NOT NULL,
    author_id     text,
    author_handle text,
    author_name   text,
    at            timestamptz NOT NULL,
    PRIMARY KEY (case_id, mention_id)
);

CREATE INDEX case_mentions_mention ON case_mentions (mention_id);

CREATE TABLE templates (
    id         text PRIMARY KEY,
    brand      text        NOT NULL,
    name       text        NOT NULL,
    lang       text,
    text       text        NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT templates_brand_name UNIQUE (brand, name)
);

-- A reply is also its own delivery outbox: status 'queued' rows are claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE replies (
    id                 text PRIMARY KEY,
    case_id            text        NOT NULL,
    brand              text        NOT NULL,
    mention_id         text        NOT NULL,
    channel            text        NOT NULL,
    thread_id          text        NOT NULL,
    external_id        text        NOT NULL,
    text               text        NOT NULL,
    template_id        text,
    status             text        NOT NULL
        CHECK (status IN ('pending_approval', 'queued', 'sent', 'failed', 'rejected')),
    risk_level         text        NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
    risk_flags         text        NOT NULL DEFAULT '',
    idempotency_key    text        NOT NULL,
    body_hash          text        NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz,
    -- set in the same transaction that claims the row, before the post: non-null = outcome of a post unknown
    attempt_started_at timestamptz,
    last_error         text,
    failure_reason     text,
    external_post_id   text,
    requested_by       text        NOT NULL,
    decided_by         text,
    kind               text        NOT NULL DEFAULT 'agent' CHECK (kind IN ('agent', 'close_loop')),
    created_at         timestamptz NOT NULL,
    sent_at            timestamptz,
    finished_at        timestamptz,
    event_published_at timestamptz,
    CONSTRAINT replies_case_idempotency_key UNIQUE (case_id, idempotency_key)
);

CREATE INDEX replies_due ON replies (next_attempt_at) WHERE status = 'queued';
CREATE INDEX replies_unpublished ON replies (finished_at) WHERE event_published_at IS NULL AND status IN ('sent', 'failed');
CREATE INDEX replies_case ON replies (case_id, created_at, id);
