//! The facts matching reads: open openings with their organisation, and the participants of a
//! municipality with what their readiness is derived from.

use chrono::NaiveDate;
use shared::{
    ids::{MunicipalityId, OpeningId, OrganisationId, ParticipantId},
    rules::{
        openings::{OpeningKind, OrganisationKind},
        training::AttendanceStatus,
    },
    values::{DutchLevel, PersonName, Postcode},
};
use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
pub struct OpenOpeningRow {
    pub id: OpeningId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub organisation_kind: OrganisationKind,
    pub sector: String,
    pub postcode: Postcode,
    pub kind: OpeningKind,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub start_date: Option<NaiveDate>,
    pub hours_per_week: Option<i64>,
    pub dutch_level: Option<DutchLevel>,
}

/// The open openings of the organisations of a municipality; visits only while their day has not
/// passed.
pub async fn open_openings_in(
    db: impl SqliteExecutor<'_>,
    municipality: &MunicipalityId,
    today: NaiveDate,
) -> Result<Vec<OpenOpeningRow>, sqlx::Error> {
    sqlx::query_as!(
        OpenOpeningRow,
        r#"SELECT o.id AS "id!: OpeningId", g.id AS "organisation_id!: OrganisationId",
               g.name AS organisation_name, g.kind AS "organisation_kind!: OrganisationKind",
               g.sector, g.postcode AS "postcode!: Postcode", o.kind AS "kind!: OpeningKind",
               o.title, o.date AS "date?: NaiveDate", o.start_date AS "start_date?: NaiveDate",
               o.hours_per_week, o.dutch_level AS "dutch_level?: DutchLevel"
           FROM openings o JOIN organisations g ON g.id = o.organisation_id
           WHERE g.municipality_id = $1 AND o.status = 'open'
             AND (o.kind <> 'company_visit' OR o.date IS NULL OR o.date >= $2)
           ORDER BY o.id"#,
        municipality,
        today,
    )
    .fetch_all(db)
    .await
}

/// The opening with its organisation, whatever its status.
pub async fn opening(
    db: impl SqliteExecutor<'_>,
    id: &OpeningId,
) -> Result<Option<(OpenOpeningRow, MunicipalityId)>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT o.id AS "id!: OpeningId", g.id AS "organisation_id!: OrganisationId",
               g.name AS organisation_name, g.kind AS "organisation_kind!: OrganisationKind",
               g.sector, g.postcode AS "postcode!: Postcode", o.kind AS "kind!: OpeningKind",
               o.title, o.date AS "date?: NaiveDate", o.start_date AS "start_date?: NaiveDate",
               o.hours_per_week, o.dutch_level AS "dutch_level?: DutchLevel",
               g.municipality_id AS "municipality_id!: MunicipalityId"
           FROM openings o JOIN organisations g ON g.id = o.organisation_id
           WHERE o.id = $1"#,
        id,
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| {
        (
            OpenOpeningRow {
                id: r.id,
                organisation_id: r.organisation_id,
                organisation_name: r.organisation_name,
                organisation_kind: r.organisation_kind,
                sector: r.sector,
                postcode: r.postcode,
                kind: r.kind,
                title: r.title,
                date: r.date,
                start_date: r.start_date,
                hours_per_week: r.hours_per_week,
                dutch_level: r.dutch_level,
            },
            r.municipality_id,
        )
    }))
}

#[derive(Debug, Clone)]
pub struct CandidateRow {
    pub id: ParticipantId,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub dutch_level: DutchLevel,
    /// Comma-separated language tags.
    pub languages: String,
}

/// The participants of a municipality who have no outcome yet.
pub async fn participants_in(
    db: impl SqliteExecutor<'_>,
    municipality: &MunicipalityId,
) -> Result<Vec<CandidateRow>, sqlx::Error> {
    sqlx::query_as!(
        CandidateRow,
        r#"SELECT id AS "id!: ParticipantId", first_name AS "first_name!: PersonName",
               last_name AS "last_name!: PersonName", dutch_level AS "dutch_level!: DutchLevel",
               languages
           FROM participants p
           WHERE municipality_id = $1
             AND NOT EXISTS (SELECT 1 FROM outcomes WHERE participant_id = p.id)
           ORDER BY id"#,
        municipality,
    )
    .fetch_all(db)
    .await
}

