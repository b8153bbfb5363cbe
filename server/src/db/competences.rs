//! Competences and wishes on a participant's profile.

use shared::{
    ids::ParticipantId,
    rules::competences::{
        Competences, CountryCode, EducationLevel, KnownSector, PostcodeArea, SkillTag,
    },
};
use sqlx::SqliteExecutor;

use crate::AppError;

#[derive(Debug, Clone)]
pub struct CompetencesRow {
    pub participant_id: ParticipantId,
    pub education_level: Option<EducationLevel>,
    pub education_field: String,
    pub education_country: Option<String>,
    pub diploma_recognised: Option<bool>,
    pub work_sector: Option<String>,
    pub work_years: Option<i64>,
    pub skills: String,
    pub sectors_of_interest: String,
    pub hours_available: Option<i64>,
    pub travel_km: Option<i64>,
    pub postcode_area: Option<String>,
    pub version: i64,
}

fn stored<T>(result: Result<T, shared::ViolationKind>) -> Result<T, AppError> {
    result.map_err(|_| AppError::stored("competences"))
}

fn small(n: Option<i64>) -> Result<Option<u8>, AppError> {
    n.map(|n| u8::try_from(n).map_err(|_| AppError::stored("competences")))
        .transpose()
}

impl TryFrom<CompetencesRow> for Competences {
    type Error = AppError;
    fn try_from(row: CompetencesRow) -> Result<Self, AppError> {
        let list = |text: &str| {
            text.split(',')
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        Ok(Competences {
            education_level: row.education_level,
            education_field: row.education_field,
            education_country: row
                .education_country
                .as_deref()
                .map(CountryCode::parse)
                .transpose()
                .map_err(|_| AppError::stored("competences"))?,
            diploma_recognised: row.diploma_recognised,
            work_sector: row
                .work_sector
                .as_deref()
                .map(|s| stored(KnownSector::parse(s)))
                .transpose()?,
            work_years: small(row.work_years)?,
            skills: list(&row.skills)
                .iter()
                .map(|s| stored(SkillTag::parse(s)))
                .collect::<Result<_, _>>()?,
            sectors_of_interest: list(&row.sectors_of_interest)
                .iter()
                .map(|s| stored(KnownSector::parse(s)))
                .collect::<Result<_, _>>()?,
            hours_available: small(row.hours_available)?,
            travel_km: small(row.travel_km)?,
            postcode_area: row
                .postcode_area
                .as_deref()
                .map(|p| stored(PostcodeArea::parse(p)))
                .transpose()?,
        })
    }
}

/// The stored columns of a set of competences.
struct Columns {
    education_country: Option<String>,
    work_sector: Option<String>,
    work_years: Option<i64>,
    skills: String,
    sectors_of_interest: String,
    hours_available: Option<i64>,
    travel_km: Option<i64>,
    postcode_area: Option<String>,
}

fn columns(c: &Competences) -> Columns {
    Columns {
        education_country: c.education_country.as_ref().map(|c| c.as_str().to_owned()),
        work_sector: c.work_sector.map(|s| s.as_str().to_owned()),
        work_years: c.work_years.map(i64::from),
        skills: c
            .skills
            .iter()
            .map(SkillTag::as_str)
            .collect::<Vec<_>>()
            .join(","),
        sectors_of_interest: c
            .sectors_of_interest
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(","),
        hours_available: c.hours_available.map(i64::from),
        travel_km: c.travel_km.map(i64::from),
        postcode_area: c.postcode_area.as_ref().map(|p| p.as_str().to_owned()),
    }
}

pub async fn of(
    db: impl SqliteExecutor<'_>,
    participant: &ParticipantId,
) -> Result<Option<CompetencesRow>, sqlx::Error> {
    sqlx::query_as!(
        CompetencesRow,
        r#"SELECT participant_id AS "participant_id!: ParticipantId",
               education_level AS "education_level?: EducationLevel", education_field,
               education_country, diploma_recognised AS "diploma_recognised?: bool", work_sector,
               work_years, skills, sectors_of_interest, hours_available, travel_km, postcode_area,
               version
           FROM competences WHERE participant_id = $1"#,
        participant
    )
    .fetch_optional(db)
    .await
}

/// The competences of every participant of a municipality, for matching.
pub async fn of_municipality(
    db: impl SqliteExecutor<'_>,
    municipality: &shared::ids::MunicipalityId,
) -> Result<Vec<CompetencesRow>, sqlx::Error> {
    sqlx::query_as!(
        CompetencesRow,
        r#"SELECT c.participant_id AS "participant_id!: ParticipantId",
               c.education_level AS "education_level?: EducationLevel", c.education_field,
               c.education_country, c.diploma_recognised AS "diploma_recognised?: bool",
               c.work_sector, c.work_years, c.skills, c.sectors_of_interest, c.hours_available,
               c.travel_km, c.postcode_area, c.version
           FROM competences c JOIN participants p ON p.id = c.participant_id
           WHERE p.municipality_id = $1"#,
        municipality
    )
    .fetch_all(db)
    .await
}

/// The first save of a participant's competences.
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    participant: &ParticipantId,
    c: &Competences,
) -> Result<(), sqlx::Error> {
    let col = columns(c);
    sqlx::query!(
        "INSERT INTO competences (participant_id, education_level, education_field, \
         education_country, diploma_recognised, work_sector, work_years, skills, \
         sectors_of_interest, hours_available, travel_km, postcode_area, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)",
        participant,
        c.education_level,
        c.education_field,
        col.education_country,
        c.diploma_recognised,
        col.work_sector,
        col.work_years,
        col.skills,
        col.sectors_of_interest,
        col.hours_available,
        col.travel_km,
        col.postcode_area,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Replaces the stored competences when `version` is the stored one; `false` when it is not.
pub async fn update(
    db: impl SqliteExecutor<'_>,
    participant: &ParticipantId,
    version: i64,
    c: &Competences,
) -> Result<bool, sqlx::Error> {
    let col = columns(c);
    let done = sqlx::query!(
        "UPDATE competences SET education_level = $1, education_field = $2, \
         education_country = $3, diploma_recognised = $4, work_sector = $5, work_years = $6, \
         skills = $7, sectors_of_interest = $8, hours_available = $9, travel_km = $10, \
         postcode_area = $11, version = version + 1 \
         WHERE participant_id = $12 AND version = $13",
        c.education_level,
        c.education_field,
        col.education_country,
        c.diploma_recognised,
        col.work_sector,
        col.work_years,
        col.skills,
        col.sectors_of_interest,
        col.hours_available,
        col.travel_km,
        col.postcode_area,
        participant,
        version,
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}
