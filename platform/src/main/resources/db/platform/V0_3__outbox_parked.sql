-- An outbox row Kafka refused for good (too large, or another error that no retry can cure) is parked: kept for ops,
-- reported, and no longer the head of its aggregate, so the aggregate's later events go on.
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;
CREATE INDEX outbox_event_parked ON outbox_event (parked_at) WHERE parked_at IS NOT NULL;
