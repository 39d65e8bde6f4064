-- Gradebook delivery: the AGS line item of each achievement in each course (found or created once), and every
-- score event of an award (issued, revoked) with what became of it, so a retry never posts it twice.
CREATE TABLE gradebook_line_items (
  course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  achievement_id INTEGER NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  line_item_url TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (course_id, achievement_id)
);

CREATE TABLE gradebook_scores (
  award_id INTEGER NOT NULL REFERENCES awards (id) ON DELETE CASCADE,
  event TEXT NOT NULL,
  platform_id INTEGER NOT NULL REFERENCES platforms (id) ON DELETE CASCADE,
  course_id INTEGER NULL REFERENCES courses (id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  score_timestamp TEXT NULL,
  detail TEXT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (award_id, event)
);
CREATE INDEX ix_gradebook_scores_course ON gradebook_scores (course_id, state);
