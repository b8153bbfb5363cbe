//! The append-only audit log: who, what, which record, when, from where. Ids only, never names
//! or other personal data.

use sqlx::SqliteExecutor;

use crate::db;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Failure,
    Refused,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Refused => "refused",
        }
    }
}

/// One entry.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub actor: Option<&'a shared::ids::UserId>,
    pub action: &'a str,
    pub record_type: Option<&'a str>,
    pub record_id: Option<&'a str>,
    pub address: Option<&'a str>,
    pub outcome: Outcome,
}

/// Appends an entry.
pub async fn record(db: impl SqliteExecutor<'_>, entry: Entry<'_>) -> Result<(), sqlx::Error> {
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    db::audit::insert(db, &entry, &at).await
}
