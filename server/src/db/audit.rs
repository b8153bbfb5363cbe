//! The append-only audit log.

use sqlx::SqliteExecutor;

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

/// One entry: ids only, never names or other personal data.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub actor: Option<&'a shared::ids::UserId>,
    pub action: &'a str,
    pub record_type: Option<&'a str>,
    pub record_id: Option<&'a str>,
    pub address: Option<&'a str>,
    pub outcome: Outcome,
}

/// Appends an entry, made at `at` (RFC 3339).
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    entry: &Entry<'_>,
    at: &str,
) -> Result<(), sqlx::Error> {
    let id = super::new_id::<String>();
    let outcome = entry.outcome.as_str();
    sqlx::query!(
        "INSERT INTO audit_log (id, at, actor_user_id, action, record_type, record_id, address, outcome) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        id,
        at,
        entry.actor,
        entry.action,
        entry.record_type,
        entry.record_id,
        entry.address,
        outcome,
    )
    .execute(db)
    .await
    .map(|_| ())
}
