-- A visit's step log, like a request's: who moved it from which status to which, when and why.
CREATE TABLE visit_step (
    id          UUID PRIMARY KEY,
    visit_id    UUID         NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    from_status VARCHAR(32),
    to_status   VARCHAR(32)  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    reason      VARCHAR(2000),
    at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX visit_step_visit ON visit_step (visit_id, at);

-- Visits planned before the log began get their first step, known exactly (who planned it, when); their later
-- moves were not recorded and are not invented.
INSERT INTO visit_step (id, visit_id, from_status, to_status, actor, reason, at)
SELECT gen_random_uuid(), id, NULL, 'PLANNED', planned_by, NULL, created_at FROM visit;
