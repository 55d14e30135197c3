-- Deposits a reseller reports (issue 14): an amount and the photo of the bank or store
-- voucher, approved or rejected by an admin. The rules live in Python
-- (bot/domain/deposits.py, storage/deposits.py); what is here keeps each state's shape,
-- and 0010's ledger_one_credit_per_deposit keeps a deposit credited once.
--   awaiting_photo  /deposito <amount> came, its photo not yet (dropped after 30 min)
--   submitted       the photo came: every admin has it to approve or reject
--   approved        credited, in the same transaction (a ledger 'deposit' movement)
--   rejected        nothing credited
--   dropped         no photo came in time, or a newer report took its place
CREATE TABLE deposits (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers (user_id),
    amount INTEGER NOT NULL CHECK (amount > 0),  -- centavos
    photo_file_id TEXT,  -- Telegram's file_id of the voucher's photo
    status TEXT NOT NULL CHECK (
        status IN ('awaiting_photo', 'submitted', 'approved', 'rejected', 'dropped')
    ),
    lang TEXT NOT NULL,  -- the reseller's, to tell them of the decision
    created_at TEXT NOT NULL,
    submitted_at TEXT,
    decided_by INTEGER,  -- the admin who approved or rejected it
    decided_by_name TEXT,
    decided_at TEXT,
    dropped_at TEXT,
    CHECK (
        (status = 'awaiting_photo' AND photo_file_id IS NULL AND decided_at IS NULL)
        OR (status = 'submitted' AND photo_file_id IS NOT NULL AND submitted_at IS NOT NULL
            AND decided_at IS NULL)
        OR (status IN ('approved', 'rejected') AND photo_file_id IS NOT NULL
            AND decided_by IS NOT NULL AND decided_at IS NOT NULL)
        OR (status = 'dropped' AND photo_file_id IS NULL AND dropped_at IS NOT NULL)
    )
);
-- A reseller has at most one deposit waiting for its photo: the photo they send next is
-- that one's.
CREATE UNIQUE INDEX deposits_one_awaiting_photo ON deposits (reseller_id)
    WHERE status = 'awaiting_photo';
CREATE INDEX deposits_awaiting_by_age ON deposits (created_at)
    WHERE status = 'awaiting_photo';

-- The card each admin got for a deposit (the photo, its amount and reseller, and the
-- buttons), so every copy can be brought up to date when one admin decides.
CREATE TABLE deposit_cards (
    deposit_id INTEGER NOT NULL REFERENCES deposits (id),
    admin_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (deposit_id, admin_id)
);
