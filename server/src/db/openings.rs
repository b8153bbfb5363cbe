use sqlx::SqliteExecutor;

use super::Scope;
use crate::access::Relation;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OpeningRow {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub municipality_id: String,
    pub kind: String,
    pub status: String,
    pub title: String,
    pub description: String,
    pub date: Option<String>,
    pub place: Option<String>,
    pub capacity: Option<i64>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub hours_per_week: Option<i64>,
    pub dutch_level: Option<String>,
    pub version: i64,
}

const SELECT: &str = "SELECT o.id, o.organisation_id, g.name AS organisation_name, g.municipality_id, \
     o.kind, o.status, o.title, o.description, o.date, o.place, o.capacity, o.start_date, o.end_date, \
     o.hours_per_week, o.dutch_level, o.version \
     FROM openings o JOIN organisations g ON g.id = o.organisation_id";

#[derive(Debug, Clone, Default)]
pub struct NewOpening<'a> {
    pub organisation_id: &'a str,
    pub kind: &'a str,
    pub status: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub date: Option<&'a str>,
    pub place: Option<&'a str>,
    pub capacity: Option<i64>,
    pub start_date: Option<&'a str>,
    pub end_date: Option<&'a str>,
    pub hours_per_week: Option<i64>,
    pub dutch_level: Option<&'a str>,
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    o: &NewOpening<'_>,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(
        "INSERT INTO openings (id, organisation_id, kind, status, title, description, date, place, \
         capacity, start_date, end_date, hours_per_week, dutch_level) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&id)
    .bind(o.organisation_id)
    .bind(o.kind)
    .bind(o.status)
    .bind(o.title)
    .bind(o.description)
    .bind(o.date)
    .bind(o.place)
    .bind(o.capacity)
    .bind(o.start_date)
    .bind(o.end_date)
    .bind(o.hours_per_week)
    .bind(o.dutch_level)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &str,
) -> Result<Option<OpeningRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE o.id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// The openings the scope may see, optionally of one organisation, by id, after `cursor`.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    scope: Scope<'_>,
    organisation_id: Option<&str>,
    cursor: &str,
    limit: u32,
) -> Result<Vec<OpeningRow>, sqlx::Error> {
    let (condition, key) = match scope.relation {
        Relation::Region => (
            format!("g.municipality_id IN {}", super::REGION),
            scope.user_id,
        ),
        Relation::OpenInRegion => (
            format!(
                "g.municipality_id IN {} AND o.status = 'open'",
                super::REGION
            ),
            scope.user_id,
        ),
        Relation::OwnOrganisation => ("o.organisation_id = $1".to_owned(), scope.organisation_id),
        Relation::Assigned | Relation::Own => return Ok(Vec::new()),
    };
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE {condition} AND ($4 = '' OR o.organisation_id = $4) AND o.id > $2 \
         ORDER BY o.id LIMIT $3"
    )))
    .bind(key)
    .bind(cursor)
    .bind(i64::from(limit))
    .bind(organisation_id.unwrap_or(""))
    .fetch_all(db)
    .await
}

/// Updates an opening when `version` is current; answers whether it did.
pub async fn update(
    db: impl SqliteExecutor<'_>,
    id: &str,
    version: i64,
    o: &NewOpening<'_>,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE openings SET kind = $1, status = $2, title = $3, description = $4, date = $5, place = $6, \
         capacity = $7, start_date = $8, end_date = $9, hours_per_week = $10, dutch_level = $11, \
         version = version + 1 WHERE id = $12 AND version = $13",
    )
    .bind(o.kind)
    .bind(o.status)
    .bind(o.title)
    .bind(o.description)
    .bind(o.date)
    .bind(o.place)
    .bind(o.capacity)
    .bind(o.start_date)
    .bind(o.end_date)
    .bind(o.hours_per_week)
    .bind(o.dutch_level)
    .bind(id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// The participants registered for an opening (a company visit).
pub async fn registered(
    db: impl SqliteExecutor<'_>,
    opening_id: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT participant_id FROM registrations WHERE opening_id = $1 ORDER BY id")
        .bind(opening_id)
        .fetch_all(db)
        .await
}

/// Registers a participant for a visit; the caller's write transaction checked the capacity.
pub async fn register(
    db: impl SqliteExecutor<'_>,
    opening_id: &str,
    participant_id: &str,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query("INSERT INTO registrations (id, opening_id, participant_id) VALUES ($1, $2, $3)")
        .bind(&id)
        .bind(opening_id)
        .bind(participant_id)
        .execute(db)
        .await?;
    Ok(id)
}

/// The dates of the company visits a participant is registered for.
pub async fn visit_dates_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT o.date FROM registrations r JOIN openings o ON o.id = r.opening_id \
         WHERE r.participant_id = $1 AND o.date IS NOT NULL ORDER BY o.date",
    )
    .bind(participant_id)
    .fetch_all(db)
    .await
}
