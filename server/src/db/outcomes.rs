//! Outcomes and their follow-up.

use sqlx::SqliteExecutor;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutcomeRow {
    pub id: String,
    pub participant_id: String,
    pub kind: String,
    pub date: String,
    pub hours_per_week: Option<i64>,
    pub contract: Option<String>,
    pub reason: Option<String>,
    pub follow_up_date: Option<String>,
    pub follow_up_lasted: Option<bool>,
    pub follow_up_rung: Option<i64>,
    pub version: i64,
}

const SELECT: &str = "SELECT id, participant_id, kind, date, hours_per_week, contract, reason, \
     follow_up_date, follow_up_lasted, follow_up_rung, version FROM outcomes";

pub async fn of(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
) -> Result<Vec<OutcomeRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE participant_id = $1 ORDER BY date, created_at, id"
    )))
    .bind(participant_id)
    .fetch_all(db)
    .await
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &str,
) -> Result<Option<OutcomeRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

#[derive(Debug, Clone)]
pub struct NewOutcome<'a> {
    pub participant_id: &'a str,
    pub kind: &'a str,
    pub date: &'a str,
    pub hours_per_week: Option<i64>,
    pub contract: Option<&'a str>,
    pub reason: Option<&'a str>,
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    o: &NewOutcome<'_>,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(
        "INSERT INTO outcomes (id, participant_id, kind, date, hours_per_week, contract, reason, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(o.participant_id)
    .bind(o.kind)
    .bind(o.date)
    .bind(o.hours_per_week)
    .bind(o.contract)
    .bind(o.reason)
    .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn follow_up(
    db: impl SqliteExecutor<'_>,
    id: &str,
    version: i64,
    date: &str,
    lasted: bool,
    rung: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE outcomes SET follow_up_date = $1, follow_up_lasted = $2, follow_up_rung = $3, \
         version = version + 1 WHERE id = $4 AND version = $5",
    )
    .bind(date)
    .bind(lasted)
    .bind(rung)
    .bind(id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
