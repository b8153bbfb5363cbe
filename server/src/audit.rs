//! The append-only audit log: who, what, which record, when, from where. Ids only, never names
//! or other personal data.

use sqlx::SqliteExecutor;

use crate::db;

pub use crate::db::audit::{Entry, Outcome};

/// Appends an entry.
pub async fn record(db: impl SqliteExecutor<'_>, entry: Entry<'_>) -> Result<(), sqlx::Error> {
    // The log's readers filter and name the actions of this list only.
    debug_assert!(
        shared::api::AUDIT_ACTIONS.contains(&entry.action),
        "an action missing from shared::api::AUDIT_ACTIONS: {}",
        entry.action
    );
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    db::audit::insert(db, &entry, &at).await
}
