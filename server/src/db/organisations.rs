//! Companies, schools and volunteer organisations.

use shared::{
    api::OrganisationDetail,
    ids::{MunicipalityId, OrganisationId},
    rules::openings::{OrganisationKind, ValidOrganisation},
    values::{KvkNumber, Postcode},
};
use sqlx::SqliteExecutor;

use super::Scope;
use crate::scope::Relation;

#[derive(Debug, Clone)]
pub struct OrganisationRow {
    pub id: OrganisationId,
    pub municipality_id: MunicipalityId,
    pub kind: OrganisationKind,
    pub name: String,
    pub sector: String,
    pub street: String,
    pub postcode: Postcode,
    pub city: String,
    pub kvk_number: Option<KvkNumber>,
    pub version: i64,
}

impl From<OrganisationRow> for OrganisationDetail {
    fn from(row: OrganisationRow) -> Self {
        OrganisationDetail {
            id: row.id,
            version: row.version,
            kind: row.kind,
            name: row.name,
            sector: row.sector,
            street: row.street,
            postcode: row.postcode,
            city: row.city,
            kvk_number: row.kvk_number,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewOrganisation<'a> {
    pub municipality_id: &'a MunicipalityId,
    pub kind: OrganisationKind,
    pub name: &'a str,
    pub sector: &'a str,
    pub street: &'a str,
    pub postcode: &'a Postcode,
    pub city: &'a str,
    pub kvk_number: Option<&'a KvkNumber>,
}

impl<'a> NewOrganisation<'a> {
    pub fn of(valid: &'a ValidOrganisation, municipality_id: &'a MunicipalityId) -> Self {
        NewOrganisation {
            municipality_id,
            kind: valid.kind,
            name: valid.name.as_str(),
            sector: valid.sector.as_str(),
            street: valid.street.as_str(),
            postcode: &valid.postcode,
            city: valid.city.as_str(),
            kvk_number: valid.kvk_number.as_ref(),
        }
    }
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    o: &NewOrganisation<'_>,
) -> Result<OrganisationId, sqlx::Error> {
    let id: OrganisationId = super::new_id();
    sqlx::query!(
        "INSERT INTO organisations (id, municipality_id, kind, name, sector, street, postcode, city, \
         kvk_number, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)",
        id,
        o.municipality_id,
        o.kind,
        o.name,
        o.sector,
        o.street,
        o.postcode,
        o.city,
        o.kvk_number,
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &OrganisationId,
) -> Result<Option<OrganisationRow>, sqlx::Error> {
    sqlx::query_as!(OrganisationRow, r#"SELECT id AS "id!: OrganisationId", municipality_id AS "municipality_id!: MunicipalityId",
               kind AS "kind!: OrganisationKind", name, sector, street, postcode AS "postcode!: Postcode",
               city, kvk_number AS "kvk_number?: KvkNumber", version
           FROM organisations WHERE id = $1"#, id)
        .fetch_optional(db)
    .await
}

pub async fn list(
    db: impl SqliteExecutor<'_>,
    scope: Scope<'_>,
    cursor: &str,
    limit: u32,
) -> Result<Vec<OrganisationRow>, sqlx::Error> {
    let limit = i64::from(limit);
    match scope.relation {
        Relation::Region | Relation::OpenInRegion => {
            sqlx::query_as!(
                OrganisationRow,
                r#"SELECT id AS "id!: OrganisationId", municipality_id AS "municipality_id!: MunicipalityId",
               kind AS "kind!: OrganisationKind", name, sector, street, postcode AS "postcode!: Postcode",
               city, kvk_number AS "kvk_number?: KvkNumber", version
           FROM organisations
                   WHERE municipality_id IN (SELECT municipality_id FROM user_municipalities WHERE user_id = $1)
                     AND id > $2 ORDER BY id LIMIT $3"#,
                scope.user_id,
                cursor,
                limit,
            )
            .fetch_all(db)
            .await
        }
        Relation::OwnOrganisation => {
            sqlx::query_as!(
                OrganisationRow,
                r#"SELECT id AS "id!: OrganisationId", municipality_id AS "municipality_id!: MunicipalityId",
               kind AS "kind!: OrganisationKind", name, sector, street, postcode AS "postcode!: Postcode",
               city, kvk_number AS "kvk_number?: KvkNumber", version
           FROM organisations
                   WHERE id = $1 AND id > $2 ORDER BY id LIMIT $3"#,
                scope.organisation_id,
                cursor,
                limit,
            )
            .fetch_all(db)
            .await
        }
        Relation::Assigned | Relation::Own => Ok(Vec::new()),
    }
}

pub async fn update(
    db: impl SqliteExecutor<'_>,
    id: &OrganisationId,
    version: i64,
    o: &NewOrganisation<'_>,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE organisations SET kind = $1, name = $2, sector = $3, street = $4, postcode = $5, city = $6, \
         kvk_number = $7, version = version + 1 WHERE id = $8 AND version = $9",
        o.kind,
        o.name,
        o.sector,
        o.street,
        o.postcode,
        o.city,
        o.kvk_number,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
