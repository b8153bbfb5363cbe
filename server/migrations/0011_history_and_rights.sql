-- The history of a record: each change to a participant, their plan (goals and actions), an
-- internship, an organisation, an opening, an expense (budget request) or a consent keeps the
-- fields it changed, old and new value, written by triggers in the transaction of the change.
-- The write path fills in who made it (`actor_user_id`, `action`) before it commits; a change
-- made outside it (the demo, a migration) keeps them empty.
CREATE TABLE record_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    -- The participant whose file the record belongs to, if any.
    participant_id TEXT,
    -- 1 for the record's creation.
    created INTEGER NOT NULL,
    -- A JSON array of {"field", "old", "new"}, values as text (null: none).
    changes TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor_user_id TEXT,
    action TEXT
);
CREATE INDEX record_history_record ON record_history (record_type, record_id);
CREATE INDEX record_history_participant ON record_history (participant_id);

CREATE TRIGGER participants_history_insert AFTER INSERT ON participants
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'participant', NEW.id, NEW.id, 1, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'first_name', 'old', NULL, 'new', CAST(NEW.first_name AS TEXT)) AS c WHERE NEW.first_name IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'last_name', 'old', NULL, 'new', CAST(NEW.last_name AS TEXT)) AS c WHERE NEW.last_name IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'email', 'old', NULL, 'new', CAST(NEW.email AS TEXT)) AS c WHERE NEW.email IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'phone', 'old', NULL, 'new', CAST(NEW.phone AS TEXT)) AS c WHERE NEW.phone IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'languages', 'old', NULL, 'new', CAST(NEW.languages AS TEXT)) AS c WHERE NEW.languages IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'dutch_level', 'old', NULL, 'new', CAST(NEW.dutch_level AS TEXT)) AS c WHERE NEW.dutch_level IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'municipality_id', 'old', NULL, 'new', CAST(NEW.municipality_id AS TEXT)) AS c WHERE NEW.municipality_id IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'cohort_id', 'old', NULL, 'new', CAST(NEW.cohort_id AS TEXT)) AS c WHERE NEW.cohort_id IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'coach_id', 'old', NULL, 'new', CAST(NEW.coach_id AS TEXT)) AS c WHERE NEW.coach_id IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'ladder_rung_at_intake', 'old', NULL, 'new', CAST(NEW.ladder_rung_at_intake AS TEXT)) AS c WHERE NEW.ladder_rung_at_intake IS NOT NULL
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER participants_history_update AFTER UPDATE ON participants
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'participant', NEW.id, NEW.id, 0, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'first_name', 'old', CAST(OLD.first_name AS TEXT), 'new', CAST(NEW.first_name AS TEXT)) AS c WHERE OLD.first_name IS NOT NEW.first_name
        UNION ALL
        SELECT json_object('field', 'last_name', 'old', CAST(OLD.last_name AS TEXT), 'new', CAST(NEW.last_name AS TEXT)) AS c WHERE OLD.last_name IS NOT NEW.last_name
        UNION ALL
        SELECT json_object('field', 'email', 'old', CAST(OLD.email AS TEXT), 'new', CAST(NEW.email AS TEXT)) AS c WHERE OLD.email IS NOT NEW.email
        UNION ALL
        SELECT json_object('field', 'phone', 'old', CAST(OLD.phone AS TEXT), 'new', CAST(NEW.phone AS TEXT)) AS c WHERE OLD.phone IS NOT NEW.phone
        UNION ALL
        SELECT json_object('field', 'languages', 'old', CAST(OLD.languages AS TEXT), 'new', CAST(NEW.languages AS TEXT)) AS c WHERE OLD.languages IS NOT NEW.languages
        UNION ALL
        SELECT json_object('field', 'dutch_level', 'old', CAST(OLD.dutch_level AS TEXT), 'new', CAST(NEW.dutch_level AS TEXT)) AS c WHERE OLD.dutch_level IS NOT NEW.dutch_level
        UNION ALL
        SELECT json_object('field', 'municipality_id', 'old', CAST(OLD.municipality_id AS TEXT), 'new', CAST(NEW.municipality_id AS TEXT)) AS c WHERE OLD.municipality_id IS NOT NEW.municipality_id
        UNION ALL
        SELECT json_object('field', 'cohort_id', 'old', CAST(OLD.cohort_id AS TEXT), 'new', CAST(NEW.cohort_id AS TEXT)) AS c WHERE OLD.cohort_id IS NOT NEW.cohort_id
        UNION ALL
        SELECT json_object('field', 'coach_id', 'old', CAST(OLD.coach_id AS TEXT), 'new', CAST(NEW.coach_id AS TEXT)) AS c WHERE OLD.coach_id IS NOT NEW.coach_id
        UNION ALL
        SELECT json_object('field', 'ladder_rung_at_intake', 'old', CAST(OLD.ladder_rung_at_intake AS TEXT), 'new', CAST(NEW.ladder_rung_at_intake AS TEXT)) AS c WHERE OLD.ladder_rung_at_intake IS NOT NEW.ladder_rung_at_intake
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER goals_history_insert AFTER INSERT ON goals
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'goal', NEW.id, NEW.participant_id, 1, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'title', 'old', NULL, 'new', CAST(NEW.title AS TEXT)) AS c WHERE NEW.title IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'target_date', 'old', NULL, 'new', CAST(NEW.target_date AS TEXT)) AS c WHERE NEW.target_date IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'status', 'old', NULL, 'new', CAST(NEW.status AS TEXT)) AS c WHERE NEW.status IS NOT NULL
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER goals_history_update AFTER UPDATE ON goals
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'goal', NEW.id, NEW.participant_id, 0, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'title', 'old', CAST(OLD.title AS TEXT), 'new', CAST(NEW.title AS TEXT)) AS c WHERE OLD.title IS NOT NEW.title
        UNION ALL
        SELECT json_object('field', 'target_date', 'old', CAST(OLD.target_date AS TEXT), 'new', CAST(NEW.target_date AS TEXT)) AS c WHERE OLD.target_date IS NOT NEW.target_date
        UNION ALL
        SELECT json_object('field', 'status', 'old', CAST(OLD.status AS TEXT), 'new', CAST(NEW.status AS TEXT)) AS c WHERE OLD.status IS NOT NEW.status
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER actions_history_insert AFTER INSERT ON actions
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'action', NEW.id, (SELECT participant_id FROM goals WHERE id = NEW.goal_id), 1, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'text', 'old', NULL, 'new', CAST(NEW.text AS TEXT)) AS c WHERE NEW.text IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'due_date', 'old', NULL, 'new', CAST(NEW.due_date AS TEXT)) AS c WHERE NEW.due_date IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'owner', 'old', NULL, 'new', CAST(NEW.owner AS TEXT)) AS c WHERE NEW.owner IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'done', 'old', NULL, 'new', CAST(NEW.done AS TEXT)) AS c WHERE NEW.done IS NOT NULL
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER actions_history_update AFTER UPDATE ON actions
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'action', NEW.id, (SELECT participant_id FROM goals WHERE id = NEW.goal_id), 0, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'text', 'old', CAST(OLD.text AS TEXT), 'new', CAST(NEW.text AS TEXT)) AS c WHERE OLD.text IS NOT NEW.text
        UNION ALL
        SELECT json_object('field', 'due_date', 'old', CAST(OLD.due_date AS TEXT), 'new', CAST(NEW.due_date AS TEXT)) AS c WHERE OLD.due_date IS NOT NEW.due_date
        UNION ALL
        SELECT json_object('field', 'owner', 'old', CAST(OLD.owner AS TEXT), 'new', CAST(NEW.owner AS TEXT)) AS c WHERE OLD.owner IS NOT NEW.owner
        UNION ALL
        SELECT json_object('field', 'done', 'old', CAST(OLD.done AS TEXT), 'new', CAST(NEW.done AS TEXT)) AS c WHERE OLD.done IS NOT NEW.done
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER internships_history_insert AFTER INSERT ON internships
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'internship', NEW.id, NEW.participant_id, 1, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'organisation_id', 'old', NULL, 'new', CAST(NEW.organisation_id AS TEXT)) AS c WHERE NEW.organisation_id IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'opening_id', 'old', NULL, 'new', CAST(NEW.opening_id AS TEXT)) AS c WHERE NEW.opening_id IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'start_date', 'old', NULL, 'new', CAST(NEW.start_date AS TEXT)) AS c WHERE NEW.start_date IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'end_date', 'old', NULL, 'new', CAST(NEW.end_date AS TEXT)) AS c WHERE NEW.end_date IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'original_end_date', 'old', NULL, 'new', CAST(NEW.original_end_date AS TEXT)) AS c WHERE NEW.original_end_date IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'hours_per_week', 'old', NULL, 'new', CAST(NEW.hours_per_week AS TEXT)) AS c WHERE NEW.hours_per_week IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'supervisor_name', 'old', NULL, 'new', CAST(NEW.supervisor_name AS TEXT)) AS c WHERE NEW.supervisor_name IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'extended', 'old', NULL, 'new', CAST(NEW.extended AS TEXT)) AS c WHERE NEW.extended IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'cancelled', 'old', NULL, 'new', CAST(NEW.cancelled AS TEXT)) AS c WHERE NEW.cancelled IS NOT NULL
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER internships_history_update AFTER UPDATE ON internships
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'internship', NEW.id, NEW.participant_id, 0, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'organisation_id', 'old', CAST(OLD.organisation_id AS TEXT), 'new', CAST(NEW.organisation_id AS TEXT)) AS c WHERE OLD.organisation_id IS NOT NEW.organisation_id
        UNION ALL
        SELECT json_object('field', 'opening_id', 'old', CAST(OLD.opening_id AS TEXT), 'new', CAST(NEW.opening_id AS TEXT)) AS c WHERE OLD.opening_id IS NOT NEW.opening_id
        UNION ALL
        SELECT json_object('field', 'start_date', 'old', CAST(OLD.start_date AS TEXT), 'new', CAST(NEW.start_date AS TEXT)) AS c WHERE OLD.start_date IS NOT NEW.start_date
        UNION ALL
        SELECT json_object('field', 'end_date', 'old', CAST(OLD.end_date AS TEXT), 'new', CAST(NEW.end_date AS TEXT)) AS c WHERE OLD.end_date IS NOT NEW.end_date
        UNION ALL
        SELECT json_object('field', 'original_end_date', 'old', CAST(OLD.original_end_date AS TEXT), 'new', CAST(NEW.original_end_date AS TEXT)) AS c WHERE OLD.original_end_date IS NOT NEW.original_end_date
        UNION ALL
        SELECT json_object('field', 'hours_per_week', 'old', CAST(OLD.hours_per_week AS TEXT), 'new', CAST(NEW.hours_per_week AS TEXT)) AS c WHERE OLD.hours_per_week IS NOT NEW.hours_per_week
        UNION ALL
        SELECT json_object('field', 'supervisor_name', 'old', CAST(OLD.supervisor_name AS TEXT), 'new', CAST(NEW.supervisor_name AS TEXT)) AS c WHERE OLD.supervisor_name IS NOT NEW.supervisor_name
        UNION ALL
        SELECT json_object('field', 'extended', 'old', CAST(OLD.extended AS TEXT), 'new', CAST(NEW.extended AS TEXT)) AS c WHERE OLD.extended IS NOT NEW.extended
        UNION ALL
        SELECT json_object('field', 'cancelled', 'old', CAST(OLD.cancelled AS TEXT), 'new', CAST(NEW.cancelled AS TEXT)) AS c WHERE OLD.cancelled IS NOT NEW.cancelled
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER organisations_history_insert AFTER INSERT ON organisations
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'organisation', NEW.id, NULL, 1, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'kind', 'old', NULL, 'new', CAST(NEW.kind AS TEXT)) AS c WHERE NEW.kind IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'name', 'old', NULL, 'new', CAST(NEW.name AS TEXT)) AS c WHERE NEW.name IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'sector', 'old', NULL, 'new', CAST(NEW.sector AS TEXT)) AS c WHERE NEW.sector IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'street', 'old', NULL, 'new', CAST(NEW.street AS TEXT)) AS c WHERE NEW.street IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'postcode', 'old', NULL, 'new', CAST(NEW.postcode AS TEXT)) AS c WHERE NEW.postcode IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'city', 'old', NULL, 'new', CAST(NEW.city AS TEXT)) AS c WHERE NEW.city IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'kvk_number', 'old', NULL, 'new', CAST(NEW.kvk_number AS TEXT)) AS c WHERE NEW.kvk_number IS NOT NULL
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER organisations_history_update AFTER UPDATE ON organisations
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'organisation', NEW.id, NULL, 0, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'kind', 'old', CAST(OLD.kind AS TEXT), 'new', CAST(NEW.kind AS TEXT)) AS c WHERE OLD.kind IS NOT NEW.kind
        UNION ALL
        SELECT json_object('field', 'name', 'old', CAST(OLD.name AS TEXT), 'new', CAST(NEW.name AS TEXT)) AS c WHERE OLD.name IS NOT NEW.name
        UNION ALL
        SELECT json_object('field', 'sector', 'old', CAST(OLD.sector AS TEXT), 'new', CAST(NEW.sector AS TEXT)) AS c WHERE OLD.sector IS NOT NEW.sector
        UNION ALL
        SELECT json_object('field', 'street', 'old', CAST(OLD.street AS TEXT), 'new', CAST(NEW.street AS TEXT)) AS c WHERE OLD.street IS NOT NEW.street
        UNION ALL
        SELECT json_object('field', 'postcode', 'old', CAST(OLD.postcode AS TEXT), 'new', CAST(NEW.postcode AS TEXT)) AS c WHERE OLD.postcode IS NOT NEW.postcode
        UNION ALL
        SELECT json_object('field', 'city', 'old', CAST(OLD.city AS TEXT), 'new', CAST(NEW.city AS TEXT)) AS c WHERE OLD.city IS NOT NEW.city
        UNION ALL
        SELECT json_object('field', 'kvk_number', 'old', CAST(OLD.kvk_number AS TEXT), 'new', CAST(NEW.kvk_number AS TEXT)) AS c WHERE OLD.kvk_number IS NOT NEW.kvk_number
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER openings_history_insert AFTER INSERT ON openings
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'opening', NEW.id, NULL, 1, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'kind', 'old', NULL, 'new', CAST(NEW.kind AS TEXT)) AS c WHERE NEW.kind IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'status', 'old', NULL, 'new', CAST(NEW.status AS TEXT)) AS c WHERE NEW.status IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'title', 'old', NULL, 'new', CAST(NEW.title AS TEXT)) AS c WHERE NEW.title IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'description', 'old', NULL, 'new', CAST(NEW.description AS TEXT)) AS c WHERE NEW.description IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'date', 'old', NULL, 'new', CAST(NEW.date AS TEXT)) AS c WHERE NEW.date IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'place', 'old', NULL, 'new', CAST(NEW.place AS TEXT)) AS c WHERE NEW.place IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'capacity', 'old', NULL, 'new', CAST(NEW.capacity AS TEXT)) AS c WHERE NEW.capacity IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'start_date', 'old', NULL, 'new', CAST(NEW.start_date AS TEXT)) AS c WHERE NEW.start_date IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'end_date', 'old', NULL, 'new', CAST(NEW.end_date AS TEXT)) AS c WHERE NEW.end_date IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'hours_per_week', 'old', NULL, 'new', CAST(NEW.hours_per_week AS TEXT)) AS c WHERE NEW.hours_per_week IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'dutch_level', 'old', NULL, 'new', CAST(NEW.dutch_level AS TEXT)) AS c WHERE NEW.dutch_level IS NOT NULL
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER openings_history_update AFTER UPDATE ON openings
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'opening', NEW.id, NULL, 0, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'kind', 'old', CAST(OLD.kind AS TEXT), 'new', CAST(NEW.kind AS TEXT)) AS c WHERE OLD.kind IS NOT NEW.kind
        UNION ALL
        SELECT json_object('field', 'status', 'old', CAST(OLD.status AS TEXT), 'new', CAST(NEW.status AS TEXT)) AS c WHERE OLD.status IS NOT NEW.status
        UNION ALL
        SELECT json_object('field', 'title', 'old', CAST(OLD.title AS TEXT), 'new', CAST(NEW.title AS TEXT)) AS c WHERE OLD.title IS NOT NEW.title
        UNION ALL
        SELECT json_object('field', 'description', 'old', CAST(OLD.description AS TEXT), 'new', CAST(NEW.description AS TEXT)) AS c WHERE OLD.description IS NOT NEW.description
        UNION ALL
        SELECT json_object('field', 'date', 'old', CAST(OLD.date AS TEXT), 'new', CAST(NEW.date AS TEXT)) AS c WHERE OLD.date IS NOT NEW.date
        UNION ALL
        SELECT json_object('field', 'place', 'old', CAST(OLD.place AS TEXT), 'new', CAST(NEW.place AS TEXT)) AS c WHERE OLD.place IS NOT NEW.place
        UNION ALL
        SELECT json_object('field', 'capacity', 'old', CAST(OLD.capacity AS TEXT), 'new', CAST(NEW.capacity AS TEXT)) AS c WHERE OLD.capacity IS NOT NEW.capacity
        UNION ALL
        SELECT json_object('field', 'start_date', 'old', CAST(OLD.start_date AS TEXT), 'new', CAST(NEW.start_date AS TEXT)) AS c WHERE OLD.start_date IS NOT NEW.start_date
        UNION ALL
        SELECT json_object('field', 'end_date', 'old', CAST(OLD.end_date AS TEXT), 'new', CAST(NEW.end_date AS TEXT)) AS c WHERE OLD.end_date IS NOT NEW.end_date
        UNION ALL
        SELECT json_object('field', 'hours_per_week', 'old', CAST(OLD.hours_per_week AS TEXT), 'new', CAST(NEW.hours_per_week AS TEXT)) AS c WHERE OLD.hours_per_week IS NOT NEW.hours_per_week
        UNION ALL
        SELECT json_object('field', 'dutch_level', 'old', CAST(OLD.dutch_level AS TEXT), 'new', CAST(NEW.dutch_level AS TEXT)) AS c WHERE OLD.dutch_level IS NOT NEW.dutch_level
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER expenses_history_insert AFTER INSERT ON expenses
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'expense', NEW.id, NEW.participant_id, 1, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'category', 'old', NULL, 'new', CAST(NEW.category AS TEXT)) AS c WHERE NEW.category IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'amount_cents', 'old', NULL, 'new', CAST(NEW.amount_cents AS TEXT)) AS c WHERE NEW.amount_cents IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'description', 'old', NULL, 'new', CAST(NEW.description AS TEXT)) AS c WHERE NEW.description IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'status', 'old', NULL, 'new', CAST(NEW.status AS TEXT)) AS c WHERE NEW.status IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'requested_on', 'old', NULL, 'new', CAST(NEW.requested_on AS TEXT)) AS c WHERE NEW.requested_on IS NOT NULL
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER expenses_history_update AFTER UPDATE ON expenses
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'expense', NEW.id, NEW.participant_id, 0, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'category', 'old', CAST(OLD.category AS TEXT), 'new', CAST(NEW.category AS TEXT)) AS c WHERE OLD.category IS NOT NEW.category
        UNION ALL
        SELECT json_object('field', 'amount_cents', 'old', CAST(OLD.amount_cents AS TEXT), 'new', CAST(NEW.amount_cents AS TEXT)) AS c WHERE OLD.amount_cents IS NOT NEW.amount_cents
        UNION ALL
        SELECT json_object('field', 'description', 'old', CAST(OLD.description AS TEXT), 'new', CAST(NEW.description AS TEXT)) AS c WHERE OLD.description IS NOT NEW.description
        UNION ALL
        SELECT json_object('field', 'status', 'old', CAST(OLD.status AS TEXT), 'new', CAST(NEW.status AS TEXT)) AS c WHERE OLD.status IS NOT NEW.status
        UNION ALL
        SELECT json_object('field', 'requested_on', 'old', CAST(OLD.requested_on AS TEXT), 'new', CAST(NEW.requested_on AS TEXT)) AS c WHERE OLD.requested_on IS NOT NEW.requested_on
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER consents_history_insert AFTER INSERT ON consents
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'consent', NEW.id, NEW.participant_id, 1, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'purpose', 'old', NULL, 'new', CAST(NEW.purpose AS TEXT)) AS c WHERE NEW.purpose IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'organisation_id', 'old', NULL, 'new', CAST(NEW.organisation_id AS TEXT)) AS c WHERE NEW.organisation_id IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'municipality_id', 'old', NULL, 'new', CAST(NEW.municipality_id AS TEXT)) AS c WHERE NEW.municipality_id IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'given', 'old', NULL, 'new', CAST(NEW.given AS TEXT)) AS c WHERE NEW.given IS NOT NULL
        UNION ALL
        SELECT json_object('field', 'changed_on', 'old', NULL, 'new', CAST(NEW.changed_on AS TEXT)) AS c WHERE NEW.changed_on IS NOT NULL
        )
    ) WHERE n > 0;
