//! Cohorts, their 8 meetings and the attendance at each.

use chrono::NaiveDate;
use shared::{
    api::{self, CohortSummary, MeetingDetail, ValidMeeting},
    ids::{CohortId, MunicipalityId, ParticipantId, UserId},
    rules::training::{self, AttendanceStatus, MeetingNumber, Theme, cohort_is_small},
};
use sqlx::{SqliteConnection, SqliteExecutor};

use crate::AppError;

#[derive(Debug, Clone)]
pub struct CohortRow {
    pub id: CohortId,
    pub municipality_id: MunicipalityId,
    pub name: String,
    pub location: String,
    pub version: i64,
    pub participants: i64,
}

#[derive(Debug, Clone)]
pub struct MeetingRow {
    pub number: MeetingNumber,
    pub date: NaiveDate,
    pub start_time: String,
    pub place: String,
    pub duration_minutes: Option<i64>,
    pub version: i64,
}

impl TryFrom<CohortRow> for CohortSummary {
    type Error = AppError;
    fn try_from(row: CohortRow) -> Result<Self, AppError> {
        let participants =
            u32::try_from(row.participants).map_err(|_| AppError::stored("cohort size"))?;
        Ok(CohortSummary {
            id: row.id,
            version: row.version,
            municipality_id: row.municipality_id,
            name: row.name,
            location: row.location,
            participants,
            small: cohort_is_small(participants),
        })
    }
}

/// The 8 meetings in order, scheduled or not.
pub fn meeting_details(scheduled: &[MeetingRow]) -> Vec<MeetingDetail> {
    MeetingNumber::all()
        .map(|number| {
            let stored = scheduled.iter().find(|m| m.number == number);
            MeetingDetail {
                number,
                theme: Theme::of(number),
                date: stored.map(|m| m.date),
                start_time: stored.map(|m| m.start_time.clone()),
                place: stored.map(|m| m.place.clone()),
                duration_minutes: stored
                    .and_then(|m| m.duration_minutes)
                    .and_then(|m| u32::try_from(m).ok()),
                version: stored.map_or(0, |m| m.version),
            }
        })
        .collect()
}

/// The dates of the 8 meetings, for the schedule rules.
pub fn schedule_of(scheduled: &[MeetingRow]) -> training::Schedule {
    let mut schedule: training::Schedule = [None; 8];
    for meeting in scheduled {
        if let Some(slot) = schedule.get_mut(meeting.number.index()) {
            *slot = Some(meeting.date);
        }
    }
    schedule
}

