-- The update inbox (bot/polling.py, bot/usecases/inbox.py): every update fetched from
-- Telegram, stored and synced before the next getUpdates confirms it to Telegram, and
-- removed once handled. What is still here at a start was confirmed but never handled
-- (the bot was killed meanwhile): it is handled then.
CREATE TABLE update_inbox (
    update_id INTEGER PRIMARY KEY,
    payload TEXT NOT NULL,  -- the update as JSON, as the Bot API sends it
    received_at TEXT NOT NULL
);
