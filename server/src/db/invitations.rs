use shared::ids::{InvitationId, UserId};
use sqlx::SqliteExecutor;

pub async fn insert(
    tx: &mut sqlx::SqliteConnection,
    token_hash: &str,
    user_id: &UserId,
    invited_by: Option<&UserId>,
    expires_at: &str,
) -> Result<(), sqlx::Error> {
    // A new invitation replaces any earlier unused one of the account.
    sqlx::query!(
        "DELETE FROM invitations WHERE user_id = $1 AND used_at IS NULL",
        user_id,
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO invitations (id, token_hash, user_id, invited_by, expires_at) VALUES ($1, $2, $3, $4, $5)",
        super::new_id::<InvitationId>(),
        token_hash,
        user_id,
        invited_by,
        expires_at,
    )
    .execute(tx)
    .await
    .map(|_| ())
}

/// The account of an unused, unexpired invitation.
pub async fn valid(
    db: impl SqliteExecutor<'_>,
    token_hash: &str,
    now: &str,
) -> Result<Option<(InvitationId, UserId)>, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT i.id AS "id!: InvitationId", i.user_id AS "user_id!: UserId"
           FROM invitations i JOIN users u ON u.id = i.user_id
           WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2 AND u.disabled = 0"#,
        token_hash,
        now,
    )
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| (r.id, r.user_id)))
}

/// Marks an invitation used, in the transaction that sets the password: false when another
/// request used it first, or since [`valid`] read it the invitation expired, or the account was
/// disabled or got a password. An invitation never replaces a password.
pub async fn mark_used(
    tx: &mut sqlx::SqliteConnection,
    id: &InvitationId,
    now: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE invitations SET used_at = $1 \
         WHERE id = $2 AND used_at IS NULL AND expires_at > $1 \
           AND user_id IN (SELECT id FROM users WHERE disabled = 0 AND password_hash IS NULL)",
        now,
        id,
    )
    .execute(tx)
    .await
    .map(|r| r.rows_affected() == 1)
}
