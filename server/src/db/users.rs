use shared::roles::Role;
use sqlx::SqliteExecutor;

use crate::AppError;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub role: String,
    pub first_name: Option<String>,
    pub password_hash: Option<String>,
    pub participant_id: Option<String>,
    pub organisation_id: Option<String>,
    pub disabled: bool,
    pub version: i64,
}

const COLUMNS: &str = "id, email, role, first_name, password_hash, participant_id, organisation_id, disabled, version";

pub fn parse_role(text: &str) -> Result<Role, AppError> {
    Role::ALL
        .into_iter()
        .find(|r| r.as_str() == text)
        .ok_or_else(|| AppError::Internal("stored role unknown".to_owned()))
}

pub async fn by_id(db: impl SqliteExecutor<'_>, id: &str) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM users WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn by_email(
    db: impl SqliteExecutor<'_>,
    email: &str,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM users WHERE email = $1"
    )))
    .bind(email)
    .fetch_optional(db)
    .await
}

/// The municipalities the account belongs to.
pub async fn municipalities(
    db: impl SqliteExecutor<'_>,
    user_id: &str,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT municipality_id FROM user_municipalities WHERE user_id = $1 ORDER BY municipality_id",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

/// A new account without a password (it is set when the invitation is accepted).
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub email: &'a str,
    pub role: Role,
    pub first_name: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub participant_id: Option<&'a str>,
    pub organisation_id: Option<&'a str>,
    pub municipality_ids: &'a [String],
}

pub async fn insert(
    tx: &mut sqlx::SqliteConnection,
    user: &NewUser<'_>,
    password_hash: Option<&str>,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(
        "INSERT INTO users (id, email, role, first_name, phone, password_hash, participant_id, organisation_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(user.email)
    .bind(user.role.as_str())
    .bind(user.first_name)
    .bind(user.phone)
    .bind(password_hash)
    .bind(user.participant_id)
    .bind(user.organisation_id)
    .execute(&mut *tx)
    .await?;
    for m in user.municipality_ids {
        sqlx::query("INSERT INTO user_municipalities (user_id, municipality_id) VALUES ($1, $2)")
            .bind(&id)
            .bind(m)
            .execute(&mut *tx)
            .await?;
    }
    Ok(id)
}

pub async fn set_password(
    tx: &mut sqlx::SqliteConnection,
    user_id: &str,
    hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1, version = version + 1 WHERE id = $2")
        .bind(hash)
        .bind(user_id)
        .execute(tx)
        .await
        .map(|_| ())
}

/// Disables an account when `version` is current; answers whether it did.
pub async fn disable(
    db: impl SqliteExecutor<'_>,
    user_id: &str,
    version: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE users SET disabled = 1, version = version + 1 WHERE id = $1 AND version = $2",
    )
    .bind(user_id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// The accounts in the municipalities of `coordinator_id`, by id, after `cursor`.
pub async fn list_in_region(
    db: impl SqliteExecutor<'_>,
    coordinator_id: &str,
    cursor: Option<&str>,
    limit: u32,
) -> Result<Vec<UserRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM users WHERE id IN ( \
            SELECT um.user_id FROM user_municipalities um \
            JOIN user_municipalities mine ON mine.municipality_id = um.municipality_id \
            WHERE mine.user_id = $1) \
         AND id > $2 ORDER BY id LIMIT $3"
    )))
    .bind(coordinator_id)
    .bind(cursor.unwrap_or(""))
    .bind(i64::from(limit))
    .fetch_all(db)
    .await
}

/// A coach's first name, email and phone, as their participants see them.
pub async fn contact_of(
    db: impl SqliteExecutor<'_>,
    user_id: &str,
) -> Result<Option<(Option<String>, String, Option<String>)>, sqlx::Error> {
    sqlx::query_as("SELECT first_name, email, phone FROM users WHERE id = $1 AND disabled = 0")
        .bind(user_id)
        .fetch_optional(db)
        .await
}
