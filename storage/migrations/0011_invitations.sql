-- Invitations to sell (issue 14): an admin's /alta makes a one-time link
-- (t.me/<bot>?start=join_<token>, bot/domain/invitations.py) that makes whoever opens it
-- a reseller once they have said their shop's name.
--
-- Only the token's SHA-256 is kept: whoever reads the database (a backup, say) cannot
-- open a link that is still unused. A link is used by the first person (not an admin or
-- a reseller) who opens it within 24 hours; until they answer the shop's name the
-- question stays open here (`used_by` set, `joined_at` NULL), across restarts.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    invited_by INTEGER NOT NULL,  -- the admin who made the link
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_by INTEGER,  -- who opened it first, and was asked their shop's name
    used_at TEXT,
    joined_at TEXT,  -- when they answered and became a reseller
    CHECK ((used_by IS NULL) = (used_at IS NULL)),
    CHECK (joined_at IS NULL OR used_by IS NOT NULL)
);
-- One open question per person: the shop's name asked by the link they opened.
CREATE UNIQUE INDEX invitations_one_open_question ON invitations (used_by)
    WHERE used_by IS NOT NULL AND joined_at IS NULL;
