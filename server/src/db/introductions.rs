//! Warm introductions and the consent behind them.

use chrono::NaiveDate;
use shared::{
    api::{ConsentDetail, ConsentGiver, ConsentPurpose, SharedProfile},
    ids::{ConsentId, IntroductionId, MunicipalityId, OpeningId, OrganisationId, ParticipantId},
    rules::introduction::IntroductionStatus,
    values::{DutchLevel, PersonName},
};
use sqlx::{SqliteConnection, SqliteExecutor};

use crate::AppError;

#[derive(Debug, Clone)]
pub struct IntroductionRow {
    pub id: IntroductionId,
    pub participant_id: ParticipantId,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub opening_id: Option<OpeningId>,
    pub motivation: String,
    pub status: IntroductionStatus,
    pub version: i64,
}

pub async fn of_participant(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<IntroductionRow>, sqlx::Error> {
    sqlx::query_as!(
        IntroductionRow,
        r#"SELECT n.id AS "id!: IntroductionId", n.participant_id AS "participant_id!: ParticipantId",
               n.organisation_id AS "organisation_id!: OrganisationId", g.name AS organisation_name,
               n.opening_id AS "opening_id?: OpeningId", n.motivation,
               n.status AS "status!: IntroductionStatus", n.version
           FROM introductions n JOIN organisations g ON g.id = n.organisation_id
           WHERE n.participant_id = $1 ORDER BY n.created_at, n.id"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

pub async fn of_organisation(
    db: impl SqliteExecutor<'_>,
    organisation_id: &OrganisationId,
) -> Result<Vec<IntroductionRow>, sqlx::Error> {
    sqlx::query_as!(
        IntroductionRow,
        r#"SELECT n.id AS "id!: IntroductionId", n.participant_id AS "participant_id!: ParticipantId",
               n.organisation_id AS "organisation_id!: OrganisationId", g.name AS organisation_name,
               n.opening_id AS "opening_id?: OpeningId", n.motivation,
               n.status AS "status!: IntroductionStatus", n.version
           FROM introductions n JOIN organisations g ON g.id = n.organisation_id
           WHERE n.organisation_id = $1 ORDER BY n.created_at, n.id"#,
        organisation_id,
    )
    .fetch_all(db)
    .await
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &IntroductionId,
) -> Result<Option<IntroductionRow>, sqlx::Error> {
    sqlx::query_as!(IntroductionRow, r#"SELECT n.id AS "id!: IntroductionId", n.participant_id AS "participant_id!: ParticipantId",
               n.organisation_id AS "organisation_id!: OrganisationId", g.name AS organisation_name,
               n.opening_id AS "opening_id?: OpeningId", n.motivation,
               n.status AS "status!: IntroductionStatus", n.version
           FROM introductions n JOIN organisations g ON g.id = n.organisation_id WHERE n.id = $1"#, id)
        .fetch_optional(db)
        .await
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
    organisation_id: &OrganisationId,
    opening_id: Option<&OpeningId>,
    motivation: &str,
) -> Result<IntroductionId, sqlx::Error> {
    let id: IntroductionId = super::new_id();
    sqlx::query!(
        "INSERT INTO introductions (id, participant_id, organisation_id, opening_id, motivation, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'proposed', $6)",
        &id,
        participant_id,
        organisation_id,
        opening_id,
        motivation,
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn set_status(
    db: impl SqliteExecutor<'_>,
    id: &IntroductionId,
    version: i64,
    status: IntroductionStatus,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE introductions SET status = $1, version = version + 1 WHERE id = $2 AND version = $3",
        status,
        id,
        version,
    )
        .execute(db)
        .await
        .map(|r| r.rows_affected() == 1)
}

#[derive(Debug, Clone)]
pub struct ConsentRow {
    pub id: ConsentId,
    pub purpose: ConsentPurpose,
    pub organisation_id: Option<OrganisationId>,
    pub municipality_id: Option<MunicipalityId>,
    pub recipient_name: String,
    pub given: bool,
    pub changed_on: NaiveDate,
    pub given_by: ConsentGiver,
    pub version: i64,
}

pub async fn consents_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<ConsentRow>, sqlx::Error> {
    sqlx::query_as!(
        ConsentRow,
        r#"SELECT c.id AS "id!: ConsentId", c.purpose AS "purpose!: ConsentPurpose",
               c.organisation_id AS "organisation_id?: OrganisationId",
               c.municipality_id AS "municipality_id?: MunicipalityId",
               COALESCE(g.name, m.name, '') AS "recipient_name!: String", c.given AS "given!: bool",
               c.changed_on AS "changed_on!: NaiveDate",
               c.given_by AS "given_by!: ConsentGiver", c.version
           FROM consents c LEFT JOIN organisations g ON g.id = c.organisation_id
           LEFT JOIN municipalities m ON m.id = c.municipality_id
           WHERE c.participant_id = $1 ORDER BY c.changed_on, c.id"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

/// Gives or withdraws consent for one recipient and purpose (one row each, updated in place).
pub async fn set_consent(
    db: &mut SqliteConnection,
    participant_id: &ParticipantId,
    purpose: ConsentPurpose,
    organisation_id: Option<&OrganisationId>,
    municipality_id: Option<&MunicipalityId>,
    given: bool,
    today: NaiveDate,
) -> Result<(), sqlx::Error> {
    let existing = sqlx::query_scalar!(
        r#"SELECT id AS "id!: ConsentId" FROM consents WHERE participant_id = $1 AND purpose = $2
           AND COALESCE(organisation_id, '') = $3 AND COALESCE(municipality_id, '') = $4"#,
        participant_id,
        purpose,
        organisation_id.map_or("", |o| o.as_str()),
        municipality_id.map_or("", |m| m.as_str()),
    )
    .fetch_optional(&mut *db)
    .await?;
    match existing {
        Some(id) => sqlx::query!(
            "UPDATE consents SET given = $1, changed_on = $2, version = version + 1 WHERE id = $3",
            given,
            today,
            id,
        )
            .execute(db)
            .await
            .map(|_| ()),
        None => sqlx::query!(
            "INSERT INTO consents (id, participant_id, purpose, organisation_id, municipality_id, given, changed_on) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            super::new_id::<ConsentId>(),
            participant_id,
            purpose,
            organisation_id,
            municipality_id,
            given,
            today,
        )
        .execute(db)
        .await
        .map(|_| ()),
    }
}

/// Records who changed the consent for this purpose and recipient last.
pub async fn set_consent_giver(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
    purpose: ConsentPurpose,
    organisation_id: Option<&OrganisationId>,
    municipality_id: Option<&MunicipalityId>,
    given_by: ConsentGiver,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "UPDATE consents SET given_by = $1 WHERE participant_id = $2 AND purpose = $3 \
         AND COALESCE(organisation_id, '') = $4 AND COALESCE(municipality_id, '') = $5",
        given_by,
        participant_id,
        purpose,
        organisation_id.map_or("", |o| o.as_str()),
        municipality_id.map_or("", |m| m.as_str()),
    )
    .execute(db)
    .await
    .map(|_| ())
}

impl From<ConsentRow> for ConsentDetail {
    fn from(c: ConsentRow) -> Self {
        ConsentDetail {
            id: c.id,
            version: c.version,
            purpose: c.purpose,
            organisation_id: c.organisation_id,
            municipality_id: c.municipality_id,
            recipient_name: c.recipient_name,
            given: c.given,
            changed_on: c.changed_on,
            given_by: c.given_by,
            needs_confirmation: c.given_by.needs_confirmation(c.given),
        }
    }
}

/// What a participant consented to share with an organisation, with whose profile it is.
#[derive(Debug, Clone)]
pub struct SharedProfileRow {
    pub participant_id: ParticipantId,
    pub first_name: PersonName,
    pub languages: String,
    pub dutch_level: DutchLevel,
}

impl SharedProfileRow {
    pub fn profile(&self) -> Result<SharedProfile, AppError> {
        Ok(SharedProfile {
            first_name: self.first_name.clone().into(),
            languages: super::participants::languages_of_stored(&self.languages)?,
            dutch_level: self.dutch_level,
        })
    }
}

/// The profiles shared with an organisation (consent to share for introductions, given), in
/// one query.
pub async fn profiles_shared_with(
    db: impl SqliteExecutor<'_>,
    organisation_id: &OrganisationId,
) -> Result<Vec<SharedProfileRow>, sqlx::Error> {
    sqlx::query_as!(
        SharedProfileRow,
        r#"SELECT p.id AS "participant_id!: ParticipantId", p.first_name AS "first_name!: PersonName",
               p.languages, p.dutch_level AS "dutch_level!: DutchLevel"
           FROM consents c JOIN participants p ON p.id = c.participant_id
           WHERE c.organisation_id = $1 AND c.purpose = 'introduction_profile' AND c.given = 1"#,
        organisation_id,
    )
    .fetch_all(db)
    .await
}

pub async fn shares_profile_with(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
    organisation_id: &OrganisationId,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT COUNT(*) > 0 AS "shares!: bool" FROM consents
           WHERE participant_id = $1 AND organisation_id = $2
             AND purpose = 'introduction_profile' AND given = 1"#,
        participant_id,
        organisation_id,
    )
    .fetch_one(db)
    .await
}
