//! `vip-server backup` and `vip-server restore`, and the lock that keeps a restore away from a
//! running server.
//!
//! Every server process holds a shared lock (`flock`) on a file next to the database from its
//! start to its end; a restore takes it exclusively without waiting, so it refuses while any
//! server uses the database, and a server does not start while a restore runs.

use std::{
    fs::{File, OpenOptions, TryLockError},
    io,
    path::{Path, PathBuf},
};

use crate::db;

/// The lock a process holds on the database; released when dropped (or when the process ends,
/// however it ends).
#[derive(Debug)]
pub struct DatabaseLock {
    _file: File,
}

/// Why the lock could not be had.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it in a way that excludes this one.
    Held,
    Io(io::Error),
}

impl DatabaseLock {
    /// The lock of a server: many servers may share one database, a restore may not run then.
    pub fn shared(database: &Path) -> Result<DatabaseLock, LockError> {
        let file = lock_file(database).map_err(LockError::Io)?;
        match file.try_lock_shared() {
            Ok(()) => Ok(DatabaseLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held),
            Err(TryLockError::Error(err)) => Err(LockError::Io(err)),
        }
    }

    /// The lock of a restore: no server may use the database meanwhile.
    pub fn exclusive(database: &Path) -> Result<DatabaseLock, LockError> {
        let file = lock_file(database).map_err(LockError::Io)?;
        match file.try_lock() {
            Ok(()) => Ok(DatabaseLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held),
            Err(TryLockError::Error(err)) => Err(LockError::Io(err)),
        }
    }
}

/// The shared lock for a command that uses the database (`seed`, `invite-coordinator`, `backup`):
/// it refuses while a restore runs.
pub fn lock_for_use(database: &Path) -> Result<DatabaseLock, String> {
    DatabaseLock::shared(database).map_err(|err| match err {
        LockError::Held => {
            "a restore is replacing the database: try again when it is done".to_owned()
        }
        LockError::Io(err) => format!("the lock file next to {}: {err}", database.display()),
    })
}

/// `vip.sqlite.lock` beside `vip.sqlite` (its folder created, owner only, when missing). It is
/// never removed: removing a lock file while a process waits on it would split the lock in two.
fn lock_file(database: &Path) -> io::Result<File> {
    if let Some(dir) = database.parent().filter(|d| !d.as_os_str().is_empty()) {
        db::owner_only_folder(dir)?;
    }
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(with_suffix(database, ".lock"))
}

/// `path` with `suffix` added to its file name (`vip.sqlite` → `vip.sqlite-wal`).
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The path as SQL text (`VACUUM INTO` takes a string).
fn utf8(path: &Path) -> Result<&str, String> {
    path.to_str()
        .ok_or_else(|| format!("{}: the path must be valid UTF-8", path.display()))
}

/// Writes a consistent copy of the database to `target`, readable by its owner only, while the
/// server may go on serving. Never overwrites a file. Answers the lines to print.
pub async fn backup(database: &Path, target: &Path) -> Result<Vec<String>, String> {
    if target.exists() {
        return Err(format!(
            "{} exists: a backup never overwrites a file, choose a new name",
            target.display()
        ));
    }
    if !database.is_file() {
        return Err(format!("there is no database at {}", database.display()));
    }
    let _lock = lock_for_use(database)?;
    let partial = with_suffix(target, ".partial");
    // Created empty and owner-only first: SQLite writes into it and keeps its permissions.
    new_owner_only_file(&partial).map_err(|err| {
        if err.kind() == io::ErrorKind::AlreadyExists {
            format!(
                "{} exists: another backup to {} is under way, or one was interrupted (then \
                 remove it)",
                partial.display(),
                target.display()
            )
        } else {
            format!("{}: {err}", partial.display())
        }
    })?;
    let written = write_backup(database, &partial).await;
    let result = written.and_then(|tables| {
        sync_file(&partial)?;
        // A hard link, unlike a rename, never replaces a file that appeared meanwhile.
        std::fs::hard_link(&partial, target).map_err(|err| {
            if err.kind() == io::ErrorKind::AlreadyExists {
                format!(
                    "{} appeared during the backup; it was left as it is",
                    target.display()
                )
            } else {
                format!("{}: {err}", target.display())
            }
        })?;
        sync_folder_of(target)?;
        Ok(tables)
    });
    remove_if_there(&partial);
    remove_if_there(&with_suffix(&partial, "-wal"));
    remove_if_there(&with_suffix(&partial, "-shm"));
    let tables = result?;
    let bytes = std::fs::metadata(target)
        .map_err(|err| format!("{}: {err}", target.display()))?
        .len();
    Ok(vec![format!(
        "Backup written to {}: {}, {tables} tables, integrity ok (readable by its owner only).",
        target.display(),
        size(bytes)
    )])
}

