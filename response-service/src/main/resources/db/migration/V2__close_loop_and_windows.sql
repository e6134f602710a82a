-- When the answered mention was written: private-message channels only accept answers within a window of it.
ALTER TABLE replies ADD COLUMN mention_at timestamptz;

-- One close-the-loop notice per (theme, customer), whatever the number of deliveries of theme.shipped.
CREATE TABLE loop_notices (
    theme_id     text        NOT NULL,
    customer_key text        NOT NULL,
    reply_id     text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (theme_id, customer_key)
);
