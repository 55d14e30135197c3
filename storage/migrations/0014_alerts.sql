-- Alerts admins get once per crossing (issue 15; bot/usecases/alerts.py): the provider's
-- balance below LOW_BALANCE_ALERT, and a run of unknown outcomes (a likely outage).
-- Kept here so a restart does not repeat an alert, nor forget a run under way; cleared
-- (re-armed) when the balance is back above the threshold, or a clear outcome comes.
CREATE TABLE provider_alerts (
    kind TEXT PRIMARY KEY CHECK (kind IN ('low_balance', 'outage')),
    raised INTEGER NOT NULL DEFAULT 0 CHECK (raised IN (0, 1)),
    -- outage: purchases ended unknown in a row, since the last clear outcome
    run INTEGER NOT NULL DEFAULT 0 CHECK (run >= 0),
    -- low_balance: when the newest balance taken into account was reported, so a balance
    -- reported earlier but read later (two purchases finishing at once) changes nothing
    seen_at TEXT,
    changed_at TEXT
);
INSERT INTO provider_alerts (kind) VALUES ('low_balance'), ('outage');
