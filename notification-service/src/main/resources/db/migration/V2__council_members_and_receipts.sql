-- The council as Keycloak last said (holders of the `council` realm role), replaced whole on each good read: an
-- outage keeps the last good list, across restarts too.
CREATE TABLE council_member (
    user_id      VARCHAR(64)  PRIMARY KEY,
    username     VARCHAR(255) NOT NULL,
    email        VARCHAR(320),
    name         VARCHAR(400),
    language     VARCHAR(2)   NOT NULL,
    refreshed_at TIMESTAMPTZ  NOT NULL
);

-- A receipt to the city that submitted is another message than the notice of the same event: both may reach one
-- address. A council member from Keycloak is no contact: the row carries the name the email greets.
ALTER TABLE delivery ADD COLUMN purpose VARCHAR(16) NOT NULL DEFAULT 'NOTICE';
ALTER TABLE delivery ADD COLUMN recipient_name VARCHAR(400);
ALTER TABLE delivery DROP CONSTRAINT delivery_event_id_recipient_channel_key;
ALTER TABLE delivery ADD CONSTRAINT delivery_once UNIQUE (event_id, recipient, channel, purpose);
