//! Sessions in the database, so several server processes on one database share them.

use async_trait::async_trait;
use sqlx::SqlitePool;
use tower_sessions::{
    SessionStore,
    session::{Id, Record},
    session_store::{Error, Result},
};

use super::{PENDING_USER_KEY, USER_ID_KEY};

#[derive(Debug, Clone)]
pub struct SqlSessionStore {
    db: SqlitePool,
}

impl SqlSessionStore {
    pub fn new(db: SqlitePool) -> Self {
        SqlSessionStore { db }
    }

    /// Removes sessions whose expiry has passed.
    pub async fn delete_expired(&self) -> std::result::Result<u64, sqlx::Error> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        sqlx::query("DELETE FROM sessions WHERE expiry_date < $1")
            .bind(now)
            .execute(&self.db)
            .await
            .map(|r| r.rows_affected())
    }
}

/// The stored form of a session id: its SHA-256, so a copy of the database holds no session
/// that could be used.
fn key(id: &Id) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(id.to_string().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn backend(err: sqlx::Error) -> Error {
    Error::Backend(err.to_string())
}

/// The account of a session: signed in, or half-way a login (so that ending an account's
/// sessions also ends a login that waits for its second factor).
fn user_of(record: &Record) -> Option<String> {
    record
        .data
        .get(USER_ID_KEY)
        .or_else(|| record.data.get(PENDING_USER_KEY))
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}

#[async_trait]
impl SessionStore for SqlSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        // A fresh 128-bit id until it does not collide with a stored one.
        loop {
            let data =
                serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
            let inserted = sqlx::query(
                "INSERT INTO sessions (id, user_id, data, expiry_date) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (id) DO NOTHING",
            )
            .bind(key(&record.id))
            .bind(user_of(record))
            .bind(data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(&self.db)
            .await
            .map_err(backend)?;
            if inserted.rows_affected() == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    /// Updates a stored session only: a session ended meanwhile (logout, a disabled account)
    /// is not brought back by a request that was still under way.
    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
        sqlx::query("UPDATE sessions SET user_id = $2, data = $3, expiry_date = $4 WHERE id = $1")
            .bind(key(&record.id))
            .bind(user_of(record))
            .bind(data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let row: Option<(String, i64)> = sqlx::query_as(
            "SELECT data, expiry_date FROM sessions WHERE id = $1 AND expiry_date > $2",
        )
        .bind(key(id))
        .bind(now)
        .fetch_optional(&self.db)
        .await
        .map_err(backend)?;
        let Some((data, expiry)) = row else {
            return Ok(None);
        };
        Ok(Some(Record {
            id: *id,
            data: serde_json::from_str(&data).map_err(|e| Error::Decode(e.to_string()))?,
            expiry_date: time::OffsetDateTime::from_unix_timestamp(expiry)
                .map_err(|e| Error::Decode(e.to_string()))?,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(key(id))
            .execute(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

/// Ends every session of an account (when it is disabled, or its password changes).
pub async fn end_sessions_of(
    db: impl sqlx::SqliteExecutor<'_>,
    user_id: &shared::ids::UserId,
) -> std::result::Result<u64, sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(db)
        .await
        .map(|r| r.rows_affected())
}
