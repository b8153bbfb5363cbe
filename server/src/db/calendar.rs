//! Calendar feeds: their tokens (stored hashed) and the dated records a feed shows.

use chrono::NaiveDate;
use shared::ids::{OrganisationId, UserId};
use sqlx::SqliteExecutor;

/// Revokes the account's live tokens and stores a new one.
pub async fn replace(
    db: &mut sqlx::SqliteConnection,
    user_id: &UserId,
    token_hash: &str,
    now: &str,
) -> Result<String, sqlx::Error> {
    revoke(&mut *db, user_id, now).await?;
    let id: String = super::new_id();
    sqlx::query!(
        "INSERT INTO calendar_feeds (id, user_id, token_hash, created_at) VALUES ($1, $2, $3, $4)",
        id,
        user_id,
        token_hash,
        now,
    )
    .execute(&mut *db)
    .await?;
    Ok(id)
}

/// Revokes the account's live tokens; answers how many there were.
pub async fn revoke(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
    now: &str,
) -> Result<u64, sqlx::Error> {
    sqlx::query!(
        "UPDATE calendar_feeds SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
        user_id,
        now,
    )
    .execute(db)
    .await
    .map(|done| done.rows_affected())
}

/// When the account's live token was made, if it has one.
pub async fn live_since(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT created_at AS "created_at!" FROM calendar_feeds
           WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1"#,
        user_id,
    )
    .fetch_optional(db)
    .await
}

/// The account a live token belongs to, when the account is enabled.
pub async fn account_of(
    db: impl SqliteExecutor<'_>,
    token_hash: &str,
) -> Result<Option<UserId>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT u.id AS "id!: UserId" FROM calendar_feeds f JOIN users u ON u.id = f.user_id
           WHERE f.token_hash = $1 AND f.revoked_at IS NULL AND u.disabled = 0"#,
        token_hash,
    )
    .fetch_optional(db)
    .await
}

#[derive(Debug, Clone)]
pub struct MeetingLine {
    pub cohort_id: String,
    pub number: i64,
    pub date: NaiveDate,
    pub start_time: String,
    pub place: String,
    /// The meeting's own duration, when it has one.
    pub own_minutes: Option<i64>,
    /// Its municipality's setting, when it has one.
    pub municipality_minutes: Option<i64>,
    pub version: i64,
}

/// The scheduled meetings of the cohorts of a participant (`participant_id`) or of a coach's
/// participants (`coach_id`); the other is empty.
pub async fn meetings(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
    coach_id: &str,
) -> Result<Vec<MeetingLine>, sqlx::Error> {
    sqlx::query_as!(
        MeetingLine,
        r#"SELECT m.cohort_id, m.number, m.date AS "date!: NaiveDate", m.start_time, m.place,
               m.duration_minutes AS "own_minutes?: i64",
               s.meeting_minutes AS "municipality_minutes?: i64", m.version
           FROM meetings m
           JOIN cohorts c ON c.id = m.cohort_id
           LEFT JOIN programme_settings s ON s.municipality_id = c.municipality_id
           WHERE m.cohort_id IN
               (SELECT cohort_id FROM participants WHERE id = $1 OR coach_id = $2)
           ORDER BY m.date, m.cohort_id"#,
        participant_id,
        coach_id,
    )
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone)]
pub struct DatedLine {
    /// The record's id: an opening, an internship or an action.
    pub id: String,
    /// Whose it is: the participant's first name (empty in a participant's own feed).
    pub who: String,
    /// What: an opening's title, an organisation's name, an action's text.
    pub what: String,
    pub place: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub version: i64,
}

