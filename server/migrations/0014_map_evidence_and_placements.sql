-- Civic integration: the participant's route (b1, z, education), an optional date of birth
-- (required for a participatieplaats) and the coach's remarks for the MAP evidence statement.
ALTER TABLE participants ADD COLUMN date_of_birth TEXT;
ALTER TABLE participants ADD COLUMN integration_route TEXT;
ALTER TABLE participants ADD COLUMN map_remarks TEXT NOT NULL DEFAULT '';

-- The legal kind of an internship and the facts its rules look at; absence in whole hours.
ALTER TABLE internships ADD COLUMN kind TEXT NOT NULL DEFAULT 'stage';
ALTER TABLE internships ADD COLUMN municipal_consent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE internships ADD COLUMN monthly_allowance_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE internships ADD COLUMN absence_hours INTEGER NOT NULL DEFAULT 0;

-- A meeting's own duration; NULL takes the municipality's setting.
ALTER TABLE meetings ADD COLUMN duration_minutes INTEGER;

-- The programme settings of a municipality's agreement; no row means the defaults.
CREATE TABLE programme_settings (
    municipality_id TEXT PRIMARY KEY REFERENCES municipalities (id),
    practice_hours_required INTEGER NOT NULL,
    meeting_minutes INTEGER NOT NULL,
    visit_minutes INTEGER NOT NULL,
    placement_max_hours_per_week INTEGER NOT NULL,
    stage_max_allowance_cents INTEGER NOT NULL,
    insurance_note TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
