//! The coach's contact log.

use chrono::NaiveDate;
use shared::ids::{ContactId, ParticipantId, UserId};
use shared::rules::contact::ContactKind;
use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
pub struct ContactRow {
    pub id: ContactId,
    pub date: NaiveDate,
    pub kind: ContactKind,
    pub minutes: i64,
    pub note: String,
    pub summary: String,
    pub version: i64,
}

pub async fn of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<ContactRow>, sqlx::Error> {
    sqlx::query_as!(
        ContactRow,
        r#"SELECT id AS "id!: ContactId", date AS "date!: NaiveDate", kind AS "kind!: ContactKind",
               minutes, note, summary, version
           FROM contacts WHERE participant_id = $1 ORDER BY date DESC, created_at DESC, id"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone)]
pub struct NewContact<'a> {
    pub participant_id: &'a ParticipantId,
    pub coach_id: &'a UserId,
    pub date: NaiveDate,
    pub kind: ContactKind,
    pub minutes: i64,
    pub note: &'a str,
    pub summary: &'a str,
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    c: &NewContact<'_>,
) -> Result<ContactId, sqlx::Error> {
    let id: ContactId = super::new_id();
    sqlx::query!(
        "INSERT INTO contacts (id, participant_id, coach_id, date, kind, minutes, note, summary, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &id,
        c.participant_id,
        c.coach_id,
        c.date,
        c.kind,
        c.minutes,
        c.note,
        c.summary,
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
    )
    .execute(db)
    .await?;
    Ok(id)
}
