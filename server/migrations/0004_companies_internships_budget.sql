-- Registrations of participants for company visits.
CREATE TABLE registrations (
    id TEXT PRIMARY KEY,
    opening_id TEXT NOT NULL REFERENCES openings (id),
    participant_id TEXT NOT NULL REFERENCES participants (id),
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (opening_id, participant_id)
);
CREATE INDEX registrations_participant ON registrations (participant_id);

CREATE TABLE internships (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    opening_id TEXT REFERENCES openings (id),
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    original_end_date TEXT NOT NULL,
    hours_per_week INTEGER NOT NULL,
    supervisor_name TEXT NOT NULL,
    extended INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX internships_participant ON internships (participant_id);
CREATE INDEX internships_organisation ON internships (organisation_id);

CREATE TABLE evaluations (
    id TEXT PRIMARY KEY,
    internship_id TEXT NOT NULL REFERENCES internships (id),
    moment TEXT NOT NULL,
    evaluator TEXT NOT NULL,
    punctuality INTEGER NOT NULL,
    cooperation INTEGER NOT NULL,
    dutch_at_work INTEGER NOT NULL,
    professional_skills INTEGER NOT NULL,
    remarks TEXT NOT NULL,
    UNIQUE (internship_id, moment, evaluator)
);

CREATE TABLE expenses (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants (id),
    category TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX expenses_participant ON expenses (participant_id);

-- Consent per recipient and purpose; withdrawing keeps the row with given = 0.
CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants (id),
    purpose TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations (id),
    municipality_id TEXT REFERENCES municipalities (id),
    given INTEGER NOT NULL,
    changed_on TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consents_participant ON consents (participant_id);

CREATE TABLE introductions (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participants (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    opening_id TEXT REFERENCES openings (id),
    motivation TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX introductions_participant ON introductions (participant_id);
CREATE INDEX introductions_organisation ON introductions (organisation_id);
