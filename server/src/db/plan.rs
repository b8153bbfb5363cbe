//! The action plan: goals and actions.

use chrono::NaiveDate;
use shared::{
    api::{ActionDetail, GoalDetail},
    ids::{ActionId, GoalId, ParticipantId},
    rules::plan::{ActionOwner, GoalStatus},
};
use sqlx::SqliteExecutor;

#[derive(Debug, Clone)]
pub struct GoalRow {
    pub id: GoalId,
    pub participant_id: ParticipantId,
    pub title: String,
    pub target_date: Option<NaiveDate>,
    pub status: GoalStatus,
    pub version: i64,
}

#[derive(Debug, Clone)]
pub struct ActionRow {
    pub id: ActionId,
    pub goal_id: GoalId,
    pub participant_id: ParticipantId,
    pub text: String,
    pub due_date: Option<NaiveDate>,
    pub owner: ActionOwner,
    pub done: bool,
    pub version: i64,
}

impl From<ActionRow> for ActionDetail {
    fn from(row: ActionRow) -> Self {
        ActionDetail {
            id: row.id,
            version: row.version,
            goal_id: row.goal_id,
            text: row.text,
            due_date: row.due_date,
            owner: row.owner,
            done: row.done,
        }
    }
}

impl GoalRow {
    /// The goal with its actions (those of `actions` that belong to it).
    pub fn with_actions(self, actions: &[ActionRow]) -> GoalDetail {
        GoalDetail {
            actions: actions
                .iter()
                .filter(|a| a.goal_id == self.id)
                .cloned()
                .map(Into::into)
                .collect(),
            id: self.id,
            version: self.version,
            title: self.title,
            target_date: self.target_date,
            status: self.status,
        }
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

pub async fn goals_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<GoalRow>, sqlx::Error> {
    sqlx::query_as!(
        GoalRow,
        r#"SELECT id AS "id!: GoalId", participant_id AS "participant_id!: ParticipantId", title,
               target_date AS "target_date?: NaiveDate", status AS "status!: GoalStatus", version
           FROM goals WHERE participant_id = $1 ORDER BY created_at, id"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

pub async fn goal(
    db: impl SqliteExecutor<'_>,
    id: &GoalId,
) -> Result<Option<GoalRow>, sqlx::Error> {
    sqlx::query_as!(
        GoalRow,
        r#"SELECT id AS "id!: GoalId", participant_id AS "participant_id!: ParticipantId", title,
               target_date AS "target_date?: NaiveDate", status AS "status!: GoalStatus", version
           FROM goals WHERE id = $1"#,
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn actions_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
) -> Result<Vec<ActionRow>, sqlx::Error> {
    sqlx::query_as!(
        ActionRow,
        r#"SELECT a.id AS "id!: ActionId", a.goal_id AS "goal_id!: GoalId",
               g.participant_id AS "participant_id!: ParticipantId", a.text,
               a.due_date AS "due_date?: NaiveDate", a.owner AS "owner!: ActionOwner",
               a.done AS "done!: bool", a.version
           FROM actions a JOIN goals g ON g.id = a.goal_id
           WHERE g.participant_id = $1 ORDER BY a.created_at, a.id"#,
        participant_id,
    )
    .fetch_all(db)
    .await
}

pub async fn action(
    db: impl SqliteExecutor<'_>,
    id: &ActionId,
) -> Result<Option<ActionRow>, sqlx::Error> {
    sqlx::query_as!(
        ActionRow,
        r#"SELECT a.id AS "id!: ActionId", a.goal_id AS "goal_id!: GoalId",
               g.participant_id AS "participant_id!: ParticipantId", a.text,
               a.due_date AS "due_date?: NaiveDate", a.owner AS "owner!: ActionOwner",
               a.done AS "done!: bool", a.version
           FROM actions a JOIN goals g ON g.id = a.goal_id WHERE a.id = $1"#,
        id
    )
    .fetch_optional(db)
    .await
}

pub async fn insert_goal(
    db: impl SqliteExecutor<'_>,
    participant_id: &ParticipantId,
    title: &str,
    target_date: Option<NaiveDate>,
    status: GoalStatus,
) -> Result<GoalId, sqlx::Error> {
    let id: GoalId = super::new_id();
    sqlx::query!(
        "INSERT INTO goals (id, participant_id, title, target_date, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        &id,
        participant_id,
        title,
        target_date,
        status,
        now(),
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn update_goal(
    db: impl SqliteExecutor<'_>,
    id: &GoalId,
    version: i64,
    title: &str,
    target_date: Option<NaiveDate>,
    status: GoalStatus,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE goals SET title = $1, target_date = $2, status = $3, version = version + 1 \
         WHERE id = $4 AND version = $5",
        title,
        target_date,
        status,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

pub async fn insert_action(
    db: impl SqliteExecutor<'_>,
    goal_id: &GoalId,
    text: &str,
    due_date: Option<NaiveDate>,
    owner: ActionOwner,
) -> Result<ActionId, sqlx::Error> {
    let id: ActionId = super::new_id();
    sqlx::query!(
        "INSERT INTO actions (id, goal_id, text, due_date, owner, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        &id,
        goal_id,
        text,
        due_date,
        owner,
        now(),
    )
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn update_action(
    db: impl SqliteExecutor<'_>,
    id: &ActionId,
    version: i64,
    text: &str,
    due_date: Option<NaiveDate>,
    owner: ActionOwner,
    done: bool,
) -> Result<bool, sqlx::Error> {
    sqlx::query!(
        "UPDATE actions SET text = $1, due_date = $2, owner = $3, done = $4, version = version + 1 \
         WHERE id = $5 AND version = $6",
        text,
        due_date,
        owner,
        done,
        id,
        version,
    )
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
