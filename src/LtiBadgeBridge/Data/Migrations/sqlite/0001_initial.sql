-- 0001 initial schema. Every row that belongs to a platform carries platform_id (the registration).

-- Platforms (registrations keyed by issuer + client_id) and their deployments.
CREATE TABLE platforms (
  id INTEGER PRIMARY KEY,
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  name TEXT NOT NULL,
  product_family TEXT NOT NULL DEFAULT 'other',
  authorization_endpoint TEXT NOT NULL,
  token_endpoint TEXT NOT NULL,
  token_audience TEXT NULL,
  jwks_uri TEXT NOT NULL,
  allowed_algorithms TEXT NOT NULL DEFAULT 'RS256',
  deployment_policy TEXT NOT NULL DEFAULT 'auto',
  registration_source TEXT NOT NULL DEFAULT 'manual',
  registration_status TEXT NOT NULL DEFAULT 'active',
  granted_scopes TEXT NOT NULL DEFAULT '',
  settings TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT ux_platforms_issuer_client UNIQUE (issuer, client_id)
);

CREATE TABLE deployments (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  deployment_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  label TEXT NULL,
  created_at TEXT NOT NULL,
  CONSTRAINT ux_deployments_platform_deployment UNIQUE (platform_id, deployment_id)
);

-- Keys the tool signs with (LTI messages, client assertions) and issuer keys (credentials).
-- Private keys are stored protected (ASP.NET Data Protection), never in clear.
CREATE TABLE tool_keys (
  id INTEGER PRIMARY KEY,
  kid TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL,
  platform_id INTEGER NULL REFERENCES platforms (id) ON DELETE CASCADE,
  algorithm TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  private_key_protected TEXT NOT NULL,
  created_at TEXT NOT NULL,
  retired_at TEXT NULL,
  expires_at TEXT NULL
);
CREATE INDEX ix_tool_keys_purpose ON tool_keys (purpose, platform_id);

-- The Data Protection key ring, so every process shares it.
CREATE TABLE data_protection_keys (
  friendly_name TEXT PRIMARY KEY,
  xml TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- OIDC login state and nonce, bound to the browser; consumed exactly once.
CREATE TABLE launch_states (
  state TEXT PRIMARY KEY,
  nonce TEXT NOT NULL UNIQUE,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  target_link_uri TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  consumed_at TEXT NULL
);
CREATE INDEX ix_launch_states_expires ON launch_states (expires_at);

-- Courses (LTI contexts) and people, per platform.
CREATE TABLE courses (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  deployment_id TEXT NOT NULL,
  context_id TEXT NOT NULL,
  lms_course_id TEXT NULL,
  title TEXT NOT NULL DEFAULT '',
  label TEXT NULL,
  ags_lineitems_url TEXT NULL,
  nrps_memberships_url TEXT NULL,
  sync_enabled INTEGER NOT NULL DEFAULT 1,
  sync_interval_minutes INTEGER NULL,
  lms_state TEXT NOT NULL DEFAULT 'active',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT ux_courses_platform_context UNIQUE (platform_id, context_id)
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  lti_user_id TEXT NOT NULL,
  lms_user_id TEXT NULL,
  name TEXT NULL,
  email TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT ux_people_platform_user UNIQUE (platform_id, lti_user_id)
);

CREATE TABLE enrollments (
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  roles TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',
  current_score REAL NULL,
  final_score REAL NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (course_id, person_id)
);

-- Gradable items: AGS line items and native LMS assignments.
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'assignment',
  points_possible REAL NULL,
  due_at TEXT NULL,
  details TEXT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT ux_items_course_source UNIQUE (course_id, source, source_id)
);

CREATE TABLE scores (
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  raw_score REAL NULL,
  points_possible REAL NULL,
  percentage REAL NULL,
  state TEXT NOT NULL DEFAULT 'graded',
  grade TEXT NULL,
  late INTEGER NOT NULL DEFAULT 0,
  attempt INTEGER NULL,
  submitted_at TEXT NULL,
  graded_at TEXT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (item_id, person_id)
);
CREATE INDEX ix_scores_course_person ON scores (course_id, person_id);

-- Submitted work: files, URLs, text; references and metadata (content optional, hashed when fetched).
CREATE TABLE artifacts (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  artifact_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  url TEXT NULL,
  file_name TEXT NULL,
  content_type TEXT NULL,
  size_bytes BIGINT NULL,
  text_excerpt TEXT NULL,
  attempt INTEGER NULL,
  submitted_at TEXT NULL,
  sha256 TEXT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT ux_artifacts_key UNIQUE (item_id, person_id, artifact_key)
);
CREATE INDEX ix_artifacts_course_person ON artifacts (course_id, person_id);

