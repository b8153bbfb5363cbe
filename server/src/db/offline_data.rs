//! The query data in `server/.sqlx/`, which builds read instead of a database, must describe the
//! queries as the migrations make them: a migration that changes a column the data still knows
//! the old way fails here, with the command that regenerates the data.

use std::path::Path;

use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::{AssertSqlSafe, Connection, Executor, SqlSafeStr, SqliteConnection};

const REGENERATE: &str = "run `cargo xtask queries` and commit server/.sqlx";

#[tokio::test]
async fn the_offline_query_data_matches_the_migrations() {
    let mut db = SqliteConnection::connect("sqlite::memory:")
        .await
        .expect("an in-memory database opens");
    sqlx::migrate!("./migrations")
        .run(&mut db)
        .await
        .expect("the migrations apply");

    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(".sqlx");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("server/.sqlx exists")
        .map(|entry| entry.expect("server/.sqlx is readable").path())
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "server/.sqlx holds no query data: {REGENERATE}"
    );

    let mut stale = Vec::new();
    for file in &files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let text = std::fs::read_to_string(file).expect("a query data file is readable");
        let data: Value = serde_json::from_str(&text).expect("a query data file is JSON");
        let query = data["query"].as_str().expect("the data names its query");
        let hash: String = Sha256::digest(query.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            name,
            format!("query-{hash}.json"),
            "a query data file is named after its query"
        );
        assert_eq!(data["db_name"], "SQLite", "{name} is not SQLite's");
        match (&mut db)
            .describe(AssertSqlSafe(query.to_owned()).into_sql_str())
            .await
        {
            Ok(now) => {
                let now = serde_json::to_value(&now).expect("a description serialises");
                if now != data["describe"] {
                    stale.push(format!("{name}: {query}"));
                }
            }
            Err(err) => stale.push(format!("{name}: {err}: {query}")),
        }
    }
    assert!(
        stale.is_empty(),
        "query data that no longer matches the migrations ({REGENERATE}):\n{}",
        stale.join("\n")
    );
}
