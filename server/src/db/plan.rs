//! The action plan: goals and actions.

use sqlx::SqliteExecutor;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GoalRow {
    pub id: String,
    pub participant_id: String,
    pub title: String,
    pub target_date: Option<String>,
    pub status: String,
    pub version: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ActionRow {
    pub id: String,
    pub goal_id: String,
    pub participant_id: String,
    pub text: String,
    pub due_date: Option<String>,
    pub owner: String,
    pub done: bool,
    pub version: i64,
}

const GOAL: &str = "SELECT id, participant_id, title, target_date, status, version FROM goals";
const ACTION: &str = "SELECT a.id, a.goal_id, g.participant_id, a.text, a.due_date, a.owner, a.done, \
     a.version FROM actions a JOIN goals g ON g.id = a.goal_id";

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

pub async fn goals_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
) -> Result<Vec<GoalRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{GOAL} WHERE participant_id = $1 ORDER BY created_at, id"
    )))
    .bind(participant_id)
    .fetch_all(db)
    .await
}

pub async fn goal(db: impl SqliteExecutor<'_>, id: &str) -> Result<Option<GoalRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{GOAL} WHERE id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn actions_of(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
) -> Result<Vec<ActionRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ACTION} WHERE g.participant_id = $1 ORDER BY a.created_at, a.id"
    )))
    .bind(participant_id)
    .fetch_all(db)
    .await
}

pub async fn action(
    db: impl SqliteExecutor<'_>,
    id: &str,
) -> Result<Option<ActionRow>, sqlx::Error> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{ACTION} WHERE a.id = $1")))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn insert_goal(
    db: impl SqliteExecutor<'_>,
    participant_id: &str,
    title: &str,
    target_date: Option<&str>,
    status: &str,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(
        "INSERT INTO goals (id, participant_id, title, target_date, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(participant_id)
    .bind(title)
    .bind(target_date)
    .bind(status)
    .bind(now())
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn update_goal(
    db: impl SqliteExecutor<'_>,
    id: &str,
    version: i64,
    title: &str,
    target_date: Option<&str>,
    status: &str,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE goals SET title = $1, target_date = $2, status = $3, version = version + 1 \
         WHERE id = $4 AND version = $5",
    )
    .bind(title)
    .bind(target_date)
    .bind(status)
    .bind(id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}

pub async fn insert_action(
    db: impl SqliteExecutor<'_>,
    goal_id: &str,
    text: &str,
    due_date: Option<&str>,
    owner: &str,
) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query(
        "INSERT INTO actions (id, goal_id, text, due_date, owner, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(goal_id)
    .bind(text)
    .bind(due_date)
    .bind(owner)
    .bind(now())
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn update_action(
    db: impl SqliteExecutor<'_>,
    id: &str,
    version: i64,
    text: &str,
    due_date: Option<&str>,
    owner: &str,
    done: bool,
) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "UPDATE actions SET text = $1, due_date = $2, owner = $3, done = $4, version = version + 1 \
         WHERE id = $5 AND version = $6",
    )
    .bind(text)
    .bind(due_date)
    .bind(owner)
    .bind(done)
    .bind(id)
    .bind(version)
    .execute(db)
    .await
    .map(|r| r.rows_affected() == 1)
}
