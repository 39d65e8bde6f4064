-- Endorsements: EndorsementCredentials (imported after verification, or issued by us) of an achievement or of the
-- issuer (achievement_id NULL), embedded in the credentials issued after they are stored.
CREATE TABLE endorsements (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform_id BIGINT NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  achievement_id BIGINT NULL REFERENCES achievements (id) ON DELETE CASCADE,
  credential_id TEXT NOT NULL,
  format TEXT NOT NULL,
  content TEXT NOT NULL,
  endorser_id TEXT NOT NULL,
  endorser_name TEXT NULL,
  valid_from TIMESTAMPTZ NULL,
  valid_until TIMESTAMPTZ NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_endorsements_target ON endorsements (platform_id, COALESCE(achievement_id, 0), credential_id);
