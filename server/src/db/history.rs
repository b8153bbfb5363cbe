//! The history of records, written by the triggers of migration 0011 in the transaction of each
//! change; the write path adds who made it.

use shared::ids::{ParticipantId, UserId};
use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub record_type: String,
    pub record_id: String,
    pub at: String,
    pub actor_id: Option<UserId>,
    pub actor_name: Option<String>,
    pub action: Option<String>,
    pub created: bool,
    /// A JSON array of `{"field", "old", "new"}`.
    pub changes: String,
}

/// The last entry written so far, inside a write: the entries after it are that write's.
pub async fn last_seq(db: impl SqliteExecutor<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(r#"SELECT COALESCE(MAX(seq), 0) AS "seq!: i64" FROM record_history"#)
        .fetch_one(db)
        .await
}

/// Marks the entries written after `after` (by the triggers, in this write) as made by `actor`.
pub async fn claim(
    db: impl SqliteExecutor<'_>,
    after: i64,
    actor: &UserId,
    action: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE record_history SET actor_user_id = $1, action = $2 \
         WHERE seq > $3 AND actor_user_id IS NULL",
        actor,
        action,
        after,
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Every change to a participant's file: the participant, their goals and actions,
/// internships, expenses and consents; newest first.
pub async fn of_participant(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    sqlx::query_as!(
        HistoryRow,
        r#"SELECT h.record_type, h.record_id, h.at, h.actor_user_id AS "actor_id?: UserId",
               u.first_name AS actor_name, h.action, h.created AS "created!: bool", h.changes
           FROM record_history h LEFT JOIN users u ON u.id = h.actor_user_id
           WHERE h.participant_id = $1 ORDER BY h.seq DESC"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

/// Every change to one record, newest first.
pub async fn of_record(
    db: impl SqliteExecutor<'_>,
    record_type: &str,
    record_id: &str,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    sqlx::query_as!(
        HistoryRow,
        r#"SELECT h.record_type, h.record_id, h.at, h.actor_user_id AS "actor_id?: UserId",
               u.first_name AS actor_name, h.action, h.created AS "created!: bool", h.changes
           FROM record_history h LEFT JOIN users u ON u.id = h.actor_user_id
           WHERE h.record_type = $1 AND h.record_id = $2 ORDER BY h.seq DESC"#,
        record_type,
        record_id,
    )
    .fetch_all(db)
    .await
}

/// Every change to the participant's consents, oldest first.
pub async fn consents_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    sqlx::query_as!(
        HistoryRow,
        r#"SELECT h.record_type, h.record_id, h.at, h.actor_user_id AS "actor_id?: UserId",
               u.first_name AS actor_name, h.action, h.created AS "created!: bool", h.changes
           FROM record_history h LEFT JOIN users u ON u.id = h.actor_user_id
           WHERE h.participant_id = $1 AND h.record_type = 'consent' ORDER BY h.seq"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

/// A participant's attendance at every meeting of any cohort, with the meeting's date.
pub async fn attendance_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<shared::api::ExportedAttendance>, sqlx::Error> {
    sqlx::query_as!(
        shared::api::ExportedAttendance,
        r#"SELECT a.cohort_id AS "cohort_id!: shared::ids::CohortId",
               a.number AS "meeting!: shared::rules::training::MeetingNumber",
               m.date AS "date?: chrono::NaiveDate",
               a.status AS "status!: shared::rules::training::AttendanceStatus"
           FROM attendance a
           LEFT JOIN meetings m ON m.cohort_id = a.cohort_id AND m.number = a.number
           WHERE a.participant_id = $1 ORDER BY a.cohort_id, a.number"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

/// The company visits a participant registered for.
pub async fn visits_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<shared::api::ExportedVisit>, sqlx::Error> {
    sqlx::query_as!(
        shared::api::ExportedVisit,
        r#"SELECT o.id AS "opening_id!: shared::ids::OpeningId", o.title, g.name AS organisation_name,
               o.date AS "date?: chrono::NaiveDate", o.place
           FROM registrations r JOIN openings o ON o.id = r.opening_id
           JOIN organisations g ON g.id = o.organisation_id
           WHERE r.participant_id = $1 ORDER BY o.date, o.id"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

/// The name of the record an id of a history stands for: a cohort's or a municipality's name,
/// an account's first name (`coach_id`); `None` for another field or a record that is gone.
pub async fn name_of(
    db: impl SqliteExecutor<'_>,
    field: &str,
    id: &str,
) -> Result<Option<String>, sqlx::Error> {
    let name = match field {
        "cohort_id" => {
            sqlx::query_scalar!("SELECT name FROM cohorts WHERE id = $1", id)
                .fetch_optional(db)
                .await?
        }
        "municipality_id" => {
            sqlx::query_scalar!("SELECT name FROM municipalities WHERE id = $1", id)
                .fetch_optional(db)
                .await?
        }
        "coach_id" => sqlx::query_scalar!("SELECT first_name FROM users WHERE id = $1", id)
            .fetch_optional(db)
            .await?
            .flatten(),
        _ => None,
    };
    Ok(name)
}
