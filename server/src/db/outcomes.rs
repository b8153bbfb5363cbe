//! Outcomes and their follow-up.

use chrono::NaiveDate;
use shared::{
    api::{FollowUpDetail, OutcomeDetail},
    ids::{OutcomeId, ParticipantId},
    rules::outcome::{ContractKind, OutcomeKind, follow_up_due},
    values::LadderRung,
};
use sqlx::SqliteExecutor;

use crate::AppError;

#[derive(Debug, Clone)]
pub struct OutcomeRow {
    pub id: OutcomeId,
    pub participant_id: ParticipantId,
    pub kind: OutcomeKind,
    pub date: NaiveDate,
    pub hours_per_week: Option<i64>,
    pub contract: Option<ContractKind>,
    pub reason: Option<String>,
    pub exit_rung: Option<LadderRung>,
    pub follow_up_date: Option<NaiveDate>,
    pub follow_up_lasted: Option<bool>,
    pub follow_up_rung: Option<LadderRung>,
    pub version: i64,
}

impl TryFrom<OutcomeRow> for OutcomeDetail {
    type Error = AppError;
    fn try_from(row: OutcomeRow) -> Result<Self, AppError> {
        let follow_up = match (row.follow_up_date, row.follow_up_lasted, row.follow_up_rung) {
            (Some(date), Some(lasted), Some(ladder_rung)) => Some(FollowUpDetail {
                date,
                lasted,
                ladder_rung,
            }),
            _ => None,
        };
        Ok(OutcomeDetail {
            id: row.id,
            version: row.version,
            kind: row.kind,
            date: row.date,
            hours_per_week: row
                .hours_per_week
                .map(u32::try_from)
                .transpose()
                .map_err(|_| AppError::stored("outcome hours"))?,
            contract: row.contract,
            reason: row.reason,
            ladder_rung: row.exit_rung,
            follow_up_due: follow_up_due(row.date),
            follow_up,
        })
    }
}

pub async fn of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<OutcomeRow>, sqlx::Error> {
    sqlx::query_as!(
        OutcomeRow,
        r#"SELECT id AS "id!: OutcomeId", participant_id AS "participant_id!: ParticipantId",
               kind AS "kind!: OutcomeKind", date AS "date!: NaiveDate", hours_per_week AS "hours_per_week?",
               contract AS "contract?: ContractKind", reason AS "reason?",
               exit_rung AS "exit_rung?: LadderRung",
               follow_up_date AS "follow_up_date?: NaiveDate", follow_up_lasted AS "follow_up_lasted?: bool",
               follow_up_rung AS "follow_up_rung?: LadderRung", version
           FROM outcomes
           WHERE participant_id = $1 ORDER BY date, created_at, id"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

pub async fn by_id(
    db: impl SqliteExecutor<'_>,
    id: &OutcomeId,
) -> Result<Option<OutcomeRow>, sqlx::Error> {
    sqlx::query_as!(OutcomeRow, r#"SELECT id AS "id!: OutcomeId", participant_id AS "participant_id!: ParticipantId",
               kind AS "kind!: OutcomeKind", date AS "date!: NaiveDate", hours_per_week AS "hours_per_week?",
               contract AS "contract?: ContractKind", reason AS "reason?",
               exit_rung AS "exit_rung?: LadderRung",
               follow_up_date AS "follow_up_date?: NaiveDate", follow_up_lasted AS "follow_up_lasted?: bool",
               follow_up_rung AS "follow_up_rung?: LadderRung", version
           FROM outcomes WHERE id = $1"#, id)
        .fetch_optional(db)
        .await
}

#[derive(Debug, Clone)]
pub struct NewOutcome<'a> {
    pub participant_id: &'a ParticipantId,
    pub kind: OutcomeKind,
    pub date: NaiveDate,
    pub hours_per_week: Option<i64>,
    pub contract: Option<ContractKind>,
    pub reason: Option<&'a str>,
    pub exit_rung: LadderRung,
}

pub async fn insert(
    db: impl SqliteExecutor<'_>,
    o: &NewOutcome<'_>,
) -> Result<OutcomeId, sqlx::Error> {
    let id: OutcomeId = super::new_id();
    sqlx::query!(
        "INSERT INTO outcomes (id, participant_id, kind, date, hours_per_week, contract, reason, \
         exit_rung, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &id,
        o.participant_id,
        o.kind,
        o.date,
        o.hours_per_week,
        o.contract,
        o.reason,
        o.exit_rung,
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn follow_up(
    db: impl SqliteExecutor<'_>,
    id: &OutcomeId,
    version: i64,
    date: NaiveDate,
    lasted: bool,
    rung: LadderRung,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE outcomes SET follow_up_date = $1, follow_up_lasted = $2, follow_up_rung = $3, \
         version = version + 1 WHERE id = $4 AND version = $5",
        date,
        lasted,
        rung,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
