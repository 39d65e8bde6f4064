-- Issuance: what a credential row needs beyond 0001, and status indices unique per list.
ALTER TABLE credentials ADD COLUMN salt TEXT NULL;
ALTER TABLE credentials ADD COLUMN di_kid TEXT NULL;
ALTER TABLE credentials ADD COLUMN revocation_reason TEXT NULL;
ALTER TABLE credentials ADD COLUMN show_learner_name BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX ux_credentials_status_slot ON credentials (status_list_id, status_list_index);
CREATE INDEX ix_status_lists_platform ON status_lists (platform_id, purpose);
