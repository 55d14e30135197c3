-- The invariants of drafts, kept by the database itself, so that opening a draft and
-- placing a purchase are each one statement: atomic on its own, one trip to SQLite.

-- Opening a draft replaces the user's open one (one open draft per user).
CREATE TRIGGER drafts_replace_open BEFORE INSERT ON drafts
BEGIN
    UPDATE drafts SET status = 'replaced', updated_at = NEW.created_at
    WHERE user_id = NEW.user_id AND status = 'open';
END;

-- A purchase placed from a draft closes it: a second ✅ finds it submitted.
CREATE TRIGGER purchases_submit_draft AFTER INSERT ON purchases
WHEN NEW.draft_id IS NOT NULL
BEGIN
    UPDATE drafts SET status = 'submitted', updated_at = NEW.created_at
    WHERE id = NEW.draft_id;
END;
