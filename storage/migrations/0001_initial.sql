-- Drafts: the conversation's state, one open draft per user, so it survives restarts.
CREATE TABLE drafts (
    id                 INTEGER PRIMARY KEY,
    user_id            INTEGER NOT NULL,
    chat_id            INTEGER NOT NULL,
    lang               TEXT    NOT NULL,
    step               TEXT    NOT NULL CHECK (step IN ('phone', 'product', 'amount', 'confirm')),
    phone              TEXT,
    product_id         TEXT,
    amount             INTEGER,
    version            INTEGER NOT NULL DEFAULT 1,
    status             TEXT    NOT NULL DEFAULT 'open'
                               CHECK (status IN ('open', 'submitted', 'cancelled', 'replaced')),
    summary_message_id INTEGER,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
CREATE UNIQUE INDEX drafts_one_open_per_user ON drafts (user_id) WHERE status = 'open';

-- Purchases: written with their distributor_transaction_id before the request is sent.
-- The id is our folio.
CREATE TABLE purchases (
    id                         INTEGER PRIMARY KEY,
    distributor_transaction_id TEXT    NOT NULL UNIQUE,
    draft_id                   INTEGER UNIQUE REFERENCES drafts (id),
    reseller_id                INTEGER NOT NULL,
    chat_id                    INTEGER NOT NULL,
    message_id                 INTEGER,
    lang                       TEXT    NOT NULL,
    phone                      TEXT    NOT NULL,
    product_id                 TEXT    NOT NULL,
    amount                     INTEGER NOT NULL,
    status                     TEXT    NOT NULL
                               CHECK (status IN ('sending', 'approved', 'declined', 'pending')),
    created_at                 TEXT    NOT NULL,
    completed_at               TEXT,
    transaction_id             TEXT,
    reference                  TEXT,
    auth_code                  TEXT,
    balance_after              TEXT,
    response_code              TEXT,
    response_message           TEXT,
    http_status                INTEGER,
    raw_response               TEXT,
    pending_reason             TEXT
);
CREATE INDEX purchases_by_reseller ON purchases (reseller_id, id DESC);
CREATE INDEX purchases_by_phone ON purchases (phone, id DESC);
CREATE INDEX purchases_unsettled ON purchases (status) WHERE status IN ('sending', 'pending');
