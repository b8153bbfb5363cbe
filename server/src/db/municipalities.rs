//! Municipalities with their agreement (period, contracted participants, budget cap).

use chrono::NaiveDate;
use shared::{
    api::{Agreement, MunicipalityDetail, ValidMunicipality},
    ids::{MunicipalityId, UserId},
    values::{Money, MunicipalityCode},
};
use sqlx::SqliteExecutor;

use crate::AppError;

#[derive(Debug, Clone)]
pub struct MunicipalityRow {
    pub id: MunicipalityId,
    pub cbs_code: MunicipalityCode,
    pub name: String,
    pub version: i64,
    pub agreement_start: Option<NaiveDate>,
    pub agreement_end: Option<NaiveDate>,
    pub contracted_participants: Option<i64>,
    pub budget_cap_cents: Option<i64>,
}

impl TryFrom<MunicipalityRow> for MunicipalityDetail {
    type Error = AppError;
    fn try_from(row: MunicipalityRow) -> Result<Self, AppError> {
        Ok(MunicipalityDetail {
            id: row.id,
            version: row.version,
            cbs_code: row.cbs_code,
            name: row.name,
            agreement: Agreement {
                start_date: row
                    .agreement_start
                    .ok_or_else(|| AppError::stored("agreement start"))?,
                end_date: row
                    .agreement_end
                    .ok_or_else(|| AppError::stored("agreement end"))?,
                contracted_participants: u32::try_from(row.contracted_participants.unwrap_or(0))
                    .map_err(|_| AppError::stored("contracted participants"))?,
                budget_cap_cents: row.budget_cap_cents,
            },
        })
    }
}

/// How many municipalities are stored.
pub async fn count(db: impl SqliteExecutor<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!(r#"SELECT COUNT(*) AS "count!: i64" FROM municipalities"#)
        .fetch_one(db)
        .await
}

/// A municipality with its agreement.
#[derive(Debug, Clone)]
pub struct NewMunicipality<'a> {
    pub cbs_code: &'a MunicipalityCode,
    pub name: &'a str,
    pub agreement_start: NaiveDate,
    pub agreement_end: NaiveDate,
    pub contracted_participants: i64,
    pub budget_cap_cents: Option<i64>,
}

impl<'a> NewMunicipality<'a> {
    pub fn of(valid: &'a ValidMunicipality) -> Self {
        NewMunicipality {
            cbs_code: &valid.cbs_code,
            name: valid.name.as_str(),
            agreement_start: valid.agreement.start_date,
            agreement_end: valid.agreement.end_date,
            contracted_participants: i64::from(valid.agreement.contracted_participants),
            budget_cap_cents: valid.agreement.budget_cap_cents,
        }
    }
}

/// Stores a municipality; returns its id.
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    m: &NewMunicipality<'_>,
) -> Result<MunicipalityId, sqlx::Error> {
    let id: MunicipalityId = super::new_id();
    sqlx::query!(
        "INSERT INTO municipalities (id, cbs_code, name, version, agreement_start, agreement_end, \
         contracted_participants, budget_cap_cents) VALUES ($1, $2, $3, 1, $4, $5, $6, $7)",
        &id,
        m.cbs_code,
        m.name,
        m.agreement_start,
        m.agreement_end,
        m.contracted_participants,
        m.budget_cap_cents,
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &MunicipalityId,
) -> Result<Option<MunicipalityRow>, sqlx::Error> {
    sqlx::query_as!(
        MunicipalityRow,
        r#"SELECT id AS "id!: MunicipalityId", cbs_code AS "cbs_code!: MunicipalityCode", name, version,
               agreement_start AS "agreement_start?: NaiveDate", agreement_end AS "agreement_end?: NaiveDate",
               contracted_participants AS "contracted_participants?",
               budget_cap_cents AS "budget_cap_cents?"
           FROM municipalities WHERE id = $1"#,
        id,
    )
    .fetch_optional(db)
    .await
}

/// The budget cap of the municipality's agreement, when it sets one.
pub async fn agreement_cap(
    db: impl SqliteExecutor<'_>,
    id: &MunicipalityId,
) -> Result<Option<Money>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT budget_cap_cents AS "budget_cap_cents?: i64" FROM municipalities WHERE id = $1"#,
        id,
    )
    .fetch_optional(db)
    .await
    .map(|cap| cap.flatten().map(Money::from_cents))
}

pub async fn by_code(
    db: impl SqliteExecutor<'_>,
    code: &MunicipalityCode,
) -> Result<Option<MunicipalityRow>, sqlx::Error> {
    sqlx::query_as!(
        MunicipalityRow,
        r#"SELECT id AS "id!: MunicipalityId", cbs_code AS "cbs_code!: MunicipalityCode", name, version,
               agreement_start AS "agreement_start?: NaiveDate", agreement_end AS "agreement_end?: NaiveDate",
               contracted_participants AS "contracted_participants?",
               budget_cap_cents AS "budget_cap_cents?"
           FROM municipalities WHERE cbs_code = $1"#,
        code,
    )
    .fetch_optional(db)
    .await
}

/// The municipalities of the account's region, by id, after `cursor`.
pub async fn list_in_region(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
    cursor: &str,
    limit: u32,
) -> Result<Vec<MunicipalityRow>, sqlx::Error> {
    let limit = i64::from(limit);
    sqlx::query_as!(
        MunicipalityRow,
        r#"SELECT id AS "id!: MunicipalityId", cbs_code AS "cbs_code!: MunicipalityCode", name, version,
               agreement_start AS "agreement_start?: NaiveDate", agreement_end AS "agreement_end?: NaiveDate",
               contracted_participants AS "contracted_participants?",
               budget_cap_cents AS "budget_cap_cents?"
           FROM municipalities
           WHERE id IN (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
             AND id > $2 ORDER BY id LIMIT $3"#,
        user_id,
        cursor,
        limit,
    )
    .fetch_all(db)
    .await
}

/// Adds a municipality to an account's region.
pub async fn join_region(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
    municipality_id: &MunicipalityId,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO user_municipalities (user_id, municipality_id) VALUES ($1, $2) \
         ON CONFLICT (user_id, municipality_id) DO NOTHING",
        user_id,
        municipality_id,
    )
    .execute(db)
    .await
    .map(|_| ())
}

/// Updates a municipality when `version` is current; answers whether it did.
pub async fn update(
    db: impl SqliteExecutor<'_>,
    id: &MunicipalityId,
    version: i64,
    m: &NewMunicipality<'_>,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE municipalities SET cbs_code = $1, name = $2, agreement_start = $3, agreement_end = $4, \
         contracted_participants = $5, budget_cap_cents = $6, version = version + 1 \
         WHERE id = $7 AND version = $8",
        m.cbs_code,
        m.name,
        m.agreement_start,
        m.agreement_end,
        m.contracted_participants,
        m.budget_cap_cents,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
