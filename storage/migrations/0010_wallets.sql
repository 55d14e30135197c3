-- Reseller accounts and their wallets (issue 14). The rules live in Python
-- (bot/domain/wallets.py, storage/wallets.py); what is here protects the money's
-- integrity whatever code runs: movements are never edited or deleted, a sale holds
-- once and is resolved once, a deposit is credited once.

-- Who sells. Admins stay in ADMIN_IDS (the settings are the root of trust); resellers
-- live here, imported from RESELLER_IDS at start, added by admins or by an invitation.
CREATE TABLE resellers (
    user_id INTEGER PRIMARY KEY,  -- their Telegram id
    shop_name TEXT NOT NULL CHECK (length(shop_name) BETWEEN 1 AND 64),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    -- prepaid: may not go below minus credit_limit; unrestricted: sells without limit
    -- (how every reseller sold before wallets), every sale still booked.
    account TEXT NOT NULL DEFAULT 'prepaid' CHECK (account IN ('prepaid', 'unrestricted')),
    credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),  -- centavos
    -- Commission overrides in basis points (1 % = 100); NULL: the default for all.
    airtime_bp INTEGER CHECK (airtime_bp BETWEEN 0 AND 10000),
    package_bp INTEGER CHECK (package_bp BETWEEN 0 AND 10000),
    -- Optional limits in centavos of face amount; NULL: none.
    max_per_sale INTEGER CHECK (max_per_sale > 0),
    max_per_day INTEGER CHECK (max_per_day > 0),
    joined_at TEXT NOT NULL,
    joined_how TEXT NOT NULL CHECK (joined_how IN ('import', 'admin', 'invitation')),
    added_by INTEGER  -- the admin who added or invited them; NULL when imported
);
CREATE INDEX resellers_by_shop_name ON resellers (shop_name COLLATE NOCASE);

-- RESELLER_IDS is imported at every start (bot/usecases/resellers.py): the first import
-- makes its resellers unrestricted (they sold before wallets, and an upgrade stops no one
-- from selling), and admins are told once which ones are; ids added to it later start
-- prepaid at $0, as any new reseller.
CREATE TABLE reseller_import (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    first_at TEXT NOT NULL,
    unrestricted TEXT NOT NULL,  -- the ids the first import made unrestricted, JSON
    told_at TEXT  -- when the admins were told of them
);

-- The default commission for every reseller without an override, per product kind.
CREATE TABLE commission_defaults (
    kind TEXT PRIMARY KEY CHECK (kind IN ('airtime', 'package')),
    basis_points INTEGER NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
    set_by INTEGER,
    set_at TEXT NOT NULL
);

-- What a sale cost its reseller (face amount less commission) and the commission, in
-- centavos, fixed when it is placed; NULL for an admin's own sales and older ones.
ALTER TABLE purchases ADD COLUMN cost INTEGER;
ALTER TABLE purchases ADD COLUMN commission INTEGER;
-- A reseller's sales of a day (a daily limit at ✅, their reports) without reading all.
CREATE INDEX purchases_by_reseller_time ON purchases (reseller_id, created_at);

-- The ledger: every movement of every reseller's money, appended, never changed. The
-- balance is the sum of `amount`; what pending sales hold is the sum of `held`. Each row
-- carries both sums as they stand after it (its reseller's previous row plus itself,
-- written in the same transaction), so a balance or a statement page is one indexed read.
--   hold       amount 0,     held +cost   at ✅, with the purchase's reservation
--   sale       amount -cost, held -cost   the hold becomes the sale's debit (approved)
--   release    amount 0,     held -cost   the hold is given back (declined, not charged)
--   deposit    amount +x,    held 0       a deposit approved, or funds an admin added
--   adjustment amount ±x,    held 0       an admin's correction, with its reason
CREATE TABLE ledger (
    id INTEGER PRIMARY KEY,
    reseller_id INTEGER NOT NULL REFERENCES resellers (user_id),
    kind TEXT NOT NULL CHECK (kind IN ('hold', 'sale', 'release', 'deposit', 'adjustment')),
    amount INTEGER NOT NULL,
    held INTEGER NOT NULL,
    balance_after INTEGER NOT NULL,
    held_after INTEGER NOT NULL CHECK (held_after >= 0),
    purchase_id INTEGER REFERENCES purchases (id),
    deposit_id INTEGER,
    note TEXT CHECK (note IS NULL OR length(note) <= 200),
    actor_id INTEGER,  -- the admin behind a deposit or an adjustment
    created_at TEXT NOT NULL,
    -- Each kind's shape, so no code can book a movement that means something else.
    CHECK (
        (kind = 'hold' AND amount = 0 AND held > 0 AND purchase_id IS NOT NULL)
        OR (kind = 'sale' AND amount = held AND held < 0 AND purchase_id IS NOT NULL)
        OR (kind = 'release' AND amount = 0 AND held < 0 AND purchase_id IS NOT NULL)
        OR (kind = 'deposit' AND amount > 0 AND held = 0 AND purchase_id IS NULL)
        OR (kind = 'adjustment' AND amount <> 0 AND held = 0 AND purchase_id IS NULL
            AND note IS NOT NULL)
    )
);
CREATE INDEX ledger_by_reseller ON ledger (reseller_id, id);
-- A sale holds once, and its hold is resolved once: a sale's debit or a release, never
-- both, never two.
CREATE UNIQUE INDEX ledger_one_hold_per_purchase ON ledger (purchase_id) WHERE kind = 'hold';
CREATE UNIQUE INDEX ledger_one_resolution_per_purchase ON ledger (purchase_id)
    WHERE kind IN ('sale', 'release');
-- A deposit is credited once, however many admins approve it at once.
CREATE UNIQUE INDEX ledger_one_credit_per_deposit ON ledger (deposit_id)
    WHERE deposit_id IS NOT NULL;

-- Append-only: a mistake is corrected by a new movement (an adjustment), never by
-- editing or deleting one.
CREATE TRIGGER ledger_never_edited BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger movements are never edited');
END;
CREATE TRIGGER ledger_never_deleted BEFORE DELETE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger movements are never deleted');
END;
