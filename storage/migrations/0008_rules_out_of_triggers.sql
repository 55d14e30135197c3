-- The rules that opening a draft replaces the user's open one, and that placing a
-- purchase submits its draft, are written in Python now (storage/drafts.py and
-- storage/purchases.py, each in the same transaction as the write it goes with).
-- What protects integrity stays: one open draft per user (drafts_one_open_per_user) and
-- one purchase per draft (purchases.draft_id UNIQUE).
DROP TRIGGER drafts_replace_open;
DROP TRIGGER purchases_submit_draft;
