//! The database: SQLite by default, with SQL kept portable. One function per query, by entity.

pub mod audit;
pub mod backup;
pub mod calendar;
pub mod cohorts;
pub mod competences;
pub mod contacts;
pub mod erasure;
pub mod events;
pub mod expenses;
pub mod exports;
pub mod factors;
pub mod history;
pub mod installation;
pub mod internships;
pub mod introductions;
pub mod invitations;
pub mod map;
pub mod matching;
pub mod municipalities;
pub mod nudges;
#[cfg(test)]
mod offline_data;
pub mod openings;
pub mod organisations;
pub mod outcomes;
pub mod participants;
pub mod password_resets;
pub mod plan;
pub mod reports;
pub mod sessions;
pub mod users;

use std::{path::Path, str::FromStr, time::Duration};

use sqlx::{
    SqlitePool,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

use crate::StartError;

/// Opens (creating when missing) the SQLite file and applies the embedded migrations.
///
/// WAL with `synchronous=FULL`: an acknowledged write survives the process being killed.
pub async fn connect(path: &Path) -> Result<SqlitePool, StartError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        owner_only_folder(dir).map_err(StartError::Io)?;
    }
    owner_only_file(path).map_err(StartError::Io)?;
    let options = SqliteConnectOptions::from_str("sqlite:")
        .map_err(StartError::Database)?
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        // Deleted and overwritten content is zeroed, so an erased participant's data leaves no
        // trace in free pages of the file.
        .pragma("secure_delete", "ON")
        .busy_timeout(Duration::from_secs(5));
    // A connection to a local file cannot have gone away: no ping before each use (it cost a
    // round trip to the connection's thread per query).
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .test_before_acquire(false)
        .connect_with(options)
        .await
        .map_err(StartError::Database)?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(StartError::Migration)?;
    Ok(pool)
}

/// Creates the database's folder readable by its owner only (an existing folder is left as it is).
pub(crate) fn owner_only_folder(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Creates the database file readable and writable by its owner only, before SQLite opens it
/// (SQLite's journal files take the same permissions).
fn owner_only_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(err) => Err(err),
    }
}

/// A write transaction that holds the write lock from its first statement (`BEGIN IMMEDIATE`), so
/// the checks that read stored state and the write they guard see one state: no other writer
/// comes in between, and the transaction never fails halfway on a lock it could not upgrade.
pub async fn begin_write(
    pool: &SqlitePool,
) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// The tables whose records carry a version, for the 409 of an update that lost the race.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versioned {
    Actions,
    Expenses,
    Goals,
    Internships,
    Introductions,
    Municipalities,
    Openings,
    Organisations,
    Outcomes,
    Participants,
    Users,
}

/// The stored version of a record, inside a write (for the 409 of an update that lost the race).
pub async fn version_of(
    db: impl sqlx::SqliteExecutor<'_>,
    table: Versioned,
    id: &str,
) -> Result<Option<i64>, sqlx::Error> {
    match table {
        Versioned::Actions => {
            sqlx::query_scalar!("SELECT version FROM actions WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Expenses => {
            sqlx::query_scalar!("SELECT version FROM expenses WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Goals => {
            sqlx::query_scalar!("SELECT version FROM goals WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Internships => {
            sqlx::query_scalar!("SELECT version FROM internships WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Introductions => {
            sqlx::query_scalar!("SELECT version FROM introductions WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Municipalities => {
            sqlx::query_scalar!("SELECT version FROM municipalities WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Openings => {
            sqlx::query_scalar!("SELECT version FROM openings WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Organisations => {
            sqlx::query_scalar!("SELECT version FROM organisations WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Outcomes => {
            sqlx::query_scalar!("SELECT version FROM outcomes WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Participants => {
            sqlx::query_scalar!("SELECT version FROM participants WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
        Versioned::Users => {
            sqlx::query_scalar!("SELECT version FROM users WHERE id = $1", id)
                .fetch_optional(db)
                .await
        }
    }
}

/// Answers when the database takes a query.
pub async fn ping(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    sqlx::query!("SELECT 1 AS alive")
        .fetch_one(pool)
        .await
        .map(|_| ())
}

/// Who asks for a list, and how the records must relate to them (see `access`).
#[derive(Debug, Clone, Copy)]
pub struct Scope<'a> {
    pub relation: crate::scope::Relation,
    pub user_id: &'a str,
    pub participant_id: &'a str,
    pub organisation_id: &'a str,
}

/// A new random record id: 128 bits, hex.
pub fn new_id<T: shared::ids::RecordId>() -> T {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system's random source is available");
    T::from_random(bytes)
}
