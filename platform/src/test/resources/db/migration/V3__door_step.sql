-- A step log as the services keep theirs (StepLogStorageTest).
CREATE TABLE door_step (
    id          UUID PRIMARY KEY,
    door_id     VARCHAR(64)  NOT NULL,
    from_status VARCHAR(32),
    to_status   VARCHAR(32)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    reason      VARCHAR(2000),
    at          TIMESTAMPTZ  NOT NULL
);
