-- When the admins were told of a purchase pending verification (NULL: not yet; the
-- retry job keeps trying). Those pending before this migration were told at the time.
ALTER TABLE purchases ADD COLUMN admins_alerted_at TEXT;
UPDATE purchases SET admins_alerted_at = COALESCE(completed_at, created_at)
    WHERE status = 'pending';

-- The retry job looks for these every 30 seconds: without an index that is a full scan.
CREATE INDEX purchases_unalerted ON purchases (id)
    WHERE status = 'pending' AND admins_alerted_at IS NULL;
