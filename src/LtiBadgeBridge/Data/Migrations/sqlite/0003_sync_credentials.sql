-- LMS API credentials per platform (Canvas API developer key, Moodle web service token) and the
-- Canvas OAuth2 tokens a course was connected with. Secrets are Data Protection ciphertexts.
CREATE TABLE platform_lms_credentials (
  platform_id INTEGER PRIMARY KEY REFERENCES platforms (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  base_url TEXT NOT NULL,
  client_id TEXT NULL,
  protected_secret TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE course_lms_tokens (
  course_id INTEGER PRIMARY KEY REFERENCES courses (id) ON DELETE CASCADE,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  protected_access_token TEXT NOT NULL,
  protected_refresh_token TEXT NULL,
  expires_at TEXT NULL,
  lms_user_id TEXT NULL,
  scope TEXT NULL,
  connected_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