CREATE TABLE rubric_results (
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  level_id TEXT NULL,
  level_name TEXT NULL,
  points REAL NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (item_id, person_id, criterion_id)
);

CREATE TABLE outcome_results (
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  outcome_id TEXT NOT NULL,
  score REAL NULL,
  level TEXT NULL,
  mastered INTEGER NULL,
  assessed_at TEXT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (course_id, person_id, outcome_id)
);

-- Course catalogue entries that are not gradable items: rubrics, outcomes/competencies.
CREATE TABLE catalogue_entries (
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  source_id TEXT NOT NULL,
  title TEXT NOT NULL,
  details TEXT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (course_id, kind, source_id)
);

-- Sync progress and checkpoints, one row per course.
CREATE TABLE sync_runs (
  course_id INTEGER PRIMARY KEY REFERENCES courses (id) ON DELETE CASCADE,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'idle',
  phase TEXT NULL,
  pages_done INTEGER NOT NULL DEFAULT 0,
  items_done INTEGER NOT NULL DEFAULT 0,
  checkpoint TEXT NULL,
  last_error TEXT NULL,
  last_error_code TEXT NULL,
  started_at TEXT NULL,
  finished_at TEXT NULL,
  last_success_at TEXT NULL,
  lease_until TEXT NULL,
  requested_at TEXT NULL
);

-- Achievements (micro-credentials) and their versioned rule sets.
CREATE TABLE achievements (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  course_id INTEGER NULL REFERENCES courses (id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active',
  current_version INTEGER NOT NULL DEFAULT 1,
  line_item_url TEXT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_achievements_scope_slug ON achievements (platform_id, COALESCE(course_id, 0), slug);

CREATE TABLE achievement_versions (
  achievement_id INTEGER NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  definition TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_by TEXT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (achievement_id, version)
);

-- The latest evaluation per learner and achievement: met or not, and the explained progress.
CREATE TABLE decisions (
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  achievement_id INTEGER NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  rule_version INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  progress TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  evaluated_at TEXT NOT NULL,
  PRIMARY KEY (achievement_id, person_id)
);

-- Awards: exactly one per (platform, learner, achievement). Revoked stays revoked.
CREATE TABLE awards (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  achievement_id INTEGER NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  course_id INTEGER NULL REFERENCES courses (id) ON DELETE SET NULL,
  rule_version INTEGER NOT NULL,
  state TEXT NOT NULL,
  result TEXT NULL,
  evidence TEXT NULL,
  earned_at TEXT NOT NULL,
  approved_by TEXT NULL,
  approved_at TEXT NULL,
  revoked_by TEXT NULL,
  revoked_at TEXT NULL,
  revoked_reason TEXT NULL,
  CONSTRAINT ux_awards_platform_person_achievement UNIQUE (platform_id, person_id, achievement_id)
);

-- Issued credentials: one per award (deterministic id), both proof formats kept.
CREATE TABLE credentials (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  award_id BIGINT NOT NULL UNIQUE REFERENCES awards (id) ON DELETE CASCADE,
  credential_id TEXT NOT NULL UNIQUE,
  public_id TEXT NOT NULL UNIQUE,
  json_ld TEXT NULL,
  jwt TEXT NULL,
  status_list_id BIGINT NULL,
  status_list_index INTEGER NULL,
  signing_kid TEXT NULL,
  issued_at TEXT NOT NULL,
  revoked_at TEXT NULL
);

CREATE TABLE status_lists (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  size INTEGER NOT NULL,
  next_index INTEGER NOT NULL DEFAULT 0,
  bits BLOB NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE issuer_profiles (
  platform_id INTEGER PRIMARY KEY REFERENCES platforms (id) ON DELETE CASCADE,
  profile TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Outbox: work that must happen after a commit (issue a credential, post a score), exactly once per key.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  dedupe_key TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  available_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT NULL,
  processed_at TEXT NULL,
  last_error TEXT NULL
);
CREATE INDEX ix_outbox_pending ON outbox (kind, processed_at, available_at);

-- Audit log: who did what, when. platform_id is null for service-wide actions.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  platform_id BIGINT NULL,
  occurred_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NULL,
  details TEXT NULL
);
CREATE INDEX ix_audit_log_platform_time ON audit_log (platform_id, occurred_at);
