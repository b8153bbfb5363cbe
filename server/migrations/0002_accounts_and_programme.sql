-- The agreement with each municipality.
ALTER TABLE municipalities ADD COLUMN agreement_start TEXT;
ALTER TABLE municipalities ADD COLUMN agreement_end TEXT;
ALTER TABLE municipalities ADD COLUMN contracted_participants INTEGER;
ALTER TABLE municipalities ADD COLUMN budget_cap_cents INTEGER;

-- Companies, schools and volunteer organisations, each registered in one municipality.
CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    sector TEXT NOT NULL DEFAULT '',
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    kvk_number TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX organisations_municipality ON organisations (municipality_id);

CREATE TABLE openings (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    date TEXT,
    place TEXT,
    capacity INTEGER,
    start_date TEXT,
    end_date TEXT,
    hours_per_week INTEGER,
    dutch_level TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX openings_organisation ON openings (organisation_id);

CREATE TABLE cohorts (
    id TEXT PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    name TEXT NOT NULL,
    location TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cohorts_municipality ON cohorts (municipality_id);

-- The 8 meetings of a cohort; a row exists from scheduling on.
CREATE TABLE meetings (
    cohort_id TEXT NOT NULL REFERENCES cohorts (id),
    number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 8),
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    place TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (cohort_id, number)
);

-- Accounts. A coach is an account; a participant account belongs to a participant, a company
-- contact to an organisation. The password hash is empty until the invitation is accepted.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    first_name TEXT,
    phone TEXT,
    password_hash TEXT,
    participant_id TEXT,
    organisation_id TEXT REFERENCES organisations (id),
    disabled INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);

-- The municipalities an account belongs to (a coordinator's region).
CREATE TABLE user_municipalities (
    user_id TEXT NOT NULL REFERENCES users (id),
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    PRIMARY KEY (user_id, municipality_id)
);

CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT,
    -- ISO 639-1 codes separated by commas.
    languages TEXT NOT NULL,
    dutch_level TEXT NOT NULL,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    cohort_id TEXT REFERENCES cohorts (id),
    coach_id TEXT REFERENCES users (id),
    ladder_rung_at_intake INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX participants_municipality ON participants (municipality_id);
CREATE INDEX participants_coach ON participants (coach_id);
CREATE INDEX participants_cohort ON participants (cohort_id);

-- One-time invitation links: only the SHA-256 of the token is stored.
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id),
    invited_by TEXT REFERENCES users (id),
    expires_at TEXT NOT NULL,
    used_at TEXT
);

-- Sessions, shared by every server process on this database.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT,
    data TEXT NOT NULL,
    expiry_date INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expiry_date);

-- Append-only: who did what to which record, when, from where.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_user_id TEXT,
    action TEXT NOT NULL,
    record_type TEXT,
    record_id TEXT,
    address TEXT,
    outcome TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
