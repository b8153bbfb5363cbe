//! The append-only audit log: who, what, which record, when, from where. Ids only, never names
//! or other personal data.

use sqlx::SqliteExecutor;

use crate::db;

pub use crate::db::audit::{Entry, Outcome};

/// Appends an entry.
pub async fn record(db: impl SqliteExecutor<'_>, entry: Entry<'_>) -> Result<(), sqlx::Error> {
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    db::audit::insert(db, &entry, &at).await
}
