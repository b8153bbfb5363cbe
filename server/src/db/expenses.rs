//! The training budget's requests.

use sqlx::SqliteExecutor;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExpenseRow {
    pub id: String,
    pub participant_id: String,
    pub category: String,
    pub amount_cents: i64,
    pub description: String,
    pub status: String,
    pub requested_on: String,
    pub version: i64,
}

const SELECT: &str = "SELECT id, participant_id, category, amount_cents, description, status, requested_on, version FROM expenses";

pub async fn of(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
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
    id: &str,
) -> Result<Option<ExpenseRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Stores a request; the caller's write transaction checked the budget.
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
    category: &str,
    amount_cents: i64,
    description: &str,
    requested_on: &str,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
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
    id: &str,
    version: i64,
    status: &str,
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
