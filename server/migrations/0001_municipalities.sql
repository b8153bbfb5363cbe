-- Municipalities that fund and follow the programme. CBS code: GM + 4 digits.
CREATE TABLE municipalities (
    id TEXT PRIMARY KEY,
    cbs_code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
