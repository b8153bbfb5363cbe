-- Competences and wishes on a participant's profile, one row per participant once saved. Skills
-- and sectors of interest are comma-separated (a skill tag holds no comma).
CREATE TABLE competences (
    participant_id TEXT PRIMARY KEY REFERENCES participants (id),
    education_level TEXT,
    education_field TEXT NOT NULL DEFAULT '',
    education_country TEXT,
    diploma_recognised INTEGER,
    work_sector TEXT,
    work_years INTEGER,
    skills TEXT NOT NULL DEFAULT '',
    sectors_of_interest TEXT NOT NULL DEFAULT '',
    hours_available INTEGER,
    travel_km INTEGER,
    postcode_area TEXT,
    version INTEGER NOT NULL DEFAULT 1
);

-- Who changed a consent last: the participant, or their coach on their behalf (which the
-- participant is asked to confirm).
ALTER TABLE consents ADD COLUMN given_by TEXT NOT NULL DEFAULT 'participant';