/// The company visits a participant (or a coach's participants) registered for, one line per
/// visit.
pub async fn visits(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
    coach_id: &str,
) -> Result<Vec<DatedLine>, sqlx::Error> {
    sqlx::query_as!(
        DatedLine,
        r#"SELECT o.id AS "id!", group_concat(p.first_name, ', ') AS "who!: String",
               o.title || ' (' || g.name || ')' AS "what!: String", o.place,
               o.date AS "start!: NaiveDate", o.date AS "end!: NaiveDate", o.version
           FROM registrations r JOIN openings o ON o.id = r.opening_id
           JOIN organisations g ON g.id = o.organisation_id JOIN participants p ON p.id = r.participant_id
           WHERE (p.id = $1 OR p.coach_id = $2) AND o.date IS NOT NULL
           GROUP BY o.id ORDER BY o.date"#,
        participant_id,
        coach_id,
    )
    .fetch_all(db)
    .await
}

/// The internships (not cancelled) of a participant or of a coach's participants.
pub async fn internships(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
    coach_id: &str,
) -> Result<Vec<DatedLine>, sqlx::Error> {
    sqlx::query_as!(
        DatedLine,
        r#"SELECT i.id AS "id!", p.first_name AS who, g.name AS what,
               g.street || ', ' || g.city AS "place?: String",
               i.start_date AS "start!: NaiveDate", i.end_date AS "end!: NaiveDate", i.version
           FROM internships i JOIN participants p ON p.id = i.participant_id
           JOIN organisations g ON g.id = i.organisation_id
           WHERE (p.id = $1 OR p.coach_id = $2) AND i.cancelled = 0 ORDER BY i.start_date"#,
        participant_id,
        coach_id,
    )
    .fetch_all(db)
    .await
}

/// The open actions with a due date of a participant's plan (their own) or of a coach's
/// participants' plans (every owner).
pub async fn actions(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
    coach_id: &str,
) -> Result<Vec<DatedLine>, sqlx::Error> {
    sqlx::query_as!(
        DatedLine,
        r#"SELECT a.id AS "id!", p.first_name AS who, a.text AS what, NULL AS "place?: String",
               a.due_date AS "start!: NaiveDate", a.due_date AS "end!: NaiveDate", a.version
           FROM actions a JOIN goals g ON g.id = a.goal_id JOIN participants p ON p.id = g.participant_id
           WHERE ((p.id = $1 AND a.owner = 'participant') OR p.coach_id = $2)
             AND a.due_date IS NOT NULL AND a.done = 0 ORDER BY a.due_date"#,
        participant_id,
        coach_id,
    )
    .fetch_all(db)
    .await
}

/// The company visits an organisation holds.
pub async fn organisation_visits(
    db: impl SqliteExecutor<'_>,
    organisation_id: &OrganisationId,
) -> Result<Vec<DatedLine>, sqlx::Error> {
    sqlx::query_as!(
        DatedLine,
        r#"SELECT o.id AS "id!", '' AS "who!: String", o.title AS what, o.place,
               o.date AS "start!: NaiveDate", o.date AS "end!: NaiveDate", o.version
           FROM openings o WHERE o.organisation_id = $1 AND o.date IS NOT NULL
             AND o.status <> 'draft' ORDER BY o.date"#,
        organisation_id,
    )
    .fetch_all(db)
    .await
}

/// The internships (not cancelled) at an organisation.
pub async fn organisation_internships(
    db: impl SqliteExecutor<'_>,
    organisation_id: &OrganisationId,
) -> Result<Vec<DatedLine>, sqlx::Error> {
    sqlx::query_as!(
        DatedLine,
        r#"SELECT i.id AS "id!", p.first_name AS who, g.name AS what,
               g.street || ', ' || g.city AS "place?: String",
               i.start_date AS "start!: NaiveDate", i.end_date AS "end!: NaiveDate", i.version
           FROM internships i JOIN participants p ON p.id = i.participant_id
           JOIN organisations g ON g.id = i.organisation_id
           WHERE i.organisation_id = $1 AND i.cancelled = 0 ORDER BY i.start_date"#,
        organisation_id,
    )
    .fetch_all(db)
    .await
}
