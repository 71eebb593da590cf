-- An event's payload is stored once, however many deliveries tell of it (it was copied into each delivery row):
-- deliveries reference it by the event's id. Existing rows keep their event: one copy of each is kept.
CREATE TABLE delivery_event (
    event_id      VARCHAR(128) PRIMARY KEY,
    event_type    VARCHAR(128) NOT NULL,
    event_source  VARCHAR(200),
    event_subject VARCHAR(200),
    event_time    TIMESTAMPTZ  NOT NULL,
    event_data    TEXT         NOT NULL
);

INSERT INTO delivery_event (event_id, event_type, event_source, event_subject, event_time, event_data)
SELECT DISTINCT ON (event_id) event_id, event_type, event_source, event_subject, event_time, event_data
  FROM delivery
 ORDER BY event_id, created_at;

ALTER TABLE delivery ADD CONSTRAINT delivery_of_event FOREIGN KEY (event_id) REFERENCES delivery_event (event_id);
ALTER TABLE delivery DROP COLUMN event_source;
ALTER TABLE delivery DROP COLUMN event_subject;
ALTER TABLE delivery DROP COLUMN event_time;
ALTER TABLE delivery DROP COLUMN event_data;
