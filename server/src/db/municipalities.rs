use sqlx::SqliteExecutor;

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
pub async fn count(db: impl SqliteExecutor<'_>) -> Result<i64, sqlx::Error> {
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
pub async fn insert(
    db: impl SqliteExecutor<'_>,
    m: &NewMunicipality<'_>,
) -> Result<String, sqlx::Error> {
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

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &str,
) -> Result<Option<MunicipalityRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM municipalities WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn by_code(
    db: impl SqliteExecutor<'_>,
    code: &str,
) -> Result<Option<MunicipalityRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM municipalities WHERE cbs_code = $1"
    )))
    .bind(code)
    .fetch_optional(db)
    .await
}

/// The municipalities of the account's region, by id, after `cursor`.
pub async fn list_in_region(
    db: impl SqliteExecutor<'_>,
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

/// Adds a municipality to an account's region.
pub async fn join_region(
    db: impl SqliteExecutor<'_>,
    user_id: &str,
    municipality_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO user_municipalities (user_id, municipality_id) VALUES ($1, $2) \
         ON CONFLICT (user_id, municipality_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(municipality_id)
    .execute(db)
    .await
    .map(|_| ())
}

/// Updates a municipality when `version` is current; answers whether it did.
pub async fn update(
    db: impl SqliteExecutor<'_>,
    id: &str,
    version: i64,
    m: &NewMunicipality<'_>,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE municipalities SET cbs_code = $1, name = $2, agreement_start = $3, agreement_end = $4, \
         contracted_participants = $5, budget_cap_cents = $6, version = version + 1 \
         WHERE id = $7 AND version = $8",
    )
    .bind(m.cbs_code)
    .bind(m.name)
    .bind(m.agreement_start)
    .bind(m.agreement_end)
    .bind(m.contracted_participants)
    .bind(m.budget_cap_cents)
    .bind(id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
