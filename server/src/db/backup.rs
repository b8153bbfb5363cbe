//! Whole-database copies: the online backup (`VACUUM INTO`), and what a file must show before it
//! may replace the database (its integrity, and the migrations of this program).

use std::{path::Path, time::Duration};

use sqlx::{ConnectOptions, SqliteConnection, sqlite::SqliteConnectOptions};

/// The table in which sqlx records the migrations a database has had.
const MIGRATIONS_TABLE: &str = "_sqlx_migrations";

/// Opens an existing database file as it is: nothing is created, no migration runs, the journal
/// mode stays the file's own.
pub async fn open(path: &Path) -> Result<SqliteConnection, sqlx::Error> {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(30))
        .connect()
        .await
}

/// Writes a consistent copy of the whole database into `target`, which must be missing or an
/// empty file. It reads in one transaction: in WAL mode the server's writes go on meanwhile,
/// and the copy holds exactly the changes committed when it began.
pub async fn copy_into(db: &mut SqliteConnection, target: &str) -> Result<(), sqlx::Error> {
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(db)
        .await
        .map(|_| ())
}

/// The lines of `PRAGMA integrity_check`: the single line `ok` for a sound file.
pub async fn integrity_check(db: &mut SqliteConnection) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(db)
        .await
}

/// The names of the tables (SQLite's own left out).
pub async fn tables(db: &mut SqliteConnection) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY name",
    )
    .fetch_all(db)
    .await
}

/// The migrations applied to the database, by version with their checksums; `None` when it has
/// no migrations table (it is no database of this program).
pub async fn applied_migrations(
    db: &mut SqliteConnection,
) -> Result<Option<Vec<(i64, Vec<u8>)>>, sqlx::Error> {
    let has_table: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = $1)",
    )
    .bind(MIGRATIONS_TABLE)
    .fetch_one(&mut *db)
    .await?;
    if !has_table {
        return Ok(None);
    }
    sqlx::query_as(
        "SELECT version, checksum FROM _sqlx_migrations WHERE success = 1 ORDER BY version",
    )
    .fetch_all(db)
    .await
    .map(Some)
}

/// Makes the file self-contained: a rollback journal instead of a write-ahead log, so no `-wal`
/// file belongs with it once it is closed.
pub async fn leave_wal_mode(db: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    sqlx::query("PRAGMA journal_mode = DELETE")
        .execute(db)
        .await
        .map(|_| ())
}

/// Moves every change in the write-ahead log into the database file and empties the log.
pub async fn checkpoint(db: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(db)
        .await
        .map(|_| ())
}