/// `VACUUM INTO` the empty file `partial`, then checks the copy; answers its number of tables.
async fn write_backup(database: &Path, partial: &Path) -> Result<usize, String> {
    let failed = |err: sqlx::Error| format!("backup of {}: {err}", database.display());
    let mut source = db::backup::open(database).await.map_err(failed)?;
    db::backup::copy_into(&mut source, utf8(partial)?)
        .await
        .map_err(failed)?;
    let _ = sqlx::Connection::close(source).await;
    let copy = check_file(partial)
        .await
        .map_err(|err| format!("the backup just written does not check out: {err}"))?;
    Ok(copy.tables)
}

/// What a sound database file of this program holds.
struct Checked {
    tables: usize,
    migrations: usize,
}

/// Checks a database file: SQLite's integrity check passes, and it has the migrations table
/// with only migrations of this program; then leaves it in rollback-journal mode, one file.
async fn check_file(path: &Path) -> Result<Checked, String> {
    let unreadable = |err: sqlx::Error| format!("it cannot be read as a SQLite database ({err})");
    let mut conn = db::backup::open(path).await.map_err(unreadable)?;
    let checked = async {
        let problems = db::backup::integrity_check(&mut conn)
            .await
            .map_err(unreadable)?;
        if problems != ["ok"] {
            return Err(format!(
                "it is damaged: SQLite's integrity check found {} problem(s)",
                problems.len()
            ));
        }
        let Some(applied) = db::backup::applied_migrations(&mut conn)
            .await
            .map_err(unreadable)?
            .filter(|applied| !applied.is_empty())
        else {
            return Err("it is not a VIP route database (no migrations of it)".to_owned());
        };
        let known = sqlx::migrate!("./migrations");
        for (version, checksum) in &applied {
            match known.iter().find(|m| m.version == *version) {
                Some(m) if *m.checksum == checksum[..] => {}
                Some(_) => {
                    return Err(format!(
                        "it is not a VIP route database of this version (migration {version} differs)"
                    ));
                }
                None => {
                    return Err(format!(
                        "it comes from a newer version of VIP route (migration {version} is unknown here)"
                    ));
                }
            }
        }
        let tables = db::backup::tables(&mut conn).await.map_err(unreadable)?;
        db::backup::leave_wal_mode(&mut conn)
            .await
            .map_err(unreadable)?;
        Ok(Checked {
            tables: tables.len(),
            migrations: applied.len(),
        })
    }
    .await;
    let _ = sqlx::Connection::close(conn).await;
    checked
}

