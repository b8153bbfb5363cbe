-- One consent row per participant, purpose and recipient, updated in place. Keep the latest row
-- where earlier concurrent writes left two.
DELETE FROM consents
WHERE rowid NOT IN (
    SELECT MAX(rowid) FROM consents
    GROUP BY participant_id, purpose, COALESCE(organisation_id, ''), COALESCE(municipality_id, '')
);
CREATE UNIQUE INDEX consents_one_per_recipient
    ON consents (participant_id, purpose, COALESCE(organisation_id, ''), COALESCE(municipality_id, ''));
