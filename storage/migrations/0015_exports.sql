-- /exportar (issue 15) reads a period's purchases and ledger movements in the order they
-- happened, a chunk at a time, for everyone at once: by time, without sorting in memory.
-- A reseller's own come through purchases_by_reseller_time and ledger_by_reseller.
-- IF NOT EXISTS: the reports' migration may build the same index of purchases.
CREATE INDEX IF NOT EXISTS purchases_by_time ON purchases (created_at);
CREATE INDEX IF NOT EXISTS ledger_by_time ON ledger (created_at);
