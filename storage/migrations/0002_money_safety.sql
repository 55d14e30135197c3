-- Telegram updates already handled, by update_id: one delivered again (long polling
-- after a restart) is dropped. Rows older than a couple of days are pruned, since
-- Telegram keeps an unconfirmed update for at most 24 hours.
CREATE TABLE processed_updates (
    update_id INTEGER PRIMARY KEY,
    seen_at   TEXT    NOT NULL
);
CREATE INDEX processed_updates_by_age ON processed_updates (seen_at);

-- Who sold it, as Telegram named them at the time: admins read it in alerts and lists.
ALTER TABLE purchases ADD COLUMN reseller_name TEXT;

-- When the reseller saw the outcome (NULL: not yet; a job keeps trying).
ALTER TABLE purchases ADD COLUMN notified_at TEXT;
-- Purchases finished before this migration were shown at the time: not to be re-sent.
UPDATE purchases SET notified_at = COALESCE(completed_at, created_at) WHERE status != 'sending';
CREATE INDEX purchases_unnotified ON purchases (id)
    WHERE notified_at IS NULL AND status != 'sending';

-- An admin's settlement of a purchase that was pending verification. The outcome is the
-- status (approved, or declined with response_code 'settled_failed'); these say who and when.
ALTER TABLE purchases ADD COLUMN settled_by INTEGER;
ALTER TABLE purchases ADD COLUMN settled_by_name TEXT;
ALTER TABLE purchases ADD COLUMN settled_at TEXT;

-- The question "provider's reference for folio N?" an admin was asked after choosing to
-- settle a purchase as approved; one open question per admin, answered by typing.
CREATE TABLE settle_prompts (
    admin_id    INTEGER PRIMARY KEY,
    purchase_id INTEGER NOT NULL REFERENCES purchases (id),
    message_id  INTEGER,
    asked_at    TEXT    NOT NULL
);
