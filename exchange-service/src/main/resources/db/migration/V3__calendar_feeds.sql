-- Private calendar feeds: a calendar application subscribes with a secret URL, no bearer token. Only the
-- SHA-256 of the token is kept (the token is shown once); a feed shows what its owner could see when creating it.
CREATE TABLE calendar_feed (
    id           UUID PRIMARY KEY,
    token_hash   BYTEA        NOT NULL UNIQUE,
    owner        VARCHAR(200) NOT NULL,
    -- The partner's city whose visits it shows; NULL for the council, the secretariat and ops (every visit).
    city         VARCHAR(64),
    lang         VARCHAR(2)   NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX calendar_feed_owner ON calendar_feed (owner) WHERE revoked_at IS NULL;

-- Where a party is, as the register announces it: the feed's GEO for a visit's host city.
ALTER TABLE party_view ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE party_view ADD COLUMN longitude DOUBLE PRECISION;