END;

CREATE TRIGGER consents_history_update AFTER UPDATE ON consents
BEGIN
    INSERT INTO record_history (record_type, record_id, participant_id, created, changes)
    SELECT 'consent', NEW.id, NEW.participant_id, 0, changes FROM (
        SELECT json_group_array(json(c)) AS changes, count(*) AS n FROM (
        SELECT json_object('field', 'purpose', 'old', CAST(OLD.purpose AS TEXT), 'new', CAST(NEW.purpose AS TEXT)) AS c WHERE OLD.purpose IS NOT NEW.purpose
        UNION ALL
        SELECT json_object('field', 'organisation_id', 'old', CAST(OLD.organisation_id AS TEXT), 'new', CAST(NEW.organisation_id AS TEXT)) AS c WHERE OLD.organisation_id IS NOT NEW.organisation_id
        UNION ALL
        SELECT json_object('field', 'municipality_id', 'old', CAST(OLD.municipality_id AS TEXT), 'new', CAST(NEW.municipality_id AS TEXT)) AS c WHERE OLD.municipality_id IS NOT NEW.municipality_id
        UNION ALL
        SELECT json_object('field', 'given', 'old', CAST(OLD.given AS TEXT), 'new', CAST(NEW.given AS TEXT)) AS c WHERE OLD.given IS NOT NEW.given
        UNION ALL
        SELECT json_object('field', 'changed_on', 'old', CAST(OLD.changed_on AS TEXT), 'new', CAST(NEW.changed_on AS TEXT)) AS c WHERE OLD.changed_on IS NOT NEW.changed_on
        )
    ) WHERE n > 0;
END;


-- Personal calendar feeds (iCal): a secret token per account, only its SHA-256 stored. A new
-- token replaces the account's earlier one; a revoked token stops working at once.
CREATE TABLE calendar_feeds (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX calendar_feeds_user ON calendar_feeds (user_id);
