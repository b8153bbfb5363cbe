//! The rows of the CSV downloads: the lists of an account's region, values as stored.

use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
pub struct ParticipantLine {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub languages: String,
    pub dutch_level: String,
    pub municipality: String,
    pub cohort: Option<String>,
    pub coach: Option<String>,
    pub ladder_rung_at_intake: i64,
}

/// The participants of the account's region, by id.
pub async fn participants(
    db: impl SqliteExecutor<'_>,
    user_id: &str,
) -> Result<Vec<ParticipantLine>, sqlx::Error> {
    sqlx::query_as!(
        ParticipantLine,
        r#"SELECT p.id AS "id!", p.first_name, p.last_name, p.email, p.phone, p.languages,
               p.dutch_level, m.name AS municipality, c.name AS "cohort?", u.first_name AS "coach?",
               p.ladder_rung_at_intake
           FROM participants p JOIN municipalities m ON m.id = p.municipality_id
           LEFT JOIN cohorts c ON c.id = p.cohort_id LEFT JOIN users u ON u.id = p.coach_id
           WHERE p.municipality_id IN (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
           ORDER BY p.id"#,
        user_id,
    )
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone)]
pub struct InternshipLine {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub organisation: String,
    pub start_date: String,
    pub end_date: String,
    pub hours_per_week: i64,
    pub supervisor_name: String,
    pub extended: bool,
    pub cancelled: bool,
}

/// The internships of the region's participants, by start date.
pub async fn internships(
    db: impl SqliteExecutor<'_>,
    user_id: &str,
) -> Result<Vec<InternshipLine>, sqlx::Error> {
    sqlx::query_as!(
        InternshipLine,
        r#"SELECT i.id AS "id!", p.first_name, p.last_name, g.name AS organisation, i.start_date,
               i.end_date, i.hours_per_week, i.supervisor_name, i.extended AS "extended!: bool",
               i.cancelled AS "cancelled!: bool"
           FROM internships i JOIN participants p ON p.id = i.participant_id
           JOIN organisations g ON g.id = i.organisation_id
           WHERE p.municipality_id IN (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
           ORDER BY i.start_date, i.id"#,
        user_id,
    )
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone)]
pub struct ExpenseLine {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub category: String,
    pub amount_cents: i64,
    pub description: String,
    pub status: String,
    pub requested_on: String,
}

/// The budget requests of the region's participants, of one status when given, by date.
pub async fn expenses(
    db: impl SqliteExecutor<'_>,
    user_id: &str,
    status: Option<shared::rules::budget::ExpenseStatus>,
) -> Result<Vec<ExpenseLine>, sqlx::Error> {
    sqlx::query_as!(
        ExpenseLine,
        r#"SELECT e.id AS "id!", p.first_name, p.last_name, e.category, e.amount_cents, e.description,
               e.status, e.requested_on
           FROM expenses e JOIN participants p ON p.id = e.participant_id
           WHERE p.municipality_id IN (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
             AND ($2 IS NULL OR e.status = $2)
           ORDER BY e.requested_on, e.id"#,
        user_id,
        status,
    )
    .fetch_all(db)
    .await
}
