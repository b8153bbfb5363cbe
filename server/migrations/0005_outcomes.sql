-- The outcome of a participant's route, and its follow-up six months later.
CREATE TABLE outcomes (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants (id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    hours_per_week INTEGER,
    contract TEXT,
    reason TEXT,
    follow_up_date TEXT,
    follow_up_lasted INTEGER,
    follow_up_rung INTEGER,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX outcomes_participant ON outcomes (participant_id);
