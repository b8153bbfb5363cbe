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

-- Expert meetings and trainings for organisations, published by a coordinator or hosted by an
-- organisation, for the organisations of some municipalities.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    start_time TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    online_link TEXT,
    capacity INTEGER NOT NULL,
    host_organisation_id TEXT REFERENCES organisations (id),
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE event_municipalities (
    event_id TEXT NOT NULL REFERENCES events (id),
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    PRIMARY KEY (event_id, municipality_id)
);
CREATE INDEX event_municipalities_municipality ON event_municipalities (municipality_id);

-- People of an organisation registered by its contact (no account needed); a name once per
-- organisation and event.
CREATE TABLE event_registrations (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    attended INTEGER,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (event_id, organisation_id, name COLLATE NOCASE)
);
CREATE INDEX event_registrations_event ON event_registrations (event_id);
