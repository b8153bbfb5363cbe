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
    fn as_str(self) -> &'static str {
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
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_user_id, action, record_type, record_id, address, outcome) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(db::new_id::<String>())
    .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    .bind(entry.actor)
    .bind(entry.action)
    .bind(entry.record_type)
    .bind(entry.record_id)
    .bind(entry.address)
    .bind(entry.outcome.as_str())
    .execute(db)
    .await
    .map(|_| ())
}
