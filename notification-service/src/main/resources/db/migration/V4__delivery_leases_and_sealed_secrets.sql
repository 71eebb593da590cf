-- Deliveries are claimed in batches (status SENDING until lease_until), sent with no transaction open and recorded in
-- batches; a SENDING row whose lease ran out (the sender died) is claimed again.
ALTER TABLE delivery ADD COLUMN lease_until TIMESTAMPTZ;
CREATE INDEX delivery_leased ON delivery (lease_until) WHERE status = 'SENDING';
-- A webhook's endpoint (scheme://host:port as written): the unit of the per-endpoint limit and circuit breaker, which
-- the claim uses to leave a full or broken endpoint's rows alone.
ALTER TABLE delivery ADD COLUMN endpoint VARCHAR(2000) GENERATED ALWAYS AS (
    CASE WHEN channel = 'WEBHOOK' THEN lower(substring(recipient FROM '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*')) END) STORED;

-- Partners see a category of failure, never a raw exception (which told a closed port from a live service).
UPDATE delivery SET last_error = CASE
        WHEN last_error ~ 'answered [0-9]{3}' THEN 'http-' || substring(last_error FROM 'answered ([0-9]{3})')
        WHEN last_error ILIKE '%timeout%' OR last_error ILIKE '%timed out%' THEN 'timeout'
        WHEN last_error ILIKE '%ConnectException%' OR last_error ILIKE '%refused%' THEN 'refused'
        WHEN last_error ILIKE '%SSL%' OR last_error ILIKE '%certificate%' THEN 'tls'
        ELSE 'error' END
    WHERE last_error IS NOT NULL;
UPDATE delivery_attempt SET detail = CASE
        WHEN detail ~ 'answered [0-9]{3}' THEN 'http-' || substring(detail FROM 'answered ([0-9]{3})')
        WHEN detail ILIKE '%timeout%' OR detail ILIKE '%timed out%' THEN 'timeout'
        WHEN detail ILIKE '%ConnectException%' OR detail ILIKE '%refused%' THEN 'refused'
        WHEN detail ILIKE '%SSL%' OR detail ILIKE '%certificate%' THEN 'tls'
        ELSE 'error' END
    WHERE outcome = 'FAILED' AND detail IS NOT NULL;

-- Webhook secrets sealed with AES-GCM (key from configuration); the plain column empties as the service seals each
-- row at start. A rotated-out secret still signs until previous_until.
ALTER TABLE webhook_secret ALTER COLUMN secret DROP NOT NULL;
ALTER TABLE webhook_secret ADD COLUMN sealed        VARCHAR(400);
ALTER TABLE webhook_secret ADD COLUMN previous      VARCHAR(400);
ALTER TABLE webhook_secret ADD COLUMN previous_until TIMESTAMPTZ;
