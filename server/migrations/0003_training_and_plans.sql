-- Attendance of a participant at a meeting.
CREATE TABLE attendance (
    cohort_id TEXT NOT NULL REFERENCES cohorts (id),
    number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 8),
    participant_id TEXT NOT NULL REFERENCES participants (id),
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (cohort_id, number, participant_id)
);
CREATE INDEX attendance_participant ON attendance (participant_id);

-- The action plan: goals and their actions.
CREATE TABLE goals (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants (id),
    title TEXT NOT NULL,
    target_date TEXT,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX goals_participant ON goals (participant_id);

CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goals (id),
    text TEXT NOT NULL,
    due_date TEXT,
    owner TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX actions_goal ON actions (goal_id);

-- The coach's contact log. The note is for coaches and coordinators only.
CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants (id),
    coach_id TEXT REFERENCES users (id),
    date TEXT NOT NULL,
    kind TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    note TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_participant ON contacts (participant_id);
