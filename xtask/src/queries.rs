//! `cargo xtask queries`: regenerates the server's offline query data (`server/.sqlx/`), which lets
//! the compile-time checked queries build without a database.
//!
//! A fresh SQLite file in `target/queries/` gets the migrations of `server/migrations/`; the server
//! library is then checked with `DATABASE_URL` pointing at it and `SQLX_OFFLINE_DIR` at a new folder,
//! so each query macro describes its statement against the database and writes its data there. Only
//! when that check succeeds does the new folder replace `server/.sqlx/`.

use std::{fs, path::Path, time::SystemTime};

use sqlx::{
    ConnectOptions, Connection,
    migrate::Migrator,
    sqlite::{SqliteConnectOptions, SqliteJournalMode},
};

use crate::{cargo, root, run};

pub fn regenerate() -> Result<(), String> {
    let work = root().join("target/queries");
    fs::create_dir_all(&work).map_err(|e| format!("creating {}: {e}", work.display()))?;
    let database = work.join("schema.sqlite");
    for suffix in ["", "-wal", "-shm", "-journal"] {
        remove_file(&work.join(format!("schema.sqlite{suffix}")))?;
    }
    migrate(&database)?;

    let fresh = work.join("sqlx");
    remove_dir(&fresh)?;
    fs::create_dir_all(&fresh).map_err(|e| format!("creating {}: {e}", fresh.display()))?;

    // The query macros run again only when the crate is compiled again: its source must look new.
    let lib = root().join("server/src/lib.rs");
    fs::File::options()
        .append(true)
        .open(&lib)
        .and_then(|f| f.set_modified(SystemTime::now()))
        .map_err(|e| format!("touching {}: {e}", lib.display()))?;
    run(cargo()
        .args(["check", "--package", "server", "--lib"])
        .env("DATABASE_URL", format!("sqlite://{}", database.display()))
        .env("SQLX_OFFLINE", "false")
        .env("SQLX_OFFLINE_DIR", &fresh))?;

    let count = fs::read_dir(&fresh)
        .map_err(|e| format!("reading {}: {e}", fresh.display()))?
        .count();
    let committed = root().join("server/.sqlx");
    remove_dir(&committed)?;
    fs::rename(&fresh, &committed).map_err(|e| format!("moving {}: {e}", fresh.display()))?;
    eprintln!("\nserver/.sqlx: the data of {count} queries");
    Ok(())
}

/// Creates the database file and applies the server's migrations to it.
fn migrate(database: &Path) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("starting a runtime: {e}"))?;
    runtime.block_on(async {
        let mut conn = SqliteConnectOptions::new()
            .filename(database)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Delete)
            .foreign_keys(true)
            .connect()
            .await
            .map_err(|e| format!("opening {}: {e}", database.display()))?;
        let migrator = Migrator::new(root().join("server/migrations"))
            .await
            .map_err(|e| format!("reading server/migrations: {e}"))?;
        migrator
            .run(&mut conn)
            .await
            .map_err(|e| format!("applying server/migrations: {e}"))?;
        conn.close()
            .await
            .map_err(|e| format!("closing {}: {e}", database.display()))
    })
}

fn remove_file(path: &Path) -> Result<(), String> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("removing {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

fn remove_dir(path: &Path) -> Result<(), String> {
    match fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("removing {}: {e}", path.display()))
        }
        _ => Ok(()),
    }
}
