//! One-time links that set a new password, started by a coordinator.

use shared::ids::UserId;
use sqlx::{SqliteConnection, SqliteExecutor};

/// Stores a new link for the account; an earlier unused one stops working.
pub async fn insert(
    tx: &mut SqliteConnection,
    token_hash: &str,
    user_id: &UserId,
    created_by: &UserId,
    expires_at: &str,
) -> Result<String, sqlx::Error> {
    sqlx::query!(
        "DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL",
        user_id,
    )
    .execute(&mut *tx)
    .await?;
    let id = super::new_id::<String>();
    sqlx::query!(
        "INSERT INTO password_resets (id, token_hash, user_id, created_by, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
        &id,
        token_hash,
        user_id,
        created_by,
        expires_at,
    )
    .execute(tx)
    .await?;
    Ok(id)
}

/// The link (its id) and account of an unused, unexpired token of an enabled account that has
/// a password.
pub async fn valid(
    db: impl SqliteExecutor<'_>,
    token_hash: &str,
    now: &str,
) -> Result<Option<(String, UserId)>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT r.id AS "id!", r.user_id AS "user_id!: UserId"
           FROM password_resets r JOIN users u ON u.id = r.user_id
           WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2
             AND u.disabled = 0 AND u.password_hash IS NOT NULL"#,
        token_hash,
        now,
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.id, r.user_id)))
}

/// Marks a link used, in the transaction that replaces the password: false when another request
/// used it first, or since [`valid`] read it the link expired or the account was disabled.
pub async fn mark_used(
    tx: &mut SqliteConnection,
    id: &str,
    now: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE password_resets SET used_at = $1 \
         WHERE id = $2 AND used_at IS NULL AND expires_at > $1 \
           AND user_id IN (SELECT id FROM users WHERE disabled = 0 AND password_hash IS NOT NULL)",
        now,
        id,
    )
    .execute(tx)
    .await
    .map(|r| r.rows_affected() == 1)
}
