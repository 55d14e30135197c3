-- A question about a provider's reference is answered by replying to it: one row per
-- question message, so two open questions can never be mixed up. Open questions are
-- short-lived (minutes); dropping them at upgrade only means tapping ✅ again.
DROP TABLE settle_prompts;
CREATE TABLE settle_prompts (
    admin_id    INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    purchase_id INTEGER NOT NULL REFERENCES purchases (id),
    asked_at    TEXT    NOT NULL,
    PRIMARY KEY (admin_id, message_id)
);
