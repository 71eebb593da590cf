-- The register: parties, their contacts, agreements with their lifecycle, documents, and the audit trail.

CREATE TABLE party (
    code              VARCHAR(64) PRIMARY KEY,
    kind              VARCHAR(32)  NOT NULL,
    name_fr           VARCHAR(200),
    name_ar           VARCHAR(200),
    name_en           VARCHAR(200),
    country           CHAR(2),
    region            VARCHAR(200),
    latitude          DOUBLE PRECISION,
    longitude         DOUBLE PRECISION,
    time_zone         VARCHAR(64),
    language          VARCHAR(2)   NOT NULL DEFAULT 'fr',
    expertise_domains JSONB        NOT NULL DEFAULT '[]',
    version           BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE contact (
    id            UUID PRIMARY KEY,
    party_code    VARCHAR(64)  NOT NULL REFERENCES party (code),
    name          VARCHAR(200) NOT NULL,
    title         VARCHAR(200),
    email         VARCHAR(320) NOT NULL,
    phone         VARCHAR(40),
    language      VARCHAR(2)   NOT NULL,
    channels      JSONB        NOT NULL DEFAULT '["email"]',
    webhook_url   VARCHAR(2000),
    council_member BOOLEAN     NOT NULL DEFAULT FALSE,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    version       BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX contact_party ON contact (party_code);

CREATE TABLE agreement (
    id                  UUID PRIMARY KEY,
    reference           VARCHAR(100) NOT NULL UNIQUE,
    type                VARCHAR(32)  NOT NULL,
    status              VARCHAR(32)  NOT NULL,
    title_fr            VARCHAR(500),
    title_ar            VARCHAR(500),
    title_en            VARCHAR(500),
    summary_fr          TEXT,
    summary_ar          TEXT,
    summary_en          TEXT,
    place               VARCHAR(200),
    signed_on           DATE,
    occasion            VARCHAR(500),
    effective_from      DATE,
    expires_on          DATE,
    tacit_renewal       BOOLEAN      NOT NULL DEFAULT FALSE,
    renewal_term_months INTEGER,
    notice_days         INTEGER,
    renewal_notice_for  DATE,
    signatories         JSONB        NOT NULL DEFAULT '[]',
    witnesses           JSONB        NOT NULL DEFAULT '[]',
    commitments         JSONB        NOT NULL DEFAULT '[]',
    formalities         JSONB        NOT NULL DEFAULT '{}',
    search_text         TEXT         NOT NULL DEFAULT '',
    created_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX agreement_status ON agreement (status);
CREATE INDEX agreement_signed_on ON agreement (signed_on);

CREATE TABLE agreement_party (
    agreement_id UUID        NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    party_code   VARCHAR(64) NOT NULL REFERENCES party (code),
    position     INTEGER     NOT NULL,
    PRIMARY KEY (agreement_id, party_code)
);
CREATE INDEX agreement_party_code ON agreement_party (party_code);

CREATE TABLE agreement_domain (
    agreement_id UUID        NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    domain       VARCHAR(64) NOT NULL,
    position     INTEGER     NOT NULL,
    PRIMARY KEY (agreement_id, domain)
);
CREATE INDEX agreement_domain_code ON agreement_domain (domain);

CREATE TABLE agreement_transition (
    id           UUID PRIMARY KEY,
    agreement_id UUID        NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    from_status  VARCHAR(32) NOT NULL,
    to_status    VARCHAR(32) NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    reason       VARCHAR(2000),
    at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX agreement_transition_agreement ON agreement_transition (agreement_id, at);

CREATE TABLE agreement_document (
    id           UUID PRIMARY KEY,
    agreement_id UUID         NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    language     VARCHAR(2)   NOT NULL,
    file_name    VARCHAR(300),
    media_type   VARCHAR(200) NOT NULL,
    size         BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      BYTEA        NOT NULL,
    uploaded_by  VARCHAR(200) NOT NULL,
    uploaded_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX agreement_document_agreement ON agreement_document (agreement_id);

CREATE TABLE audit_entry (
    id            UUID PRIMARY KEY,
    resource_type VARCHAR(32)  NOT NULL,
    resource_id   VARCHAR(100) NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    at            TIMESTAMPTZ  NOT NULL,
    detail        JSONB
);
CREATE INDEX audit_entry_resource ON audit_entry (resource_type, resource_id, at);
