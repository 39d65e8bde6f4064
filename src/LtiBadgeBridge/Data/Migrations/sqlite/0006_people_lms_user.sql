-- Sync: find a platform's people by their LMS user id (roster sync and adopting placeholder people on launch).
CREATE INDEX ix_people_platform_lms_user ON people (platform_id, lms_user_id);
