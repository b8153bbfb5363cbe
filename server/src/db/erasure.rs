//! Erasure of a participant: every personal field overwritten, the account disabled and its
//! sign-ins ended; the records themselves (attendance, internships, outcomes, budget...) stay as
//! anonymous facts, so the figures reports count do not change.

use shared::ids::ParticipantId;
use sqlx::SqliteConnection;

use shared::rules::erasure::ERASED_NAME as ERASED;

/// The addresses erased records get (`gewist-<id>@example.invalid`), as a `LIKE` pattern.
const ERASED_EMAILS: &str = "gewist-%@example.invalid";

/// Overwrites the participant's personal data, inside the caller's write.
pub async fn erase(db: &mut SqliteConnection, id: &ParticipantId) -> Result<(), sqlx::Error> {
    let email = format!("gewist-{id}@example.invalid");
    sqlx::query!(
        "UPDATE participants SET first_name = $2, last_name = $2, email = $3, phone = NULL, \
         date_of_birth = NULL, map_remarks = '', version = version + 1 WHERE id = $1",
        id,
        ERASED,
        email,
    )
    .execute(&mut *db)
    .await?;
    // Competences and wishes are about the person only: no figure counts them.
    sqlx::query!("DELETE FROM competences WHERE participant_id = $1", id)
        .execute(&mut *db)
        .await?;
    sqlx::query!(
        "UPDATE contacts SET note = '', summary = '', version = version + 1 WHERE participant_id = $1",
        id
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!(
        "UPDATE goals SET title = '', version = version + 1 WHERE participant_id = $1",
        id
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!(
        "UPDATE actions SET text = '', version = version + 1 \
         WHERE goal_id IN (SELECT id FROM goals WHERE participant_id = $1)",
        id
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!(
        "UPDATE expenses SET description = '', version = version + 1 WHERE participant_id = $1",
        id
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!(
        "UPDATE introductions SET motivation = '', version = version + 1 WHERE participant_id = $1",
        id
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!(
        "UPDATE evaluations SET remarks = '' \
         WHERE internship_id IN (SELECT id FROM internships WHERE participant_id = $1)",
        id
    )
    .execute(&mut *db)
    .await?;
    sqlx::query!(
        "UPDATE outcomes SET reason = '', version = version + 1 WHERE participant_id = $1",
        id
    )
    .execute(&mut *db)
    .await?;
    // The account: no address, name, phone or password; disabled, signed out, no feed.
    let accounts: Vec<String> = sqlx::query_scalar!(
        r#"SELECT id AS "id!" FROM users WHERE participant_id = $1"#,
        id
    )
    .fetch_all(&mut *db)
    .await?;
    for account in accounts {
        let email = format!("gewist-{account}@example.invalid");
        sqlx::query!(
            "UPDATE users SET email = $2, first_name = NULL, phone = NULL, password_hash = NULL, \
             disabled = 1, version = version + 1 WHERE id = $1",
            account,
            email,
        )
        .execute(&mut *db)
        .await?;
        sqlx::query!("DELETE FROM sessions WHERE user_id = $1", account)
            .execute(&mut *db)
            .await?;
        sqlx::query!("DELETE FROM calendar_feeds WHERE user_id = $1", account)
            .execute(&mut *db)
            .await?;
        sqlx::query!("DELETE FROM recovery_codes WHERE user_id = $1", account)
            .execute(&mut *db)
            .await?;
        sqlx::query!("DELETE FROM totp_factors WHERE user_id = $1", account)
            .execute(&mut *db)
            .await?;
    }
    // The history keeps who changed what when, never the values.
    sqlx::query!(
        "UPDATE record_history SET changes = '[]' WHERE participant_id = $1",
        id
    )
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// Moves the write-ahead log into the database file and empties it, so that overwritten values
/// (zeroed on the way by `secure_delete`) leave no copy behind in the log.
pub async fn checkpoint(db: &sqlx::SqlitePool) -> Result<(), sqlx::Error> {
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(db)
        .await
        .map(|_| ())
}

/// The participants, not yet erased, whose last follow-up was on or before `cutoff`.
pub async fn due_for_retention(
    db: impl sqlx::SqliteExecutor<'_>,
    cutoff: chrono::NaiveDate,
) -> Result<Vec<ParticipantId>, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT p.id AS "id!: ParticipantId" FROM participants p
           JOIN outcomes o ON o.participant_id = p.id
           WHERE o.follow_up_date IS NOT NULL AND p.email NOT LIKE $2
           GROUP BY p.id HAVING MAX(o.follow_up_date) <= $1 ORDER BY p.id"#,
        cutoff,
        // Bound, not written into the statement: the statement goes to the debug log, and the
        // log must hold nothing that looks like an email address.
        ERASED_EMAILS,
    )
    .fetch_all(db)
    .await
}
