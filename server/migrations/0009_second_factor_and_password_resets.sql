-- The second factor: one TOTP secret per account (RFC 6238: HMAC-SHA1, 6 digits, 30-second
-- steps), base32. Being enrolled while `confirmed_at` is NULL; the secret is answered only then.
-- `last_step` is the time step of the last code accepted: a code is accepted once, and never one
-- of an earlier step.
CREATE TABLE totp_factors (
    user_id TEXT PRIMARY KEY REFERENCES users (id),
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    confirmed_at TEXT,
    last_step INTEGER
);

-- Single-use recovery codes of a second factor: only the SHA-256 of each is stored.
CREATE TABLE recovery_codes (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL,
    used_at TEXT,
    UNIQUE (user_id, code_hash)
);

-- One-time links that set a new password, started by a coordinator: only the SHA-256 of the
-- token is stored.
CREATE TABLE password_resets (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_by TEXT NOT NULL REFERENCES users (id),
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX password_resets_user ON password_resets (user_id);
