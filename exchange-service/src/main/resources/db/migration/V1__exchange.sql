-- The read model of the register (fed by registry events), requests, council votes, visits.

CREATE TABLE party_view (
    code              VARCHAR(64) PRIMARY KEY,
    name_fr           VARCHAR(200),
    name_ar           VARCHAR(200),
    name_en           VARCHAR(200),
    country           CHAR(2),
    time_zone         VARCHAR(64),
    language          VARCHAR(2),
    expertise_domains JSONB  NOT NULL DEFAULT '[]',
    version           BIGINT NOT NULL
);

CREATE TABLE agreement_view (
    id          UUID PRIMARY KEY,
    reference   VARCHAR(100) NOT NULL,
    type        VARCHAR(32),
    status      VARCHAR(32)  NOT NULL,
    expires_on  DATE,
    signed_on   DATE,
    domains     JSONB        NOT NULL DEFAULT '[]',
    commitments JSONB        NOT NULL DEFAULT '[]',
    version     BIGINT       NOT NULL
);

CREATE TABLE agreement_view_party (
    agreement_id UUID        NOT NULL REFERENCES agreement_view (id) ON DELETE CASCADE,
    party_code   VARCHAR(64) NOT NULL,
    position     INTEGER     NOT NULL,
    PRIMARY KEY (agreement_id, position)
);
CREATE INDEX agreement_view_party_code ON agreement_view_party (party_code);

CREATE TABLE exchange_request (
    id               UUID PRIMARY KEY,
    requesting_party VARCHAR(64)  NOT NULL,
    partner_party    VARCHAR(64)  NOT NULL,
    agreement_id     UUID         NOT NULL,
    domain           VARCHAR(64)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    need             TEXT         NOT NULL,
    offer            TEXT,
    direction        VARCHAR(32)  NOT NULL,
    window_start     DATE         NOT NULL,
    window_end       DATE         NOT NULL,
    participants     INTEGER      NOT NULL,
    language         VARCHAR(2)   NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    submitted_by     VARCHAR(200) NOT NULL,
    idempotency_key  VARCHAR(200),
    submitted_at     TIMESTAMPTZ  NOT NULL,
    decided_at       TIMESTAMPTZ,
    escalated_at     TIMESTAMPTZ,
    version          BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (submitted_by, idempotency_key)
);
CREATE INDEX exchange_request_parties ON exchange_request (requesting_party, partner_party);
CREATE INDEX exchange_request_status ON exchange_request (status, submitted_at);

CREATE TABLE request_step (
    id          UUID PRIMARY KEY,
    request_id  UUID         NOT NULL REFERENCES exchange_request (id) ON DELETE CASCADE,
    from_status VARCHAR(32),
    to_status   VARCHAR(32)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    reason      VARCHAR(2000),
    at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX request_step_request ON request_step (request_id, at);

CREATE TABLE council_vote (
    request_id UUID         NOT NULL REFERENCES exchange_request (id) ON DELETE CASCADE,
    voter      VARCHAR(200) NOT NULL,
    choice     VARCHAR(32)  NOT NULL,
    reason     VARCHAR(2000),
    cast_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (request_id, voter)
);

CREATE TABLE visit (
    id             UUID PRIMARY KEY,
    request_id     UUID        NOT NULL REFERENCES exchange_request (id),
    host_party     VARCHAR(64) NOT NULL,
    visiting_party VARCHAR(64) NOT NULL,
    start_date     DATE        NOT NULL,
    end_date       DATE        NOT NULL,
    status         VARCHAR(32) NOT NULL,
    domain         VARCHAR(64) NOT NULL,
    delegation     JSONB       NOT NULL DEFAULT '[]',
    agenda         JSONB       NOT NULL DEFAULT '[]',
    logistics      TEXT,
    report         JSONB,
    cancel_reason  VARCHAR(2000),
    planned_by     VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX visit_dates ON visit (start_date);
CREATE INDEX visit_request ON visit (request_id);

-- Which fall of a relationship was announced as dormant, so that it is announced once.
CREATE TABLE dormant_alert (
    party_a      VARCHAR(64) NOT NULL,
    party_b      VARCHAR(64) NOT NULL,
    agreement_id UUID        NOT NULL,
    announced_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (party_a, party_b)
);
