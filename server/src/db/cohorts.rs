use sqlx::SqlitePool;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CohortRow {
    pub id: String,
    pub municipality_id: String,
    pub name: String,
    pub location: String,
    pub version: i64,
    pub participants: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MeetingRow {
    pub number: i64,
    pub date: String,
    pub start_time: String,
    pub place: String,
    pub version: i64,
}

const SELECT: &str = "SELECT c.id, c.municipality_id, c.name, c.location, c.version, \
     (SELECT COUNT(*) FROM participants p WHERE p.cohort_id = c.id) AS participants FROM cohorts c";

pub async fn insert(
    db: &SqlitePool,
    municipality_id: &str,
    name: &str,
    location: &str,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(
        "INSERT INTO cohorts (id, municipality_id, name, location) VALUES ($1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(municipality_id)
    .bind(name)
    .bind(location)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn insert_meeting(
    db: &SqlitePool,
    cohort_id: &str,
    number: i64,
    date: &str,
    start_time: &str,
    place: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO meetings (cohort_id, number, date, start_time, place) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(cohort_id)
    .bind(number)
    .bind(date)
    .bind(start_time)
    .bind(place)
    .execute(db)
    .await
    .map(|_| ())
}

pub async fn by_id(db: &SqlitePool, id: &str) -> Result<Option<CohortRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE c.id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn meetings(db: &SqlitePool, cohort_id: &str) -> Result<Vec<MeetingRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT number, date, start_time, place, version FROM meetings WHERE cohort_id = $1 ORDER BY number",
    )
    .bind(cohort_id)
    .fetch_all(db)
    .await
}

pub async fn list_in_region(
    db: &SqlitePool,
    user_id: &str,
    cursor: &str,
    limit: u32,
) -> Result<Vec<CohortRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE c.municipality_id IN {} AND c.id > $2 ORDER BY c.id LIMIT $3",
        super::REGION
    )))
    .bind(user_id)
    .bind(cursor)
    .bind(i64::from(limit))
    .fetch_all(db)
    .await
}
