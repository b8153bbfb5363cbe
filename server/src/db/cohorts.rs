use sqlx::{SqliteConnection, SqliteExecutor};

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
    db: impl SqliteExecutor<'_>,
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
    db: impl SqliteExecutor<'_>,
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

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &str,
) -> Result<Option<CohortRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE c.id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn meetings(
    db: impl SqliteExecutor<'_>,
    cohort_id: &str,
) -> Result<Vec<MeetingRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT number, date, start_time, place, version FROM meetings WHERE cohort_id = $1 ORDER BY number",
    )
    .bind(cohort_id)
    .fetch_all(db)
    .await
}

pub async fn list_in_region(
    db: impl SqliteExecutor<'_>,
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

/// Schedules (or moves) meeting `number`. A new meeting starts at version 1; an existing one
/// changes only from `version`. Answers whether it was written.
pub async fn schedule_meeting(
    db: impl SqliteExecutor<'_>,
    cohort_id: &str,
    number: i64,
    version: i64,
    date: &str,
    start_time: &str,
    place: &str,
) -> Result<bool, sqlx::Error> {
    let done = if version == 0 {
        sqlx::query(
            "INSERT INTO meetings (cohort_id, number, date, start_time, place) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (cohort_id, number) DO NOTHING",
        )
        .bind(cohort_id)
        .bind(number)
        .bind(date)
        .bind(start_time)
        .bind(place)
        .execute(db)
        .await?
    } else {
        sqlx::query(
            "UPDATE meetings SET date = $1, start_time = $2, place = $3, version = version + 1 \
             WHERE cohort_id = $4 AND number = $5 AND version = $6",
        )
        .bind(date)
        .bind(start_time)
        .bind(place)
        .bind(cohort_id)
        .bind(number)
        .bind(version)
        .execute(db)
        .await?
    };
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttendanceRow {
    pub participant_id: String,
    pub first_name: String,
    pub last_name: String,
    pub status: Option<String>,
}

/// The cohort's participants with their attendance at meeting `number`.
pub async fn attendance(
    db: impl SqliteExecutor<'_>,
    cohort_id: &str,
    number: i64,
) -> Result<Vec<AttendanceRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id AS participant_id, p.first_name, p.last_name, a.status FROM participants p \
         LEFT JOIN attendance a ON a.participant_id = p.id AND a.cohort_id = p.cohort_id AND a.number = $2 \
         WHERE p.cohort_id = $1 ORDER BY p.first_name, p.last_name, p.id",
    )
    .bind(cohort_id)
    .bind(number)
    .fetch_all(db)
    .await
}

/// Saves a meeting's attendance lines in one transaction.
pub async fn save_attendance(
    db: &mut SqliteConnection,
    cohort_id: &str,
    number: i64,
    lines: &[(String, String)],
) -> Result<(), sqlx::Error> {
    for (participant_id, status) in lines {
        sqlx::query(
            "INSERT INTO attendance (cohort_id, number, participant_id, status) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (cohort_id, number, participant_id) \
             DO UPDATE SET status = excluded.status, version = attendance.version + 1",
        )
        .bind(cohort_id)
        .bind(number)
        .bind(participant_id)
        .bind(status)
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// A participant's attendance per meeting number of their cohort.
pub async fn attendance_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.number, a.status FROM attendance a JOIN participants p ON p.id = a.participant_id \
         WHERE a.participant_id = $1 AND a.cohort_id = p.cohort_id ORDER BY a.number",
    )
    .bind(participant_id)
    .fetch_all(db)
    .await
}
