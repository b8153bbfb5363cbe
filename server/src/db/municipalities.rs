use sqlx::SqlitePool;

/// How many municipalities are stored.
pub async fn count(db: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM municipalities")
        .fetch_one(db)
        .await
}

/// Stores a municipality; returns its id.
pub async fn insert(db: &SqlitePool, cbs_code: &str, name: &str) -> Result<String, sqlx::Error> {
    let id = super::new_id();
    sqlx::query("INSERT INTO municipalities (id, cbs_code, name, version) VALUES ($1, $2, $3, 1)")
        .bind(&id)
        .bind(cbs_code)
        .bind(name)
        .execute(db)
        .await?;
    Ok(id)
}
