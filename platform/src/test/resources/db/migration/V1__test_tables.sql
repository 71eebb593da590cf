-- Tables of the test application only.
CREATE TABLE note (
    id           VARCHAR(64) PRIMARY KEY,
    text         VARCHAR(200) NOT NULL
);
-- Every application of a consumed event leaves a row here: a duplicate would show as two rows.
CREATE TABLE applied_event (
    id       BIGSERIAL PRIMARY KEY,
    event_id VARCHAR(128) NOT NULL
);
