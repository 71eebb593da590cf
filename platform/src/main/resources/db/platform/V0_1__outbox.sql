-- Transactional outbox: a row is written in the same transaction as the change it announces,
-- and relayed to Kafka only after that transaction committed.
CREATE TABLE outbox_event (
    id             BIGSERIAL PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    aggregate_type VARCHAR(64)  NOT NULL,
    aggregate_id   VARCHAR(128) NOT NULL,
    type           VARCHAR(128) NOT NULL,
    topic          VARCHAR(128) NOT NULL,
    source         VARCHAR(128) NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at        TIMESTAMPTZ,
    attempts       INT          NOT NULL DEFAULT 0,
    last_error     VARCHAR(1000)
);
-- The relay only ever looks at unsent rows, by aggregate, in id order.
CREATE INDEX outbox_event_pending ON outbox_event (aggregate_type, aggregate_id, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_sent_at ON outbox_event (sent_at) WHERE sent_at IS NOT NULL;

-- Processed-event log: a consumer records an event id in the transaction that applies it,
-- so a redelivered message is recognised and skipped.
CREATE TABLE processed_event (
    consumer     VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(128) NOT NULL,
    type         VARCHAR(128),
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
