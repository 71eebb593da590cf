-- Who to tell (read model of the registry's contacts and parties), how they want it, and every delivery.

CREATE TABLE contact_view (
    id             UUID PRIMARY KEY,
    party_code     VARCHAR(64)  NOT NULL,
    name           VARCHAR(200),
    email          VARCHAR(320),
    language       VARCHAR(2),
    channels       JSONB        NOT NULL DEFAULT '[]',
    webhook_url    VARCHAR(2000),
    council_member BOOLEAN      NOT NULL DEFAULT FALSE,
    active         BOOLEAN      NOT NULL DEFAULT TRUE,
    version        BIGINT       NOT NULL
);
CREATE INDEX contact_view_party ON contact_view (party_code);

CREATE TABLE party_view (
    code      VARCHAR(64) PRIMARY KEY,
    name_fr   VARCHAR(200),
    language  VARCHAR(2),
    time_zone VARCHAR(64),
    version   BIGINT NOT NULL
);

CREATE TABLE contact_preference (
    contact_id  UUID PRIMARY KEY,
    event_types JSONB       NOT NULL DEFAULT '[]',
    channels    JSONB       NOT NULL DEFAULT '[]',
    digest      VARCHAR(16) NOT NULL DEFAULT 'IMMEDIATE',
    digest_hour INTEGER     NOT NULL DEFAULT 8,
    updated_by  VARCHAR(200),
    updated_at  TIMESTAMPTZ
);

CREATE TABLE webhook_secret (
    contact_id UUID PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    event_id        VARCHAR(128) NOT NULL,
    event_type      VARCHAR(128) NOT NULL,
    event_source    VARCHAR(200),
    event_subject   VARCHAR(200),
    event_time      TIMESTAMPTZ  NOT NULL,
    event_data      TEXT         NOT NULL,
    contact_id      UUID,
    recipient       VARCHAR(2000) NOT NULL,
    party_code      VARCHAR(64),
    language        VARCHAR(2)   NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR(2000),
    -- A redelivered event, or a restart, never makes a second delivery.
    UNIQUE (event_id, recipient, channel)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX delivery_digest ON delivery (next_attempt_at) WHERE status = 'DIGEST';
CREATE INDEX delivery_list ON delivery (created_at DESC, id DESC);
CREATE INDEX delivery_contact ON delivery (contact_id);

CREATE TABLE delivery_attempt (
    id          UUID PRIMARY KEY,
    delivery_id UUID         NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    at          TIMESTAMPTZ  NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    detail      VARCHAR(2000)
);
CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, at);
