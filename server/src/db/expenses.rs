//! The training budget's requests.

use chrono::NaiveDate;
use shared::{
    api::ExpenseDetail,
    ids::{ExpenseId, ParticipantId},
    rules::budget::{ExpenseCategory, ExpenseStatus},
    values::Money,
};
use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
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
    sqlx::query_as!(
        ExpenseRow,
        r#"SELECT id AS "id!: ExpenseId", participant_id AS "participant_id!: ParticipantId",
               category AS "category!: ExpenseCategory", amount_cents AS "amount_cents!: Money",
               description, status AS "status!: ExpenseStatus", requested_on AS "requested_on!: NaiveDate",
               version
           FROM expenses WHERE participant_id = $1 ORDER BY created_at, id"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &ExpenseId,
) -> Result<Option<ExpenseRow>, sqlx::Error> {
    sqlx::query_as!(
        ExpenseRow,
        r#"SELECT id AS "id!: ExpenseId", participant_id AS "participant_id!: ParticipantId",
               category AS "category!: ExpenseCategory", amount_cents AS "amount_cents!: Money",
               description, status AS "status!: ExpenseStatus", requested_on AS "requested_on!: NaiveDate",
               version
           FROM expenses WHERE id = $1"#,
        id,
    )
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
    sqlx::query!(
        "INSERT INTO expenses (id, participant_id, category, amount_cents, description, status, requested_on, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)",
        &id,
        participant_id,
        category,
        amount_cents,
        description,
        requested_on,
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
    )
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
    sqlx::query!(
        "UPDATE expenses SET status = $1, version = version + 1 WHERE id = $2 AND version = $3",
        status,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
