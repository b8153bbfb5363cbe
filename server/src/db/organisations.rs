use sqlx::SqliteExecutor;

use super::Scope;
use crate::access::Relation;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationRow {
    pub id: String,
    pub municipality_id: String,
    pub kind: String,
    pub name: String,
    pub sector: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub kvk_number: Option<String>,
    pub version: i64,
}

const COLUMNS: &str =
    "id, municipality_id, kind, name, sector, street, postcode, city, kvk_number, version";

#[derive(Debug, Clone)]
pub struct NewOrganisation<'a> {
    pub municipality_id: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub sector: &'a str,
    pub street: &'a str,
    pub postcode: &'a str,
    pub city: &'a str,
    pub kvk_number: Option<&'a str>,
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    o: &NewOrganisation<'_>,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO organisations ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1)"
    )))
    .bind(&id)
    .bind(o.municipality_id)
    .bind(o.kind)
    .bind(o.name)
    .bind(o.sector)
    .bind(o.street)
    .bind(o.postcode)
    .bind(o.city)
    .bind(o.kvk_number)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &str,
) -> Result<Option<OrganisationRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM organisations WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn list(
    db: impl SqliteExecutor<'_>,
    scope: Scope<'_>,
    cursor: &str,
    limit: u32,
) -> Result<Vec<OrganisationRow>, sqlx::Error> {
    let (condition, key) = match scope.relation {
        Relation::Region | Relation::OpenInRegion => (
            format!("municipality_id IN {}", super::REGION),
            scope.user_id,
        ),
        Relation::OwnOrganisation => ("id = $1".to_owned(), scope.organisation_id),
        Relation::Assigned | Relation::Own => return Ok(Vec::new()),
    };
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM organisations WHERE {condition} AND id > $2 ORDER BY id LIMIT $3"
    )))
    .bind(key)
    .bind(cursor)
    .bind(i64::from(limit))
    .fetch_all(db)
    .await
}

pub async fn update(
    db: impl SqliteExecutor<'_>,
    id: &str,
    version: i64,
    o: &NewOrganisation<'_>,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE organisations SET kind = $1, name = $2, sector = $3, street = $4, postcode = $5, city = $6, \
         kvk_number = $7, version = version + 1 WHERE id = $8 AND version = $9",
    )
    .bind(o.kind)
    .bind(o.name)
    .bind(o.sector)
    .bind(o.street)
    .bind(o.postcode)
    .bind(o.city)
    .bind(o.kvk_number)
    .bind(id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
