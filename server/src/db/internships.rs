//! Internships and their evaluations.

use chrono::NaiveDate;
use shared::{
    api::EvaluationDetail,
    ids::{EvaluationId, InternshipId, OpeningId, OrganisationId, ParticipantId},
    rules::internship::{EvaluationMoment, Evaluator, PlannedInternship},
    rules::placement::PlacementKind,
    values::PersonName,
};
use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
pub struct InternshipRow {
    pub id: InternshipId,
    pub participant_id: ParticipantId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub opening_id: Option<OpeningId>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub original_end_date: NaiveDate,
    pub hours_per_week: i64,
    pub supervisor_name: PersonName,
    pub extended: bool,
    pub cancelled: bool,
    pub version: i64,
    pub kind: PlacementKind,
    pub municipal_consent: bool,
    pub monthly_allowance_cents: i64,
    pub absence_hours: i64,
}

#[derive(Debug, Clone)]
pub struct EvaluationRow {
    pub internship_id: InternshipId,
    pub moment: EvaluationMoment,
    pub evaluator: Evaluator,
    pub punctuality: u8,
    pub cooperation: u8,
    pub dutch_at_work: u8,
    pub professional_skills: u8,
    pub remarks: String,
}

impl From<EvaluationRow> for EvaluationDetail {
    fn from(e: EvaluationRow) -> Self {
        EvaluationDetail {
            moment: e.moment,
            evaluator: e.evaluator,
            punctuality: e.punctuality,
            cooperation: e.cooperation,
            dutch_at_work: e.dutch_at_work,
            professional_skills: e.professional_skills,
            remarks: e.remarks,
        }
    }
}

