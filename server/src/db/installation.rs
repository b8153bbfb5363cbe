//! Facts about the installation itself.

use sqlx::SqliteExecutor;

/// Whether the database holds demonstration data only.
pub async fn is_demo(db: impl SqliteExecutor<'_>) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT COUNT(*) > 0 AS "demo!: bool" FROM installation WHERE key = 'demo' AND value = '1'"#
    )
    .fetch_one(db)
        .await
}

/// Marks the database as one of demonstration data.
pub async fn mark_demo(db: impl SqliteExecutor<'_>) -> Result<(), sqlx::Error> {
    sqlx::query!("INSERT INTO installation (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET value = '1'")
        .execute(db)
        .await
        .map(|_| ())
}
