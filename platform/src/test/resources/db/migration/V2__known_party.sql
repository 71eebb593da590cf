-- A service's local copy of the registry's parties, as the services keep theirs (PartyCopyStorageTest).
CREATE TABLE party_view (
    code      VARCHAR(64) PRIMARY KEY,
    name_fr   VARCHAR(200),
    name_ar   VARCHAR(200),
    name_en   VARCHAR(200),
    language  VARCHAR(8),
    time_zone VARCHAR(64),
    country   VARCHAR(8),
    version   BIGINT NOT NULL
);
