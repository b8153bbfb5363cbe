//! Retention: the personal data of participants whose last follow-up lies longer ago than the
//! setting (`retention_months_after_follow_up`) is erased, as a coordinator's erasure does. Run
//! by the server once a day and by `vip-server retention [--dry-run]`. Each erasure is one write
//! with its audit entry (no actor: the system's), ids only.

use chrono::{Months, NaiveDate};
use shared::{ProgrammeSettings, ids::ParticipantId};
use sqlx::SqlitePool;

use crate::{audit, db};

/// The participants due for erasure on `today`.
pub async fn due(
    pool: &SqlitePool,
    settings: &ProgrammeSettings,
    today: NaiveDate,
) -> Result<Vec<ParticipantId>, sqlx::Error> {
    let cutoff = today
        .checked_sub_months(Months::new(settings.retention_months_after_follow_up))
        .unwrap_or(NaiveDate::MIN);
    db::erasure::due_for_retention(pool, cutoff).await
}

/// Erases the participants due on `today` (none when `dry_run`); answers who was (or would be).
pub async fn run(
    pool: &SqlitePool,
    settings: &ProgrammeSettings,
    today: NaiveDate,
    dry_run: bool,
) -> Result<Vec<ParticipantId>, sqlx::Error> {
    let due = due(pool, settings, today).await?;
    if dry_run || due.is_empty() {
        return Ok(due);
    }
    for id in &due {
        let mut tx = db::begin_write(pool).await?;
        db::erasure::erase(&mut tx, id).await?;
        audit::record(
            &mut *tx,
            audit::Entry {
                actor: None,
                action: "participant.erase_retention",
                record_type: Some("participant"),
                record_id: Some(id.as_str()),
                address: None,
                outcome: audit::Outcome::Success,
            },
        )
        .await?;
        tx.commit().await?;
    }
    db::erasure::checkpoint(pool).await?;
    Ok(due)
}
