//! Sessions in the database, so several server processes on one database share them.

use async_trait::async_trait;
use sqlx::SqlitePool;
use tower_sessions::{
    SessionStore,
    session::{Id, Record},
    session_store::{Error, Result},
};

use super::{PENDING_USER_KEY, USER_ID_KEY};
use crate::db::{self, sessions::SessionRow};

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
        db::sessions::delete_expired(&self.db, now).await
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
            let inserted = db::sessions::insert(
                &self.db,
                &key(&record.id),
                user_of(record).as_deref(),
                &data,
                record.expiry_date.unix_timestamp(),
            )
            .await
            .map_err(backend)?;
            if inserted {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    /// Updates a stored session only: a session ended meanwhile (logout, a disabled account)
    /// is not brought back by a request that was still under way.
    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
        db::sessions::update(
            &self.db,
            &key(&record.id),
            user_of(record).as_deref(),
            &data,
            record.expiry_date.unix_timestamp(),
        )
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let row = db::sessions::live(&self.db, &key(id), now)
            .await
            .map_err(backend)?;
        let Some(SessionRow {
            data,
            expiry_date: expiry,
        }) = row
        else {
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
        db::sessions::delete(&self.db, &key(id))
            .await
            .map_err(backend)?;
        Ok(())
    }
}
