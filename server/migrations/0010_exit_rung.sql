-- The participation-ladder rung at the exit of the route, recorded with the outcome.
ALTER TABLE outcomes ADD COLUMN exit_rung INTEGER;
