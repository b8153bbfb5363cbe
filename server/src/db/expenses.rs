//! The training budget's requests.

use sqlx::SqlitePool;

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

pub async fn of(db: &SqlitePool, participant_id: &str) -> Result<Vec<ExpenseRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE participant_id = $1 ORDER BY created_at, id"
    )))
    .bind(participant_id)
    .fetch_all(db)
    .await
}

pub async fn by_id(db: &SqlitePool, id: &str) -> Result<Option<ExpenseRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// Stores a request when the participant's requests still sum to `committed` (the caller's
/// budget check), so two requests at once cannot both pass it.
pub async fn insert_checked(
    db: &SqlitePool,
    participant_id: &str,
    category: &str,
    amount_cents: i64,
    description: &str,
    requested_on: &str,
    committed: i64,
) -> Result<Option<String>, sqlx::Error> {
    // Take the write lock first: a read-then-write transaction must not lose it halfway.
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    let now: i64 = sqlx::query_scalar(
        "SELECT COALESCE(SUM(amount_cents), 0) FROM expenses WHERE participant_id = $1 AND status <> 'rejected'",
    )
    .bind(participant_id)
    .fetch_one(&mut *tx)
    .await?;
    if now != committed {
        return Ok(None);
    }
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
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(id))
}

pub async fn set_status(
    db: &SqlitePool,
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
