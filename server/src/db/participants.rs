//! Participants: their profile and placement (municipality, cohort, coach).

use shared::{
    api::{ParticipantDetail, ParticipantSummary, ValidParticipant},
    ids::{CohortId, MunicipalityId, ParticipantId, UserId},
    values::{DutchLevel, Email, LadderRung, LanguageCode, PersonName, Phone},
};
use sqlx::SqliteExecutor;

use super::Scope;
use crate::{AppError, scope::Relation};

#[derive(Debug, Clone)]
pub struct ParticipantRow {
    pub id: ParticipantId,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub email: Email,
    pub phone: Option<Phone>,
    /// Comma-separated language tags.
    pub languages: String,
    pub dutch_level: DutchLevel,
    pub municipality_id: MunicipalityId,
    pub cohort_id: Option<CohortId>,
    pub coach_id: Option<UserId>,
    pub ladder_rung_at_intake: LadderRung,
    pub version: i64,
}

/// The stored, comma-separated language tags.
pub fn languages_of_stored(text: &str) -> Result<Vec<LanguageCode>, AppError> {
    text.split(',')
        .filter(|l| !l.is_empty())
        .map(LanguageCode::parse)
        .collect::<Result<_, _>>()
        .map_err(|_| AppError::stored("participant languages"))
}

impl ParticipantRow {
    pub fn languages(&self) -> Result<Vec<LanguageCode>, AppError> {
        languages_of_stored(&self.languages)
    }
}

impl TryFrom<ParticipantRow> for ParticipantDetail {
    type Error = AppError;
    fn try_from(row: ParticipantRow) -> Result<Self, AppError> {
        Ok(ParticipantDetail {
            languages: row.languages()?,
            id: row.id,
            version: row.version,
            first_name: row.first_name.into(),
            last_name: row.last_name.into(),
            email: row.email,
            phone: row.phone,
            dutch_level: row.dutch_level,
            municipality_id: row.municipality_id,
            cohort_id: row.cohort_id,
            coach_id: row.coach_id,
            ladder_rung_at_intake: row.ladder_rung_at_intake,
        })
    }
}

impl From<ParticipantRow> for ParticipantSummary {
    fn from(row: ParticipantRow) -> Self {
        ParticipantSummary {
            id: row.id,
            version: row.version,
            first_name: row.first_name.into(),
            last_name: row.last_name.into(),
            cohort_id: row.cohort_id,
            coach_id: row.coach_id,
        }
    }
}

