-- Once an agreement is signed, an edit of its text says why and keeps the text it replaced: one row per edit.
CREATE TABLE agreement_revision (
    id           UUID PRIMARY KEY,
    agreement_id UUID          NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    number       INTEGER       NOT NULL,
    status       VARCHAR(32)   NOT NULL,
    previous     JSONB         NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    actor        VARCHAR(200)  NOT NULL,
    at           TIMESTAMPTZ   NOT NULL,
    UNIQUE (agreement_id, number)
);
