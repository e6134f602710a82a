-- routing-service schema. Enumerations are plain text with CHECK constraints (Hibernate maps them as String,
-- the service validates them); lists are text[] (Hibernate maps String[] to a PostgreSQL array natively).

CREATE TABLE customers (
    id           uuid PRIMARY KEY,
    brand        text        NOT NULL,
    display_name text,
    created_at   timestamptz NOT NULL
);
CREATE INDEX ix_customers_brand ON customers (brand);

-- One person's account on one channel. A (brand, channel, author) belongs to exactly one customer.
CREATE TABLE customer_identities (
    id          uuid PRIMARY KEY,
    brand       text        NOT NULL,
    channel     text        NOT NULL,
    author_id   text        NOT NULL,
    handle      text,
    customer_id uuid        NOT NULL REFERENCES customers (id),
    created_at  timestamptz NOT NULL,
    CONSTRAINT ux_customer_identities UNIQUE (brand, channel, author_id)
);
CREATE INDEX ix_customer_identities_customer ON customer_identities (customer_id);

-- The partner's CRM id (customerRef) that links identities across channels.
CREATE TABLE customer_refs (
    id          uuid PRIMARY KEY,
    brand       text        NOT NULL,
    ref         text        NOT NULL,
    customer_id uuid        NOT NULL REFERENCES customers (id),
    created_at  timestamptz NOT NULL,
    CONSTRAINT ux_customer_refs UNIQUE (brand, ref)
);
CREATE INDEX ix_customer_refs_customer ON customer_refs (customer_id);

CREATE TABLE departments (
    id         text PRIMARY KEY,
    brand      text        NOT NULL,
    name       text        NOT NULL,
    intents    text[]      NOT NULL DEFAULT '{}',
    topics     text[]      NOT NULL DEFAULT '{}',
    languages  text[]      NOT NULL DEFAULT '{}',
    position   integer     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX ix_departments_brand ON departments (brand, position);

CREATE TABLE agents (
    id         text PRIMARY KEY,
    brand      text        NOT NULL,
    name       text        NOT NULL,
    department text        NOT NULL REFERENCES departments (id),
    languages  text[]      NOT NULL DEFAULT '{}',
    skills     text[]      NOT NULL DEFAULT '{}',
    capacity   integer     NOT NULL CHECK (capacity >= 0),
    available  boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX ix_agents_department ON agents (department);

CREATE TABLE sla_policies (
    brand            text PRIMARY KEY,
    critical_minutes integer     NOT NULL CHECK (critical_minutes > 0),
    high_minutes     integer     NOT NULL CHECK (high_minutes > 0),
    normal_minutes   integer     NOT NULL CHECK (normal_minutes > 0),
    low_minutes      integer     NOT NULL CHECK (low_minutes > 0),
    updated_at       timestamptz NOT NULL
);

CREATE TABLE cases (
    id                    uuid PRIMARY KEY,
    brand                 text        NOT NULL,
    customer_id           uuid        NOT NULL REFERENCES customers (id),
    status                text        NOT NULL CHECK (status IN ('new', 'assigned', 'waiting_customer', 'resolved')),
    priority              text        NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'critical')),
    intent                text,
    language              text,
    topics                text[]      NOT NULL DEFAULT '{}',
    department            text,
    agent                 text,
    routing_reason        text,
    version               bigint      NOT NULL,
    sla_started_at        timestamptz NOT NULL,
    first_response_due_at timestamptz NOT NULL,
    first_response_at     timestamptz,
    waiting_since         timestamptz,
    breached              boolean     NOT NULL DEFAULT false,
    escalated             boolean     NOT NULL DEFAULT false,
    queued_at             timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    resolved_at           timestamptz
);
-- THE guarantee: at most one open case per (brand, customer), whatever the number of replicas.
CREATE UNIQUE INDEX ux_cases_one_open_per_customer ON cases (brand, customer_id) WHERE status <> 'resolved';
CREATE INDEX ix_cases_brand_created ON cases (brand, created_at DESC, id DESC);
CREATE INDEX ix_cases_customer ON cases (customer_id);
CREATE INDEX ix_cases_agent_open ON cases (agent) WHERE status <> 'resolved';
CREATE INDEX ix_cases_queue ON cases (department, queued_at) WHERE status = 'new';

-- Every mention routed into a case; the primary key makes the mentions consumer idempotent.
CREATE TABLE case_mentions (
    mention_id    text PRIMARY KEY,
    case_id       uuid        NOT NULL REFERENCES cases (id),
    channel       text        NOT NULL,
    external_id   text,
    thread_id     text,
    author_id     text,
    author_handle text,
    author_name   text,
    at            timestamptz NOT NULL,
    routed_at     timestamptz NOT NULL
);
CREATE INDEX ix_case_mentions_case ON case_mentions (case_id, at);

-- Departments that have held a case (the ping-pong rule).
CREATE TABLE case_departments (
    case_id    uuid        NOT NULL REFERENCES cases (id),
    department text        NOT NULL,
    since      timestamptz NOT NULL,
    PRIMARY KEY (case_id, department)
);

CREATE TABLE transfers (
    id              uuid PRIMARY KEY,
    case_id         uuid        NOT NULL REFERENCES cases (id),
    brand           text        NOT NULL,
    from_department text,
    to_department   text        NOT NULL,
    reason          text        NOT NULL,
    by_user         text        NOT NULL,
    forced          boolean     NOT NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX ix_transfers_case ON transfers (case_id, at);
CREATE INDEX ix_transfers_brand_at ON transfers (brand, at);

-- Transfers refused because the target department held the case before (counted for the stats).
CREATE TABLE transfer_refusals (
    id              uuid PRIMARY KEY,
    case_id         uuid        NOT NULL REFERENCES cases (id),
    brand           text        NOT NULL,
    from_department text,
    to_department   text        NOT NULL,
    by_user         text        NOT NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX ix_transfer_refusals_brand_at ON transfer_refusals (brand, at);

-- What happened to a case besides transfers: reassignments, merges, escalations, resolution notes.
CREATE TABLE case_log (
    id      uuid PRIMARY KEY,
    case_id uuid        NOT NULL REFERENCES cases (id),
    kind    text        NOT NULL,
    detail  text,
    by_user text,
    at      timestamptz NOT NULL
);
CREATE INDEX ix_case_log_case ON case_log (case_id, at);
