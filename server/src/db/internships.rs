//! Internships and their evaluations.

use sqlx::SqliteExecutor;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InternshipRow {
    pub id: String,
    pub participant_id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub opening_id: Option<String>,
    pub start_date: String,
    pub end_date: String,
    pub original_end_date: String,
    pub hours_per_week: i64,
    pub supervisor_name: String,
    pub extended: bool,
    pub cancelled: bool,
    pub version: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EvaluationRow {
    pub moment: String,
    pub evaluator: String,
    pub punctuality: i64,
    pub cooperation: i64,
    pub dutch_at_work: i64,
    pub professional_skills: i64,
    pub remarks: String,
}

const SELECT: &str = "SELECT i.id, i.participant_id, i.organisation_id, g.name AS organisation_name, \
     i.opening_id, i.start_date, i.end_date, i.original_end_date, i.hours_per_week, i.supervisor_name, \
     i.extended, i.cancelled, i.version FROM internships i JOIN organisations g ON g.id = i.organisation_id";

pub async fn of(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
) -> Result<Vec<InternshipRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE i.participant_id = $1 ORDER BY i.start_date, i.id"
    )))
    .bind(participant_id)
    .fetch_all(db)
    .await
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &str,
) -> Result<Option<InternshipRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE i.id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

#[derive(Debug, Clone)]
pub struct NewInternship<'a> {
    pub participant_id: &'a str,
    pub organisation_id: &'a str,
    pub opening_id: Option<&'a str>,
    pub start_date: &'a str,
    pub end_date: &'a str,
    pub hours_per_week: i64,
    pub supervisor_name: &'a str,
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    i: &NewInternship<'_>,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(
        "INSERT INTO internships (id, participant_id, organisation_id, opening_id, start_date, end_date, \
         original_end_date, hours_per_week, supervisor_name) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)",
    )
    .bind(&id)
    .bind(i.participant_id)
    .bind(i.organisation_id)
    .bind(i.opening_id)
    .bind(i.start_date)
    .bind(i.end_date)
    .bind(i.hours_per_week)
    .bind(i.supervisor_name)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn extend(
    db: impl SqliteExecutor<'_>,
    id: &str,
    version: i64,
    end_date: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE internships SET end_date = $1, extended = 1, version = version + 1 \
         WHERE id = $2 AND version = $3 AND extended = 0",
    )
    .bind(end_date)
    .bind(id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

pub async fn cancel(
    db: impl SqliteExecutor<'_>,
    id: &str,
    version: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query("UPDATE internships SET cancelled = 1, version = version + 1 WHERE id = $1 AND version = $2")
        .bind(id)
        .bind(version)
        .execute(db)
        .await
        .map(|r| r.rows_affected() == 1)
}

pub async fn evaluations(
    db: impl SqliteExecutor<'_>,
    internship_id: &str,
) -> Result<Vec<EvaluationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT moment, evaluator, punctuality, cooperation, dutch_at_work, professional_skills, remarks \
         FROM evaluations WHERE internship_id = $1 ORDER BY moment, evaluator",
    )
    .bind(internship_id)
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone)]
pub struct NewEvaluation<'a> {
    pub internship_id: &'a str,
    pub moment: &'a str,
    pub evaluator: &'a str,
    pub scores: [i64; 4],
    pub remarks: &'a str,
}

/// Stores an evaluation; false when that moment was already evaluated by that evaluator.
pub async fn insert_evaluation(
    db: impl SqliteExecutor<'_>,
    e: &NewEvaluation<'_>,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "INSERT INTO evaluations (id, internship_id, moment, evaluator, punctuality, cooperation, dutch_at_work, \
         professional_skills, remarks) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (internship_id, moment, evaluator) DO NOTHING",
    )
    .bind(super::new_id())
    .bind(e.internship_id)
    .bind(e.moment)
    .bind(e.evaluator)
    .bind(e.scores[0])
    .bind(e.scores[1])
    .bind(e.scores[2])
    .bind(e.scores[3])
    .bind(e.remarks)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
