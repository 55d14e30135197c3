-- Reports (issue 15): /corte and /reporte. What each figure means is written in
-- docs/REPORTS.md; how fast they are in docs/BENCHMARK.md (bench/reports.py).

-- A reseller's balance at an instant (the start or the end of a day) is their last
-- movement booked before it, and a day's movements a range: one seek each.
CREATE INDEX ledger_by_reseller_time ON ledger (reseller_id, created_at);

-- /reporte over every seller, read in the order SQLite groups them, so nothing is sorted
-- (a month of a busy distributor is ~100,000 sales): by UTC hour, status and product
-- (each hour is one local day where the zone's offsets are whole hours, as Mexico's) ...
CREATE INDEX purchases_by_hour ON purchases (
    substr(created_at, 1, 13), status, product_id, reseller_id, amount, cost, commission
);
-- ... and by seller and status, one seek each, from this index alone.
CREATE INDEX purchases_by_reseller_status
    ON purchases (reseller_id, status, created_at, amount, cost, commission);

-- The daily summary (DAILY_SUMMARY_AT): the resellers who asked for their cut with
-- /resumen, and who got the summary of which day, so a restart sends none twice.
CREATE TABLE summary_subscribers (
    user_id INTEGER PRIMARY KEY REFERENCES resellers (user_id),
    since TEXT NOT NULL
);
CREATE TABLE summaries_sent (
    day TEXT NOT NULL,  -- the local day summed up, ISO
    user_id INTEGER NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (day, user_id)
);

-- The deposits and adjustments of a period across every reseller, without the sales'
-- holds and debits that make up most of the ledger.
CREATE INDEX ledger_funds_by_time ON ledger (created_at, kind, amount)
    WHERE kind IN ('deposit', 'adjustment');
