use sqlx::SqliteExecutor;

use super::Scope;
use crate::access::Relation;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ParticipantRow {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub languages: String,
    pub dutch_level: String,
    pub municipality_id: String,
    pub cohort_id: Option<String>,
    pub coach_id: Option<String>,
    pub ladder_rung_at_intake: i64,
    pub version: i64,
}

const COLUMNS: &str = "id, first_name, last_name, email, phone, languages, dutch_level, \
     municipality_id, cohort_id, coach_id, ladder_rung_at_intake, version";

#[derive(Debug, Clone)]
pub struct NewParticipant<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub email: &'a str,
    pub phone: Option<&'a str>,
    pub languages: &'a str,
    pub dutch_level: &'a str,
    pub municipality_id: &'a str,
    pub cohort_id: Option<&'a str>,
    pub coach_id: Option<&'a str>,
    pub ladder_rung_at_intake: i64,
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    p: &NewParticipant<'_>,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO participants ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)"
    )))
    .bind(&id)
    .bind(p.first_name)
    .bind(p.last_name)
    .bind(p.email)
    .bind(p.phone)
    .bind(p.languages)
    .bind(p.dutch_level)
    .bind(p.municipality_id)
    .bind(p.cohort_id)
    .bind(p.coach_id)
    .bind(p.ladder_rung_at_intake)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &str,
) -> Result<Option<ParticipantRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM participants WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

/// The participants the scope may see, by id, after `cursor`.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    scope: Scope<'_>,
    cursor: &str,
    limit: u32,
) -> Result<Vec<ParticipantRow>, sqlx::Error> {
    let (condition, key) = match scope.relation {
        Relation::Region => (
            format!("municipality_id IN {}", super::REGION),
            scope.user_id,
        ),
        Relation::Assigned => ("coach_id = $1".to_owned(), scope.user_id),
        Relation::Own => ("id = $1".to_owned(), scope.participant_id),
        Relation::OwnOrganisation | Relation::OpenInRegion => return Ok(Vec::new()),
    };
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM participants WHERE {condition} AND id > $2 ORDER BY id LIMIT $3"
    )))
    .bind(key)
    .bind(cursor)
    .bind(i64::from(limit))
    .fetch_all(db)
    .await
}

/// Updates a participant when `version` is current; answers whether it did.
pub async fn update(
    db: impl SqliteExecutor<'_>,
    id: &str,
    version: i64,
    p: &NewParticipant<'_>,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE participants SET first_name = $1, last_name = $2, email = $3, phone = $4, languages = $5, \
         dutch_level = $6, municipality_id = $7, cohort_id = $8, coach_id = $9, ladder_rung_at_intake = $10, \
         version = version + 1 WHERE id = $11 AND version = $12",
    )
    .bind(p.first_name)
    .bind(p.last_name)
    .bind(p.email)
    .bind(p.phone)
    .bind(p.languages)
    .bind(p.dutch_level)
    .bind(p.municipality_id)
    .bind(p.cohort_id)
    .bind(p.coach_id)
    .bind(p.ladder_rung_at_intake)
    .bind(id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// How many participants a cohort holds.
pub async fn count_in_cohort(
    db: impl SqliteExecutor<'_>,
    cohort_id: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM participants WHERE cohort_id = $1")
        .bind(cohort_id)
        .fetch_one(db)
        .await
}

/// How many participants a coach supports.
pub async fn count_of_coach(
    db: impl SqliteExecutor<'_>,
    coach_id: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM participants WHERE coach_id = $1")
        .bind(coach_id)
        .fetch_one(db)
        .await
}
