-- Achievement drafts. achievements.status (since 0001, default 'active') now also takes 'draft': a draft is saved and
-- versioned but never evaluated, awarded or shown to learners until it is published. Existing rows stay 'active'.
-- published_at: when the achievement was first published (NULL while it is a draft).
ALTER TABLE achievements ADD COLUMN published_at TIMESTAMPTZ NULL;
UPDATE achievements SET published_at = created_at WHERE status <> 'draft';
ALTER TABLE achievements ADD CONSTRAINT ck_achievements_status CHECK (status IN ('draft', 'active', 'archived'));
CREATE INDEX ix_achievements_platform_status ON achievements (platform_id, status);
