-- The W3C traceparent of the transaction that wrote an outbox row (relayed as the CloudEvents extension
-- traceparent), and of the consumer's work on an event (continued by what that work leaves for later).
-- NULL when nothing was traced. A platform migration (V0_x) sorts before every service's V1; on a database
-- whose service migrations already ran it is applied out of order (quarkus.flyway.out-of-order).
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(128);
ALTER TABLE processed_event ADD COLUMN traceparent VARCHAR(128);
-- A delivery worker looks up the trace of the event it sends by the event's id alone.
CREATE INDEX processed_event_event_id ON processed_event (event_id);
