-- Reports (issue 15): /corte and /reporte. What each figure means is written in
-- docs/REPORTS.md; how fast they are in docs/BENCHMARK.md (bench/reports.py).

-- A reseller's balance at an instant (the start or the end of a day) is their last
-- movement booked before it, and a day's movements a range: one seek each.
CREATE INDEX ledger_by_reseller_time ON ledger (reseller_id, created_at);

-- /reporte over every reseller: a range of days read from this index alone, never from
-- the table (a month of a busy distributor is ~100,000 rows).
CREATE INDEX purchases_by_time
    ON purchases (created_at, reseller_id, product_id, status, amount, cost, commission);

-- The deposits and adjustments of a period across every reseller, without the sales'
-- holds and debits that make up most of the ledger.
CREATE INDEX ledger_funds_by_time ON ledger (created_at, kind, amount)
    WHERE kind IN ('deposit', 'adjustment');
