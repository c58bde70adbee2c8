-- Replies received from recipients (Octopush reply and STOP callbacks, Infobip inbound messages),
-- kept whole. The id is the provider's own when it gives one, else built from the reply's content,
-- so a callback delivered twice is stored once.
CREATE TABLE inbound_messages (
    id TEXT PRIMARY KEY,
    provider TEXT NOT NULL,
    phone TEXT NOT NULL,
    text TEXT NOT NULL,
    -- The campaign the reply answers, in the provider's words (Octopush ticket), when known.
    reference TEXT,
    opt_out BIGINT NOT NULL,
    received_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX inbound_messages_received_at ON inbound_messages (received_at);
CREATE INDEX inbound_messages_phone ON inbound_messages (phone);

-- Who put a number on the opt-out list or took it off, and when (the list itself keeps only the
-- numbers on it now).
CREATE TABLE opt_out_changes (
    id TEXT PRIMARY KEY,
    phone TEXT NOT NULL,
    change TEXT NOT NULL,
    source TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX opt_out_changes_phone ON opt_out_changes (phone, at);
