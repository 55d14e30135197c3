-- Receipts for resellers and their customers.

-- Customers who proved a number is theirs by sharing their own Telegram contact.
-- One account per number: a number moves to whoever verifies it last, since Telegram
-- vouches only for its current holder (carriers recycle numbers).
CREATE TABLE customers (
    user_id     INTEGER PRIMARY KEY,
    phone       TEXT    NOT NULL UNIQUE,
    lang        TEXT    NOT NULL,
    alerts      INTEGER NOT NULL DEFAULT 1 CHECK (alerts IN (0, 1)),
    verified_at TEXT    NOT NULL
);

-- Who was asked for their contact (/mis_recargas) and has not shared it yet: a number
-- they type meanwhile is answered as part of that, not as an attempt to sell.
CREATE TABLE contact_requests (
    user_id  INTEGER PRIMARY KEY,
    asked_at TEXT    NOT NULL
);

-- The customer copy of a receipt, shared as t.me/<bot>?start=<token>: one random token
-- per receipt, so sharing it twice gives the same link.
CREATE TABLE shares (
    token       TEXT    PRIMARY KEY,
    purchase_id INTEGER NOT NULL UNIQUE REFERENCES purchases (id),
    created_by  INTEGER NOT NULL,
    created_at  TEXT    NOT NULL
) WITHOUT ROWID;

-- Wrong tokens, per user, to slow down guessing. Unix seconds rather than ISO text: the
-- only question asked is "how many in the last minutes", and only that window is kept.
CREATE TABLE share_failures (
    user_id   INTEGER NOT NULL,
    failed_at REAL    NOT NULL
);
CREATE INDEX share_failures_by_user ON share_failures (user_id, failed_at);

-- A reseller's history of one number (/recibos 5537686660). The other history pages
-- use purchases_by_reseller, purchases_by_phone and the primary key.
CREATE INDEX purchases_by_reseller_phone ON purchases (reseller_id, phone, id DESC);
