-- The language each admin last wrote to the bot in: what the bot tells them unasked (a
-- purchase pending verification) is in that language.
CREATE TABLE languages (
    user_id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
