//! `vip-server backup` and `vip-server restore`, the real binary as an operator runs it, against
//! the database of a server that is running (and writing).

use std::{
    os::unix::fs::PermissionsExt,
    path::{Path, PathBuf},
    process::Output,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{
    TestApp, call, database_path, participant_id, spawn_app_in, spawn_app_with, today,
};

/// Runs `vip-server --database DATABASE COMMAND FILE` to its end.
async fn vip_server(database: &Path, command: &str, file: &Path) -> Output {
    let (database, command, file) = (database.to_owned(), command.to_owned(), file.to_owned());
    tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_vip-server"))
            .arg("--database")
            .arg(database)
            .arg(command)
            .arg(file)
            .output()
            .expect("vip-server runs")
    })
    .await
    .expect("the command's task ends")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The ids of a participant's contact-log entries as the API lists them.
async fn contact_ids(app: &TestApp, client: &reqwest::Client, participant: &str) -> Vec<String> {
    let (status, list) = call(
        app,
        client,
        Method::GET,
        &format!("/participants/{participant}/contacts"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array()
        .expect("a list")
        .iter()
        .map(|c| c["id"].as_str().expect("an id").to_owned())
        .collect()
}

/// What a coach reads of the demo, apart from the contact log: it must be the same on a server
/// started on the restored database.
async fn coach_reads(app: &TestApp, coach: &reqwest::Client, amal: &str) -> Vec<(String, Value)> {
    let mut reads = Vec::new();
    for path in [
        "/auth/me".to_owned(),
        "/participants".to_owned(),
        "/cohorts".to_owned(),
        format!("/participants/{amal}"),
        format!("/participants/{amal}/goals"),
        format!("/participants/{amal}/expenses"),
        format!("/participants/{amal}/route"),
    ] {
        let (status, body) = call(app, coach, Method::GET, &path, None).await;
        assert_eq!(status, StatusCode::OK, "GET {path}: {body}");
        reads.push((path, body));
    }
    reads
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_during_writes_restores_into_a_server_that_answers_the_same() {
    let app = Arc::new(spawn_app_with(true).await);
    let coach = app.demo("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await.to_string();
    let before_writes = contact_ids(&app, &coach, &amal).await;
    // One writer adds contact-log entries one after another, noting each id once answered.
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (app, coach, amal) = (Arc::clone(&app), coach.clone(), amal.clone());
        let (acknowledged, stop) = (Arc::clone(&acknowledged), Arc::clone(&stop));
        tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                let (status, created) = call(
                    &app,
                    &coach,
                    Method::POST,
                    &format!("/participants/{amal}/contacts"),
                    Some(
                        json!({"date": today().to_string(), "kind": "call", "minutes": 10,
                                "note": format!("Gesprek {n}"), "summary": "Gebeld."}),
                    ),
                )
                .await;
                assert_eq!(status, StatusCode::CREATED, "{created}");
                let id = created["id"].as_str().expect("an id").to_owned();
                acknowledged.lock().expect("the ledger").push(id);
            }
        })
    };
    while acknowledged.lock().expect("the ledger").len() < 5 {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let backups = tempfile::tempdir().expect("a folder");
    let file = backups.path().join("vip-backup.sqlite");
    let database = database_path(&app.dir);

    let acknowledged_before = acknowledged.lock().expect("the ledger").clone();
    let backed_up = vip_server(&database, "backup", &file).await;
    let acknowledged_after = acknowledged.lock().expect("the ledger").len();
    let refused = vip_server(&database, "restore", &file).await;
    stop.store(true, Ordering::SeqCst);
    writer.await.expect("the writer never failed");
    let written = acknowledged.lock().expect("the ledger").clone();

    assert!(backed_up.status.success(), "{}", stderr(&backed_up));
    let said = stdout(&backed_up);
    assert!(
        said.contains("tables") && said.contains("integrity ok") && said.contains("MB"),
        "{said}"
    );
    for personal in ["Amal", "Haddad", "@example.org", "Gesprek"] {
        assert!(!said.contains(personal), "{said}");
    }
    assert_eq!(mode(&file), 0o600, "the backup is its owner's only");
    assert!(
        acknowledged_after > acknowledged_before.len() || written.len() > acknowledged_after,
        "writes went on around the backup"
    );
    assert!(
        !refused.status.success(),
        "a restore under a running server"
    );
    assert!(
        stderr(&refused).contains("stop the server first"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        contact_ids(&app, &coach, &amal).await.len(),
        before_writes.len() + written.len(),
        "the running server's database kept every write"
    );

    let fresh = tempfile::tempdir().expect("a folder");
    let restored_db = database_path(&fresh);
    let restored = vip_server(&restored_db, "restore", &file).await;
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert!(
        stdout(&restored).contains("Restored"),
        "{}",
        stdout(&restored)
    );
    assert_eq!(mode(&restored_db), 0o600);
    assert!(!with_suffix(&restored_db, "-wal").exists());

    let again = spawn_app_in(fresh, false).await;
    let coach_again = again.demo("coach@example.org").await;
    assert_eq!(
        coach_reads(&again, &coach_again, &amal).await,
        coach_reads(&app, &coach, &amal).await,
        "the restored server answers the reads of the original"
    );
    // The copy holds the writes acknowledged before it began, and then a prefix of the rest:
    // one moment's state, never a later write without an earlier one.
    let kept = contact_ids(&again, &coach_again, &amal).await;
    let kept_new: Vec<&String> = kept
        .iter()
        .filter(|id| !before_writes.contains(id))
        .collect();
    let mut in_order: Vec<&String> = written.iter().filter(|id| kept.contains(id)).collect();
    assert_eq!(
        in_order.len(),
        kept_new.len(),
        "nothing in the backup that was not written"
    );
    assert!(
        kept_new.len() >= acknowledged_before.len(),
        "{} of the {} writes acknowledged before the backup are in it",
        kept_new.len(),
        acknowledged_before.len()
    );
    in_order.sort_by_key(|id| written.iter().position(|w| w == *id));
    assert_eq!(
        in_order,
        written.iter().take(kept_new.len()).collect::<Vec<_>>(),
        "the backup holds the first writes, in the order they were made"
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'contact.create' AND record_id IN \
         (SELECT id FROM contacts)",
    )
    .fetch_one(&again.db)
    .await
    .expect("a count");
    assert_eq!(
        usize::try_from(audited).unwrap(),
        kept_new.len(),
        "each restored write has its audit entry"
    );
    let unaudited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'contact.create' AND record_id NOT IN \
         (SELECT id FROM contacts)",
    )
    .fetch_one(&again.db)
    .await
    .expect("a count");
    assert_eq!(unaudited, 0, "no audit entry without its write");
}

#[tokio::test]
async fn a_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing() {
    let app = spawn_app_with(true).await;
    let backups = tempfile::tempdir().expect("a folder");
    let file = backups.path().join("vip-backup.sqlite");
    let backed_up = vip_server(&database_path(&app.dir), "backup", &file).await;
    assert!(backed_up.status.success(), "{}", stderr(&backed_up));
    let dir = app.stop().await;
    let database = database_path(&dir);
    let sound = std::fs::read(&file).expect("the backup");

    let truncated = backups.path().join("truncated.sqlite");
    std::fs::write(&truncated, &sound[..sound.len() / 2]).expect("a file");
    let damaged = backups.path().join("damaged.sqlite");
    // Every page after the schema's overwritten: the tables' b-trees are garbage.
    let mut garbage = sound.clone();
    let page_size = usize::from(u16::from_be_bytes([sound[16], sound[17]]));
    for byte in &mut garbage[page_size..] {
        *byte = 0xA5;
    }
    std::fs::write(&damaged, &garbage).expect("a file");
    let text = backups.path().join("notes.txt");
    std::fs::write(&text, "not a database\n").expect("a file");
    let foreign = backups.path().join("foreign.sqlite");
    {
        use sqlx::ConnectOptions;
        let mut conn = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&foreign)
            .create_if_missing(true)
            .connect()
            .await
            .expect("a database");
        sqlx::query("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
            .execute(&mut conn)
            .await
            .expect("a table");
    }
    let missing = backups.path().join("missing.sqlite");
    let before = std::fs::read(&database).expect("the database");

    for (file, reason) in [
        (&truncated, "was not restored"),
        (&damaged, "was not restored"),
        (&text, "cannot be read as a SQLite database"),
        (&foreign, "not a VIP route database"),
        (&missing, "there is no file"),
    ] {
        let refused = vip_server(&database, "restore", file).await;
        assert!(!refused.status.success(), "{} was restored", file.display());
        assert!(
            stderr(&refused).contains(reason),
            "{}: {}",
            file.display(),
            stderr(&refused)
        );
        assert_eq!(
            std::fs::read(&database).expect("the database"),
            before,
            "{} changed the database",
            file.display()
        );
    }

    let again = spawn_app_in(dir, false).await;
    assert_eq!(again.get("/api/v1/health").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_backup_never_overwrites_a_file() {
    let app = spawn_app_with(true).await;
    let backups = tempfile::tempdir().expect("a folder");
    let file = backups.path().join("vip-backup.sqlite");
    std::fs::write(&file, "an earlier file").expect("a file");

    let refused = vip_server(&database_path(&app.dir), "backup", &file).await;

    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("never overwrites"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "an earlier file");
    assert!(!with_suffix(&file, ".partial").exists());
}