pub async fn of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<InternshipRow>, sqlx::Error> {
    sqlx::query_as!(
        InternshipRow,
        r#"SELECT i.id AS "id!: InternshipId", i.participant_id AS "participant_id!: ParticipantId",
               i.organisation_id AS "organisation_id!: OrganisationId", g.name AS organisation_name,
               i.opening_id AS "opening_id?: OpeningId", i.start_date AS "start_date!: NaiveDate",
               i.end_date AS "end_date!: NaiveDate", i.original_end_date AS "original_end_date!: NaiveDate",
               i.hours_per_week, i.supervisor_name AS "supervisor_name!: PersonName",
               i.extended AS "extended!: bool", i.cancelled AS "cancelled!: bool", i.version,
               i.kind AS "kind!: PlacementKind", i.municipal_consent AS "municipal_consent!: bool",
               i.monthly_allowance_cents, i.absence_hours
           FROM internships i JOIN organisations g ON g.id = i.organisation_id
           WHERE i.participant_id = $1 ORDER BY i.start_date, i.id"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

/// The participant's internships as the overlap rule sees them.
pub async fn planned_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<(InternshipId, PlannedInternship)>, sqlx::Error> {
    Ok(of(db, participant_id)
        .await?
        .into_iter()
        .map(|i| {
            (
                i.id,
                PlannedInternship {
                    start: i.start_date,
                    end: i.end_date,
                    cancelled: i.cancelled,
                },
            )
        })
        .collect())
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &InternshipId,
) -> Result<Option<InternshipRow>, sqlx::Error> {
    sqlx::query_as!(InternshipRow, r#"SELECT i.id AS "id!: InternshipId", i.participant_id AS "participant_id!: ParticipantId",
               i.organisation_id AS "organisation_id!: OrganisationId", g.name AS organisation_name,
               i.opening_id AS "opening_id?: OpeningId", i.start_date AS "start_date!: NaiveDate",
               i.end_date AS "end_date!: NaiveDate", i.original_end_date AS "original_end_date!: NaiveDate",
               i.hours_per_week, i.supervisor_name AS "supervisor_name!: PersonName",
               i.extended AS "extended!: bool", i.cancelled AS "cancelled!: bool", i.version,
               i.kind AS "kind!: PlacementKind", i.municipal_consent AS "municipal_consent!: bool",
               i.monthly_allowance_cents, i.absence_hours
           FROM internships i JOIN organisations g ON g.id = i.organisation_id WHERE i.id = $1"#, id)
        .fetch_optional(db)
        .await
}

#[derive(Debug, Clone)]
pub struct NewInternship<'a> {
    pub participant_id: &'a ParticipantId,
    pub organisation_id: &'a OrganisationId,
    pub opening_id: Option<&'a OpeningId>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub hours_per_week: i64,
    pub supervisor_name: &'a str,
    pub kind: PlacementKind,
    pub municipal_consent: bool,
    pub monthly_allowance_cents: i64,
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    i: &NewInternship<'_>,
) -> Result<InternshipId, sqlx::Error> {
    let id: InternshipId = super::new_id();
    sqlx::query!(
        "INSERT INTO internships (id, participant_id, organisation_id, opening_id, start_date, end_date, \
         original_end_date, hours_per_week, supervisor_name, kind, municipal_consent, monthly_allowance_cents) \
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11)",
        &id,
        i.participant_id,
        i.organisation_id,
        i.opening_id,
        i.start_date,
        i.end_date,
        i.hours_per_week,
        i.supervisor_name,
        i.kind,
        i.municipal_consent,
        i.monthly_allowance_cents,
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn extend(
    db: impl SqliteExecutor<'_>,
    id: &InternshipId,
    version: i64,
    end_date: NaiveDate,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE internships SET end_date = $1, extended = 1, version = version + 1 \
         WHERE id = $2 AND version = $3 AND extended = 0",
        end_date,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Adds hours of absence; `false` when the version was not the stored one.
pub async fn add_absence(
    db: impl SqliteExecutor<'_>,
    id: &InternshipId,
    version: i64,
    hours: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE internships SET absence_hours = absence_hours + $1, version = version + 1 \
         WHERE id = $2 AND version = $3",
        hours,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

pub async fn cancel(
    db: impl SqliteExecutor<'_>,
    id: &InternshipId,
    version: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE internships SET cancelled = 1, version = version + 1 WHERE id = $1 AND version = $2",
        id,
        version,
    )
        .execute(db)
        .await
        .map(|r| r.rows_affected() == 1)
}

/// The evaluations of all of a participant's internships, in one query.
pub async fn evaluations_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<EvaluationRow>, sqlx::Error> {
    sqlx::query_as!(
        EvaluationRow,
        r#"SELECT e.internship_id AS "internship_id!: InternshipId", e.moment AS "moment!: EvaluationMoment",
               e.evaluator AS "evaluator!: Evaluator", e.punctuality AS "punctuality!: u8",
               e.cooperation AS "cooperation!: u8", e.dutch_at_work AS "dutch_at_work!: u8",
               e.professional_skills AS "professional_skills!: u8", e.remarks
           FROM evaluations e JOIN internships i ON i.id = e.internship_id
           WHERE i.participant_id = $1 ORDER BY e.internship_id, e.moment, e.evaluator"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone)]
pub struct NewEvaluation<'a> {
    pub internship_id: &'a InternshipId,
    pub moment: EvaluationMoment,
    pub evaluator: Evaluator,
    pub scores: [i64; 4],
    pub remarks: &'a str,
}

/// Stores an evaluation; false when that moment was already evaluated by that evaluator.
pub async fn insert_evaluation(
    db: impl SqliteExecutor<'_>,
    e: &NewEvaluation<'_>,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "INSERT INTO evaluations (id, internship_id, moment, evaluator, punctuality, cooperation, dutch_at_work, \
         professional_skills, remarks) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (internship_id, moment, evaluator) DO NOTHING",
        super::new_id::<EvaluationId>(),
        e.internship_id,
        e.moment,
        e.evaluator,
        e.scores[0],
        e.scores[1],
        e.scores[2],
        e.scores[3],
        e.remarks,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