/// The stored form of a profile.
fn languages_of(valid: &ValidParticipant) -> String {
    valid
        .languages
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    p: &ValidParticipant,
) -> Result<ParticipantId, sqlx::Error> {
    let id: ParticipantId = super::new_id();
    sqlx::query!(
        "INSERT INTO participants (id, first_name, last_name, email, phone, languages, dutch_level, \
         municipality_id, cohort_id, coach_id, ladder_rung_at_intake, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)",
        id,
        p.first_name,
        p.last_name,
        p.email,
        p.phone,
        languages_of(p),
        p.dutch_level,
        p.municipality_id,
        p.cohort_id,
        p.coach_id,
        p.ladder_rung_at_intake,
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &ParticipantId,
) -> Result<Option<ParticipantRow>, sqlx::Error> {
    sqlx::query_as!(ParticipantRow, r#"SELECT id AS "id!: ParticipantId", first_name AS "first_name!: PersonName",
               last_name AS "last_name!: PersonName", email AS "email!: Email", phone AS "phone?: Phone",
               languages, dutch_level AS "dutch_level!: DutchLevel",
               municipality_id AS "municipality_id!: MunicipalityId", cohort_id AS "cohort_id?: CohortId",
               coach_id AS "coach_id?: UserId", ladder_rung_at_intake AS "ladder_rung_at_intake!: LadderRung",
               version
           FROM participants WHERE id = $1"#, id)
        .fetch_optional(db)
    .await
}

/// The participants the scope may see, by id, after `cursor`.
pub async fn list(
    db: impl SqliteExecutor<'_>,
    scope: Scope<'_>,
    cursor: &str,
    limit: u32,
) -> Result<Vec<ParticipantRow>, sqlx::Error> {
    let limit = i64::from(limit);
    match scope.relation {
        Relation::Region => {
            sqlx::query_as!(
                ParticipantRow,
                r#"SELECT id AS "id!: ParticipantId", first_name AS "first_name!: PersonName",
               last_name AS "last_name!: PersonName", email AS "email!: Email", phone AS "phone?: Phone",
               languages, dutch_level AS "dutch_level!: DutchLevel",
               municipality_id AS "municipality_id!: MunicipalityId", cohort_id AS "cohort_id?: CohortId",
               coach_id AS "coach_id?: UserId", ladder_rung_at_intake AS "ladder_rung_at_intake!: LadderRung",
               version
           FROM participants
                   WHERE municipality_id IN (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
                     AND id > $2 ORDER BY id LIMIT $3"#,
                scope.user_id,
                cursor,
                limit,
            )
            .fetch_all(db)
            .await
        }
        Relation::Assigned => {
            sqlx::query_as!(
                ParticipantRow,
                r#"SELECT id AS "id!: ParticipantId", first_name AS "first_name!: PersonName",
               last_name AS "last_name!: PersonName", email AS "email!: Email", phone AS "phone?: Phone",
               languages, dutch_level AS "dutch_level!: DutchLevel",
               municipality_id AS "municipality_id!: MunicipalityId", cohort_id AS "cohort_id?: CohortId",
               coach_id AS "coach_id?: UserId", ladder_rung_at_intake AS "ladder_rung_at_intake!: LadderRung",
               version
           FROM participants
                   WHERE coach_id = $1 AND id > $2 ORDER BY id LIMIT $3"#,
                scope.user_id,
                cursor,
                limit,
            )
            .fetch_all(db)
            .await
        }
        Relation::Own => {
            sqlx::query_as!(
                ParticipantRow,
                r#"SELECT id AS "id!: ParticipantId", first_name AS "first_name!: PersonName",
               last_name AS "last_name!: PersonName", email AS "email!: Email", phone AS "phone?: Phone",
               languages, dutch_level AS "dutch_level!: DutchLevel",
               municipality_id AS "municipality_id!: MunicipalityId", cohort_id AS "cohort_id?: CohortId",
               coach_id AS "coach_id?: UserId", ladder_rung_at_intake AS "ladder_rung_at_intake!: LadderRung",
               version
           FROM participants
                   WHERE id = $1 AND id > $2 ORDER BY id LIMIT $3"#,
                scope.participant_id,
                cursor,
                limit,
            )
            .fetch_all(db)
            .await
        }
        Relation::OwnOrganisation | Relation::OpenInRegion => Ok(Vec::new()),
    }
}

/// Updates a participant when `version` is current; answers whether it did.
pub async fn update(
    db: impl SqliteExecutor<'_>,
    id: &ParticipantId,
    version: i64,
    p: &ValidParticipant,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE participants SET first_name = $1, last_name = $2, email = $3, phone = $4, languages = $5, \
         dutch_level = $6, municipality_id = $7, cohort_id = $8, coach_id = $9, ladder_rung_at_intake = $10, \
         version = version + 1 WHERE id = $11 AND version = $12",
        &p.first_name,
        &p.last_name,
        &p.email,
        &p.phone,
        languages_of(p),
        p.dutch_level,
        &p.municipality_id,
        &p.cohort_id,
        &p.coach_id,
        p.ladder_rung_at_intake,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// How many participants a cohort holds.
pub async fn count_in_cohort(
    db: impl SqliteExecutor<'_>,
    cohort_id: &CohortId,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT COUNT(*) AS "count!: i64" FROM participants WHERE cohort_id = $1"#,
        cohort_id,
    )
    .fetch_one(db)
    .await
}

/// How many participants a coach supports.
pub async fn count_of_coach(
    db: impl SqliteExecutor<'_>,
    coach_id: &UserId,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT COUNT(*) AS "count!: i64" FROM participants WHERE coach_id = $1"#,
        coach_id,
    )
    .fetch_one(db)
    .await
}