/// Replaces the database with the backup `source`, after checking it, while no server runs.
/// The database is replaced whole or not at all. Answers the lines to print.
pub async fn restore(database: &Path, source: &Path) -> Result<Vec<String>, String> {
    let _lock = DatabaseLock::exclusive(database).map_err(|err| match err {
        LockError::Held => format!(
            "a vip-server is using {}: stop the server first, then restore (nothing was changed)",
            database.display()
        ),
        LockError::Io(err) => format!("the lock file next to {}: {err}", database.display()),
    })?;
    if !source.is_file() {
        return Err(format!("there is no file {}", source.display()));
    }
    if std::fs::metadata(with_suffix(source, "-wal")).is_ok_and(|m| m.len() > 0) {
        return Err(format!(
            "{} has a write-ahead log beside it: it is a database in use, not a backup; \
             make a backup of it with `vip-server backup` (nothing was changed)",
            source.display()
        ));
    }
    // The copy is checked, then renamed into place: the file checked is the file installed.
    let incoming = with_suffix(database, ".restoring");
    remove_if_there(&incoming);
    remove_if_there(&with_suffix(&incoming, "-wal"));
    remove_if_there(&with_suffix(&incoming, "-shm"));
    let result = install(database, source, &incoming).await;
    remove_if_there(&incoming);
    remove_if_there(&with_suffix(&incoming, "-wal"));
    remove_if_there(&with_suffix(&incoming, "-shm"));
    let checked = result?;
    let bytes = std::fs::metadata(database)
        .map_err(|err| format!("{}: {err}", database.display()))?
        .len();
    let known = sqlx::migrate!("./migrations").iter().count();
    let mut lines = vec![format!(
        "Restored {} from {}: {}, {} tables, integrity ok.",
        database.display(),
        source.display(),
        size(bytes),
        checked.tables
    )];
    if checked.migrations < known {
        lines.push(format!(
            "The backup has {} of this version's {known} migrations; the server adds the others \
             when it starts.",
            checked.migrations
        ));
    }
    lines.push("Start the server to use it.".to_owned());
    Ok(lines)
}

/// Copies `source` to `incoming`, checks it, and renames it over `database`.
async fn install(database: &Path, source: &Path, incoming: &Path) -> Result<Checked, String> {
    {
        let mut from = File::open(source).map_err(|err| format!("{}: {err}", source.display()))?;
        let mut to = new_owner_only_file(incoming)
            .map_err(|err| format!("{}: {err}", incoming.display()))?;
        io::copy(&mut from, &mut to).map_err(|err| format!("{}: {err}", incoming.display()))?;
    }
    let checked = check_file(incoming).await.map_err(|err| {
        format!(
            "{} was not restored: {err}; the database was not changed",
            source.display()
        )
    })?;
    sync_file(incoming)?;
    // The old database's log must not outlive it: once its changes are in its file (or it
    // cannot be opened at all), its -wal, -shm and -journal go, then the new file takes its place.
    if database.is_file()
        && let Ok(mut old) = db::backup::open(database).await
    {
        let _ = db::backup::checkpoint(&mut old).await;
        let _ = sqlx::Connection::close(old).await;
    }
    for stale in ["-wal", "-shm", "-journal"] {
        let path = with_suffix(database, stale);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => return Err(format!("{}: {err}", path.display())),
        }
    }
    std::fs::rename(incoming, database).map_err(|err| format!("{}: {err}", database.display()))?;
    sync_folder_of(database)?;
    Ok(checked)
}

fn new_owner_only_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

fn sync_file(path: &Path) -> Result<(), String> {
    File::open(path)
        .and_then(|file| file.sync_all())
        .map_err(|err| format!("{}: {err}", path.display()))
}

/// Makes a rename or a new name in the file's folder durable.
fn sync_folder_of(path: &Path) -> Result<(), String> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    sync_file(dir)
}

fn remove_if_there(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// A size for people: `12.3 MB (12,345,678 bytes)`.
fn size(bytes: u64) -> String {
    let digits = bytes.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    #[expect(clippy::cast_precision_loss, reason = "a rounded figure for people")]
    let megabytes = bytes as f64 / 1_000_000.0;
    format!("{megabytes:.1} MB ({grouped} bytes)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_reads_in_megabytes_and_grouped_bytes() {
        assert_eq!(size(0), "0.0 MB (0 bytes)");
        assert_eq!(size(999), "0.0 MB (999 bytes)");
        assert_eq!(size(12_345_678), "12.3 MB (12,345,678 bytes)");
    }

    #[test]
    fn the_files_beside_the_database_add_to_its_name() {
        assert_eq!(
            with_suffix(Path::new("data/vip.sqlite"), "-wal"),
            Path::new("data/vip.sqlite-wal")
        );
    }
}