/// The attendance of the participants of a municipality in their own cohort.
pub async fn attendance_in(
    db: impl SqliteExecutor<'_>,
    municipality: &MunicipalityId,
) -> Result<Vec<(ParticipantId, AttendanceStatus)>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT a.participant_id AS "participant_id!: ParticipantId",
               a.status AS "status!: AttendanceStatus"
           FROM attendance a JOIN participants p ON p.id = a.participant_id
           WHERE p.municipality_id = $1 AND a.cohort_id = p.cohort_id"#,
        municipality,
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.participant_id, r.status))
        .collect())
}

/// The participants of a municipality with an internship (not cancelled) that ended before
/// `today`.
pub async fn internship_completed_in(
    db: impl SqliteExecutor<'_>,
    municipality: &MunicipalityId,
    today: NaiveDate,
) -> Result<Vec<ParticipantId>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT DISTINCT i.participant_id AS "participant_id!: ParticipantId"
           FROM internships i JOIN participants p ON p.id = i.participant_id
           WHERE p.municipality_id = $1 AND i.cancelled = 0 AND i.end_date < $2"#,
        municipality,
        today,
    )
    .fetch_all(db)
    .await
}

/// A current or upcoming internship at an organisation, with whether the intern consented to
/// share their profile with it (and the first name only then).
#[derive(Debug, Clone)]
pub struct InternRow {
    pub id: shared::ids::InternshipId,
    pub first_name: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub supervisor_name: String,
}

/// The organisation's internships (not cancelled) that end on `today` or later, by start.
pub async fn interns_of(
    db: impl SqliteExecutor<'_>,
    organisation: &OrganisationId,
    today: NaiveDate,
) -> Result<Vec<InternRow>, sqlx::Error> {
    sqlx::query_as!(
        InternRow,
        r#"SELECT i.id AS "id!: shared::ids::InternshipId",
               CASE WHEN EXISTS (SELECT 1 FROM consents c WHERE c.participant_id = i.participant_id
                     AND c.organisation_id = i.organisation_id
                     AND c.purpose = 'introduction_profile' AND c.given = 1)
                    THEN p.first_name END AS "first_name?: String",
               i.start_date AS "start_date!: NaiveDate", i.end_date AS "end_date!: NaiveDate",
               i.supervisor_name
           FROM internships i JOIN participants p ON p.id = i.participant_id
           WHERE i.organisation_id = $1 AND i.cancelled = 0 AND i.end_date >= $2
           ORDER BY i.start_date, i.id"#,
        organisation,
        today,
    )
    .fetch_all(db)
    .await
}

/// The supervisors' evaluations done at an organisation: (internship, moment).
pub async fn supervisor_evaluations_of(
    db: impl SqliteExecutor<'_>,
    organisation: &OrganisationId,
) -> Result<
    Vec<(
        shared::ids::InternshipId,
        shared::rules::internship::EvaluationMoment,
    )>,
    sqlx::Error,
> {
    let rows = sqlx::query!(
        r#"SELECT e.internship_id AS "internship_id!: shared::ids::InternshipId",
               e.moment AS "moment!: shared::rules::internship::EvaluationMoment"
           FROM evaluations e JOIN internships i ON i.id = e.internship_id
           WHERE i.organisation_id = $1 AND e.evaluator = 'supervisor'"#,
        organisation,
    )
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.internship_id, r.moment))
        .collect())
}

#[derive(Debug, Clone)]
pub struct VisitRow {
    pub id: OpeningId,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub capacity: Option<i64>,
    pub registered: i64,
}

/// The organisation's open or filled visits from `today` on, with the number registered.
pub async fn visits_of(
    db: impl SqliteExecutor<'_>,
    organisation: &OrganisationId,
    today: NaiveDate,
) -> Result<Vec<VisitRow>, sqlx::Error> {
    sqlx::query_as!(
        VisitRow,
        r#"SELECT o.id AS "id!: OpeningId", o.title, o.date AS "date?: NaiveDate", o.place,
               o.capacity,
               (SELECT COUNT(*) FROM registrations r WHERE r.opening_id = o.id) AS "registered!: i64"
           FROM openings o
           WHERE o.organisation_id = $1 AND o.kind = 'company_visit'
             AND o.status IN ('open', 'filled') AND o.date >= $2
           ORDER BY o.date, o.id"#,
        organisation,
        today,
    )
    .fetch_all(db)
    .await
}
