-- Four-eyes approval. Every campaign recorded before, and every one no rule holds, needs none.
ALTER TABLE campaigns ADD COLUMN approval TEXT NOT NULL DEFAULT 'not-needed';
-- Why the rules held it: the reasons, as JSON (NULL: not held).
ALTER TABLE campaigns ADD COLUMN approval_reasons TEXT;
-- The form that scheduled a held campaign, as JSON: planned again when it is approved.
ALTER TABLE campaigns ADD COLUMN held_request TEXT;
CREATE INDEX campaigns_approval ON campaigns (approval, actor);
