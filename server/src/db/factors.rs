//! Second factors: the TOTP secret of an account and its recovery codes.

use shared::ids::UserId;
use sqlx::{SqliteConnection, SqliteExecutor};

/// The TOTP factor of an account, enrolled or being enrolled.
#[derive(Debug, Clone)]
pub struct FactorRow {
    /// Base32, as in the `otpauth://` URI.
    pub secret: String,
    pub confirmed_at: Option<String>,
}

impl FactorRow {
    pub fn is_confirmed(&self) -> bool {
        self.confirmed_at.is_some()
    }
}

pub async fn of(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
) -> Result<Option<FactorRow>, sqlx::Error> {
    sqlx::query_as!(
        FactorRow,
        r#"SELECT secret, confirmed_at AS "confirmed_at?" FROM totp_factors WHERE user_id = $1"#,
        user_id,
    )
    .fetch_optional(db)
    .await
}

/// Whether the account has a confirmed factor.
pub async fn is_enrolled(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT COUNT(*) > 0 AS "enrolled!: bool" FROM totp_factors
           WHERE user_id = $1 AND confirmed_at IS NOT NULL"#,
        user_id,
    )
    .fetch_one(db)
    .await
}

/// Starts an enrolment with `secret`, replacing one that was never confirmed; false when the
/// account has a confirmed factor (which stays as it is).
pub async fn start(
    tx: &mut SqliteConnection,
    user_id: &UserId,
    secret: &str,
    now: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "INSERT INTO totp_factors (user_id, secret, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, \
         created_at = excluded.created_at, last_step = NULL \
         WHERE totp_factors.confirmed_at IS NULL",
        user_id,
        secret,
        now,
    )
    .execute(tx)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Confirms the enrolment of `secret` with the step of its first code; false when there is none
/// to confirm, another secret replaced it, or the step is not later than one accepted before.
pub async fn confirm(
    tx: &mut SqliteConnection,
    user_id: &UserId,
    secret: &str,
    step: i64,
    now: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE totp_factors SET confirmed_at = $3, last_step = $2 \
         WHERE user_id = $1 AND secret = $4 AND confirmed_at IS NULL \
           AND (last_step IS NULL OR last_step < $2)",
        user_id,
        step,
        now,
        secret,
    )
    .execute(tx)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Accepts a code of `step` for a confirmed factor: false when a code of this step or a later
/// one was accepted before, so no code works twice.
pub async fn accept_step(
    tx: &mut SqliteConnection,
    user_id: &UserId,
    step: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE totp_factors SET last_step = $2 \
         WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < $2)",
        user_id,
        step,
    )
    .execute(tx)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Replaces the account's recovery codes by new ones, given by their hashes.
pub async fn replace_recovery_codes(
    tx: &mut SqliteConnection,
    user_id: &UserId,
    hashes: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query!("DELETE FROM recovery_codes WHERE user_id = $1", user_id,)
        .execute(&mut *tx)
        .await?;
    for hash in hashes {
        sqlx::query!(
            "INSERT INTO recovery_codes (id, user_id, code_hash) VALUES ($1, $2, $3)",
            super::new_id::<String>(),
            user_id,
            hash,
        )
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Uses an unused recovery code of the account, by its hash; false when there is none such.
pub async fn use_recovery_code(
    tx: &mut SqliteConnection,
    user_id: &UserId,
    hash: &str,
    now: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE recovery_codes SET used_at = $3 \
         WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
        user_id,
        hash,
        now,
    )
    .execute(tx)
    .await
    .map(|r| r.rows_affected() == 1)
}

/// Enrols a confirmed factor at once, with no recovery codes: for the demo accounts only, whose
/// secret is printed next to their logins. An account that has one keeps it.
pub async fn enrol_confirmed(
    db: impl SqliteExecutor<'_>,
    user_id: &UserId,
    secret: &str,
    now: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO totp_factors (user_id, secret, created_at, confirmed_at) \
         VALUES ($1, $2, $3, $3) ON CONFLICT (user_id) DO NOTHING",
        user_id,
        secret,
        now,
    )
    .execute(db)
    .await
    .map(|_| ())
}
