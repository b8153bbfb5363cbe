-- Facts about the installation itself. `demo` marks a database that holds demonstration data
-- only, the one kind `--demo` may start on.
CREATE TABLE installation (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO installation (key, value)
-- A database that the demo filled before this table existed holds its two cohorts.
SELECT 'demo', '1'
WHERE EXISTS (SELECT 1 FROM cohorts WHERE name = 'Utrecht voorjaar')
  AND EXISTS (SELECT 1 FROM cohorts WHERE name = 'Rotterdam najaar');
