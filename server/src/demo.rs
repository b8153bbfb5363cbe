//! Demonstration data for `--demo`: only into an empty database.

use sqlx::SqlitePool;

use crate::db;

/// Fills an empty database; leaves one that holds data alone.
pub async fn fill(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    if db::municipalities::count(pool).await? > 0 {
        tracing::info!("database holds data; demo data not added");
        return Ok(());
    }
    db::municipalities::insert(pool, "GM0344", "Utrecht").await?;
    db::municipalities::insert(pool, "GM0599", "Rotterdam").await?;
    tracing::info!("demo data added");
    Ok(())
}
