use sqlx::SqlitePool;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MunicipalityRow {
    pub id: String,
    pub cbs_code: String,
    pub name: String,
    pub version: i64,
    pub agreement_start: Option<String>,
    pub agreement_end: Option<String>,
    pub contracted_participants: Option<i64>,
    pub budget_cap_cents: Option<i64>,
}

const COLUMNS: &str = "id, cbs_code, name, version, agreement_start, agreement_end, \
                       contracted_participants, budget_cap_cents";

/// How many municipalities are stored.
pub async fn count(db: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM municipalities")
        .fetch_one(db)
        .await
}

/// A municipality with its agreement.
#[derive(Debug, Clone)]
pub struct NewMunicipality<'a> {
    pub cbs_code: &'a str,
    pub name: &'a str,
    pub agreement_start: &'a str,
    pub agreement_end: &'a str,
    pub contracted_participants: i64,
    pub budget_cap_cents: Option<i64>,
}

/// Stores a municipality; returns its id.
pub async fn insert(db: &SqlitePool, m: &NewMunicipality<'_>) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(
        "INSERT INTO municipalities (id, cbs_code, name, version, agreement_start, agreement_end, \
         contracted_participants, budget_cap_cents) VALUES ($1, $2, $3, 1, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(m.cbs_code)
    .bind(m.name)
    .bind(m.agreement_start)
    .bind(m.agreement_end)
    .bind(m.contracted_participants)
    .bind(m.budget_cap_cents)
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn by_id(db: &SqlitePool, id: &str) -> Result<Option<MunicipalityRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM municipalities WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn by_code(db: &SqlitePool, code: &str) -> Result<Option<MunicipalityRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM municipalities WHERE cbs_code = $1"
    )))
    .bind(code)
    .fetch_optional(db)
    .await
}

/// The municipalities of the account's region, by id, after `cursor`.
pub async fn list_in_region(
    db: &SqlitePool,
    user_id: &str,
    cursor: &str,
    limit: u32,
) -> Result<Vec<MunicipalityRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM municipalities WHERE id IN {} AND id > $2 ORDER BY id LIMIT $3",
        super::REGION
    )))
    .bind(user_id)
    .bind(cursor)
    .bind(i64::from(limit))
    .fetch_all(db)
    .await
}
