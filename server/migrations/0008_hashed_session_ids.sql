-- Sessions are now stored under the SHA-256 of their id; the ones stored in plain end.
DELETE FROM sessions;