impl From<AttendanceRow> for api::AttendanceRow {
    fn from(row: AttendanceRow) -> Self {
        api::AttendanceRow {
            participant_id: row.participant_id,
            first_name: row.first_name,
            last_name: row.last_name,
            status: row.status,
        }
    }
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    municipality_id: &MunicipalityId,
    name: &str,
    location: &str,
) -> Result<CohortId, sqlx::Error> {
    let id: CohortId = super::new_id();
    sqlx::query!(
        "INSERT INTO cohorts (id, municipality_id, name, location) VALUES ($1, $2, $3, $4)",
        id,
        municipality_id,
        name,
        location,
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn insert_meeting(
    db: impl SqliteExecutor<'_>,
    cohort_id: &CohortId,
    number: MeetingNumber,
    date: NaiveDate,
    start_time: &str,
    place: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO meetings (cohort_id, number, date, start_time, place) VALUES ($1, $2, $3, $4, $5)",
        cohort_id,
        number,
        date,
        start_time,
        place,
    )
    .execute(db)
    .await
    .map(|_| ())
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &CohortId,
) -> Result<Option<CohortRow>, sqlx::Error> {
    sqlx::query_as!(
        CohortRow,
        r#"SELECT c.id AS "id!: CohortId", c.municipality_id AS "municipality_id!: MunicipalityId",
               c.name, c.location, c.version,
               (SELECT COUNT(*) FROM participants p WHERE p.cohort_id = c.id) AS "participants!: i64"
           FROM cohorts c WHERE c.id = $1"#,
        id,
    )
    .fetch_optional(db)
    .await
}

pub async fn meetings(
    db: impl SqliteExecutor<'_>,
    cohort_id: &CohortId,
) -> Result<Vec<MeetingRow>, sqlx::Error> {
    sqlx::query_as!(
        MeetingRow,
        r#"SELECT number AS "number!: MeetingNumber", date AS "date!: NaiveDate", start_time, place,
               duration_minutes, version
           FROM meetings WHERE cohort_id = $1 ORDER BY number"#,
        cohort_id,
    )
    .fetch_all(db)
    .await
}

pub async fn list_in_region(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
    cursor: &str,
    limit: u32,
) -> Result<Vec<CohortRow>, sqlx::Error> {
    let limit = i64::from(limit);
    sqlx::query_as!(
        CohortRow,
        r#"SELECT c.id AS "id!: CohortId", c.municipality_id AS "municipality_id!: MunicipalityId",
               c.name, c.location, c.version,
               (SELECT COUNT(*) FROM participants p WHERE p.cohort_id = c.id) AS "participants!: i64"
           FROM cohorts c
           WHERE c.municipality_id IN (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
             AND c.id > $2 ORDER BY c.id LIMIT $3"#,
        user_id,
        cursor,
        limit,
    )
    .fetch_all(db)
    .await
}

/// Schedules (or moves) meeting `number`. A new meeting starts at version 1; an existing one
/// changes only from `version`. Answers whether it was written.
pub async fn schedule_meeting(
    db: impl SqliteExecutor<'_>,
    cohort_id: &CohortId,
    number: MeetingNumber,
    version: i64,
    meeting: &ValidMeeting,
) -> Result<bool, sqlx::Error> {
    let start_time = meeting.start_time.format("%H:%M").to_string();
    let place = meeting.place.as_str();
    let duration = meeting.duration_minutes.map(i64::from);
    let done = if version == 0 {
        sqlx::query!(
            "INSERT INTO meetings (cohort_id, number, date, start_time, place, duration_minutes) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (cohort_id, number) DO NOTHING",
            cohort_id,
            number,
            meeting.date,
            start_time,
            place,
            duration,
        )
        .execute(db)
        .await?
    } else {
        sqlx::query!(
            "UPDATE meetings SET date = $1, start_time = $2, place = $3, duration_minutes = $4, \
             version = version + 1 WHERE cohort_id = $5 AND number = $6 AND version = $7",
            meeting.date,
            start_time,
            place,
            duration,
            cohort_id,
            number,
            version,
        )
        .execute(db)
        .await?
    };
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone)]
pub struct AttendanceRow {
    pub participant_id: ParticipantId,
    pub coach_id: Option<UserId>,
    pub first_name: String,
    pub last_name: String,
    pub status: Option<AttendanceStatus>,
}

/// The cohort's participants with their attendance at meeting `number`.
pub async fn attendance(
    db: impl SqliteExecutor<'_>,
    cohort_id: &CohortId,
    number: MeetingNumber,
) -> Result<Vec<AttendanceRow>, sqlx::Error> {
    sqlx::query_as!(
        AttendanceRow,
        r#"SELECT p.id AS "participant_id!: ParticipantId", p.coach_id AS "coach_id?: UserId",
               p.first_name, p.last_name, a.status AS "status?: AttendanceStatus"
           FROM participants p
           LEFT JOIN attendance a ON a.participant_id = p.id AND a.cohort_id = p.cohort_id AND a.number = $2
           WHERE p.cohort_id = $1 ORDER BY p.first_name, p.last_name, p.id"#,
        cohort_id,
        number,
    )
    .fetch_all(db)
    .await
}

/// Saves a meeting's attendance lines in one transaction.
pub async fn save_attendance(
    db: &mut SqliteConnection,
    cohort_id: &CohortId,
    number: MeetingNumber,
    lines: &[(ParticipantId, AttendanceStatus)],
) -> Result<(), sqlx::Error> {
    for (participant_id, status) in lines {
        sqlx::query!(
            "INSERT INTO attendance (cohort_id, number, participant_id, status) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (cohort_id, number, participant_id) \
             DO UPDATE SET status = excluded.status, version = attendance.version + 1",
            cohort_id,
            number,
            participant_id,
            status,
        )
        .execute(&mut *db)
        .await?;
    }
    Ok(())
}

/// A participant's attendance per meeting number of their cohort.
pub async fn attendance_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<(MeetingNumber, AttendanceStatus)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT a.number AS "number!: MeetingNumber", a.status AS "status!: AttendanceStatus"
           FROM attendance a JOIN participants p ON p.id = a.participant_id
           WHERE a.participant_id = $1 AND a.cohort_id = p.cohort_id ORDER BY a.number"#,
        participant_id,
    )
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|r| (r.number, r.status)).collect())
}

/// Meetings attended or made up by the participant.
pub async fn meetings_attended(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<u32, sqlx::Error> {
    let statuses = attendance_of(db, participant_id).await?;
    Ok(training::attended_count(
        statuses.into_iter().map(|(_, s)| s),
    ))
}
