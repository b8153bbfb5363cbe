//! The training budget's requests.

use chrono::NaiveDate;
use shared::{
    api::ExpenseDetail,
    ids::{ExpenseId, ParticipantId},
    rules::budget::{ExpenseCategory, ExpenseStatus},
    values::Money,
};
use sqlx::SqliteExecutor;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExpenseRow {
    pub id: ExpenseId,
    pub participant_id: ParticipantId,
    pub category: ExpenseCategory,
    pub amount_cents: Money,
    pub description: String,
    pub status: ExpenseStatus,
    pub requested_on: NaiveDate,
    pub version: i64,
}

const SELECT: &str = "SELECT id, participant_id, category, amount_cents, description, status, requested_on, version FROM expenses";

impl From<ExpenseRow> for ExpenseDetail {
    fn from(row: ExpenseRow) -> Self {
        ExpenseDetail {
            id: row.id,
            version: row.version,
            category: row.category,
            amount_cents: row.amount_cents.cents(),
            description: row.description,
            status: row.status,
            requested_on: row.requested_on,
        }
    }
}

/// The requests as (status, amount), for the shared budget rules.
pub fn amounts(rows: &[ExpenseRow]) -> Vec<(ExpenseStatus, Money)> {
    rows.iter().map(|r| (r.status, r.amount_cents)).collect()
}

pub async fn of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<ExpenseRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE participant_id = $1 ORDER BY created_at, id"
    )))
    .bind(participant_id)
    .fetch_all(db)
    .await
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &ExpenseId,
) -> Result<Option<ExpenseRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Stores a request; the caller's write transaction checked the budget.
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
    category: ExpenseCategory,
    amount_cents: Money,
    description: &str,
    requested_on: NaiveDate,
) -> Result<ExpenseId, sqlx::Error> {
    let id: ExpenseId = super::new_id();
    sqlx::query(
        "INSERT INTO expenses (id, participant_id, category, amount_cents, description, status, requested_on, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)",
    )
    .bind(&id)
    .bind(participant_id)
    .bind(category)
    .bind(amount_cents)
    .bind(description)
    .bind(requested_on)
    .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn set_status(
    db: impl SqliteExecutor<'_>,
    id: &ExpenseId,
    version: i64,
    status: ExpenseStatus,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE expenses SET status = $1, version = version + 1 WHERE id = $2 AND version = $3",
    )
    .bind(status)
    .bind(id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
