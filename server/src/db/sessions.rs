//! Sessions, keyed by the SHA-256 of their id; `data` is the session's JSON, `expiry_date` its
//! end in Unix seconds.

use shared::ids::UserId;
use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub data: String,
    pub expiry_date: i64,
}

/// Removes the sessions that ended before `now`; answers how many.
pub async fn delete_expired(db: impl SqliteExecutor<'_>, now: i64) -> Result<u64, sqlx::Error> {
    sqlx::query!("DELETE FROM sessions WHERE expiry_date < $1", now)
        .execute(db)
        .await
        .map(|r| r.rows_affected())
}

/// Stores a new session; false when its key is taken.
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    key: &str,
    user_id: Option<&str>,
    data: &str,
    expiry_date: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "INSERT INTO sessions (id, user_id, data, expiry_date) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO NOTHING",
        key,
        user_id,
        data,
        expiry_date,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Updates a stored session (one that is gone stays gone).
pub async fn update(
    db: impl SqliteExecutor<'_>,
    key: &str,
    user_id: Option<&str>,
    data: &str,
    expiry_date: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE sessions SET user_id = $2, data = $3, expiry_date = $4 WHERE id = $1",
        key,
        user_id,
        data,
        expiry_date,
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// A session that has not ended at `now`.
pub async fn live(
    db: impl SqliteExecutor<'_>,
    key: &str,
    now: i64,
) -> Result<Option<SessionRow>, sqlx::Error> {
    sqlx::query_as!(
        SessionRow,
        "SELECT data, expiry_date FROM sessions WHERE id = $1 AND expiry_date > $2",
        key,
        now,
    )
    .fetch_optional(db)
    .await
}

pub async fn delete(db: impl SqliteExecutor<'_>, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM sessions WHERE id = $1", key)
        .execute(db)
        .await
        .map(|_| ())
}

/// Ends every session of an account (when it is disabled, or its password changes); answers
/// how many.
pub async fn delete_of_user(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
) -> Result<u64, sqlx::Error> {
    sqlx::query!("DELETE FROM sessions WHERE user_id = $1", user_id)
        .execute(db)
        .await
        .map(|r| r.rows_affected())
}
