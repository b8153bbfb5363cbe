//! The MAP evidence: programme settings per municipality, a participant's civic-integration facts
//! and the activities that hold hours (meetings, company visits).

use chrono::NaiveDate;
use shared::{
    api::{
        CivicIntegrationDetail, ProgrammeSettingsDetail, ValidCivicIntegration,
        ValidProgrammeSettings,
    },
    ids::{MunicipalityId, ParticipantId},
    rules::{
        map::IntegrationRoute,
        training::{AttendanceStatus, MeetingNumber},
    },
};
use sqlx::SqliteExecutor;

use crate::AppError;

fn small(n: i64, what: &'static str) -> Result<u32, AppError> {
    u32::try_from(n).map_err(|_| AppError::stored(what))
}

/// The municipality's programme settings, or the defaults (version 0) when none are stored.
pub async fn settings_of(
    db: impl SqliteExecutor<'_>,
    municipality_id: &MunicipalityId,
) -> Result<ProgrammeSettingsDetail, AppError> {
    let row = sqlx::query!(
        r#"SELECT practice_hours_required, meeting_minutes, visit_minutes,
               placement_max_hours_per_week, stage_max_allowance_cents, insurance_note, version
           FROM programme_settings WHERE municipality_id = $1"#,
        municipality_id,
    )
    .fetch_optional(db)
    .await?;
    let Some(row) = row else {
        return Ok(ProgrammeSettingsDetail::defaults(municipality_id.clone()));
    };
    Ok(ProgrammeSettingsDetail {
        municipality_id: municipality_id.clone(),
        version: row.version,
        practice_hours_required: small(row.practice_hours_required, "practice hours")?,
        meeting_minutes: small(row.meeting_minutes, "meeting minutes")?,
        visit_minutes: small(row.visit_minutes, "visit minutes")?,
        placement_max_hours_per_week: small(row.placement_max_hours_per_week, "placement hours")?,
        stage_max_allowance_cents: row.stage_max_allowance_cents,
        insurance_note: row.insurance_note,
    })
}

/// Stores the settings over `version`: inserts them when none are stored and `version` is 0,
/// else updates the row of that version. `false` when the version was not the stored one.
pub async fn save_settings(
    db: &mut sqlx::SqliteConnection,
    municipality_id: &MunicipalityId,
    version: i64,
    s: &ValidProgrammeSettings,
) -> Result<bool, sqlx::Error> {
    let note = s.insurance_note.as_str();
    let result = if version == 0 {
        sqlx::query!(
            "INSERT INTO programme_settings (municipality_id, practice_hours_required, meeting_minutes, \
             visit_minutes, placement_max_hours_per_week, stage_max_allowance_cents, insurance_note) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (municipality_id) DO NOTHING",
            municipality_id,
            s.practice_hours_required,
            s.meeting_minutes,
            s.visit_minutes,
            s.placement_max_hours_per_week,
            s.stage_max_allowance_cents,
            note,
        )
        .execute(&mut *db)
        .await?
    } else {
        sqlx::query!(
            "UPDATE programme_settings SET practice_hours_required = $1, meeting_minutes = $2, \
             visit_minutes = $3, placement_max_hours_per_week = $4, stage_max_allowance_cents = $5, \
             insurance_note = $6, version = version + 1 WHERE municipality_id = $7 AND version = $8",
            s.practice_hours_required,
            s.meeting_minutes,
            s.visit_minutes,
            s.placement_max_hours_per_week,
            s.stage_max_allowance_cents,
            note,
            municipality_id,
            version,
        )
        .execute(&mut *db)
        .await?
    };
    Ok(result.rows_affected() == 1)
}

/// The stored version of the settings; 0 while the defaults hold.
pub async fn settings_version(
    db: impl SqliteExecutor<'_>,
    municipality_id: &MunicipalityId,
) -> Result<i64, sqlx::Error> {
    Ok(sqlx::query_scalar!(
        "SELECT version FROM programme_settings WHERE municipality_id = $1",
        municipality_id,
    )
    .fetch_optional(db)
    .await?
    .unwrap_or(0))
}

/// The participant's civic-integration facts.
pub async fn civic_integration_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Option<CivicIntegrationDetail>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT integration_route AS "route?: IntegrationRoute",
               date_of_birth AS "date_of_birth?: NaiveDate", map_remarks, version
           FROM participants WHERE id = $1"#,
        participant_id,
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| CivicIntegrationDetail {
        participant_id: participant_id.clone(),
        version: r.version,
        route: r.route,
        date_of_birth: r.date_of_birth,
        coach_remarks: r.map_remarks,
    }))
}

/// Stores the facts over `version` of the participant; `false` when the version was not the
/// stored one.
pub async fn save_civic_integration(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
    version: i64,
    c: &ValidCivicIntegration,
) -> Result<bool, sqlx::Error> {
    let remarks = c.coach_remarks.as_str();
    let result = sqlx::query!(
        "UPDATE participants SET integration_route = $1, date_of_birth = $2, map_remarks = $3, \
         version = version + 1 WHERE id = $4 AND version = $5",
        c.route,
        c.date_of_birth,
        remarks,
        participant_id,
        version,
    )
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// A meeting of the participant's cohort with their attendance.
#[derive(Debug, Clone)]
pub struct AttendedMeeting {
    pub number: MeetingNumber,
    pub date: NaiveDate,
    pub duration_minutes: Option<i64>,
    pub status: AttendanceStatus,
}

/// The meetings of the participant's own cohort for which attendance is recorded.
pub async fn attended_meetings(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<AttendedMeeting>, sqlx::Error> {
    sqlx::query_as!(
        AttendedMeeting,
        r#"SELECT a.number AS "number!: MeetingNumber", m.date AS "date!: NaiveDate",
               m.duration_minutes, a.status AS "status!: AttendanceStatus"
           FROM attendance a
           JOIN participants p ON p.id = a.participant_id AND p.cohort_id = a.cohort_id
           JOIN meetings m ON m.cohort_id = a.cohort_id AND m.number = a.number
           WHERE a.participant_id = $1 ORDER BY a.number"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

/// A company visit the participant registered for.
#[derive(Debug, Clone)]
pub struct Visit {
    pub date: NaiveDate,
    pub organisation_name: String,
}

/// The participant's company visits with a date on or before `today`.
pub async fn visits_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
    today: NaiveDate,
) -> Result<Vec<Visit>, sqlx::Error> {
    sqlx::query_as!(
        Visit,
        r#"SELECT o.date AS "date!: NaiveDate", g.name AS organisation_name
           FROM registrations r JOIN openings o ON o.id = r.opening_id
           JOIN organisations g ON g.id = o.organisation_id
           WHERE r.participant_id = $1 AND o.kind = 'company_visit' AND o.date IS NOT NULL
             AND o.date <= $2
           ORDER BY o.date"#,
        participant_id,
        today,
    )
    .fetch_all(db)
    .await
}
