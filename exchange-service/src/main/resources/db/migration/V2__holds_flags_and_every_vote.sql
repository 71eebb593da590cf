-- What a suspended or ended agreement does to the requests and visits under it, and every vote kept.

-- A request held while its agreement is suspended remembers where it was; a closed one says why.
ALTER TABLE exchange_request ADD COLUMN held_from VARCHAR(32);
ALTER TABLE exchange_request ADD COLUMN closed_reason VARCHAR(2000);

-- A planned or confirmed visit whose agreement is no longer in force carries a visible flag with the reason.
ALTER TABLE visit ADD COLUMN flag VARCHAR(2000);
ALTER TABLE visit ADD COLUMN flagged_at TIMESTAMPTZ;

-- A changed vote is a new row; the one it replaces is kept, marked superseded (so is every vote of an
-- earlier round when a request is resubmitted). Existing votes become current entries with an id of their own.
ALTER TABLE council_vote DROP CONSTRAINT council_vote_pkey;
ALTER TABLE council_vote ADD COLUMN id UUID;
UPDATE council_vote SET id = gen_random_uuid();
ALTER TABLE council_vote ALTER COLUMN id SET NOT NULL;
ALTER TABLE council_vote ADD PRIMARY KEY (id);
ALTER TABLE council_vote ADD COLUMN superseded_at TIMESTAMPTZ;
-- One current vote per member and request; superseded ones are as many as the member changed their mind.
CREATE UNIQUE INDEX council_vote_current ON council_vote (request_id, voter) WHERE superseded_at IS NULL;
CREATE INDEX council_vote_request ON council_vote (request_id, cast_at);
