//! Health, errors, headers, the web app's files, the database set-up, start and stop.

use reqwest::{StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{APP_JS, INDEX_HTML, database_path, spawn_app, spawn_app_in, spawn_app_with};

#[tokio::test]
async fn health_answers_ok_when_the_database_is_reachable() {
    let app = spawn_app().await;

    let response = app.get("/api/v1/health").await;

    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body, json!({"status": "ok"}));
}

#[tokio::test]
async fn health_answers_503_in_the_error_shape_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.db.close().await;

    let response = app.get("/api/v1/health").await;

    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "unavailable");
    assert!(body["request_id"].as_str().is_some_and(|id| id.len() >= 16));
}

#[tokio::test]
async fn an_unknown_api_path_answers_the_json_404_not_the_web_app() {
    let app = spawn_app().await;

    for path in [
        "/api/v1/no-such-thing",
        "/api/v1/",
        "/api/v2/health",
        "/api/",
        "/api",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let request_id = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned();
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"], "not_found", "{path}");
        assert_eq!(body["request_id"], request_id.as_str(), "{path}");
        assert!(body.get("violations").is_none(), "{path}");
    }
}

#[tokio::test]
async fn a_wrong_method_on_a_known_path_answers_405_in_the_error_shape() {
    let app = spawn_app().await;

    let response = app
        .client
        .delete(app.url("/api/v1/health"))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "method_not_allowed");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;

    for path in [
        "/api/v1/health",
        "/api/v1/nope",
        "/",
        "/cohorts/1",
        "/pkg/abc123/app.js",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer", "{path}");
        assert!(headers.contains_key("x-request-id"), "{path}");
    }
}

#[tokio::test]
async fn api_responses_are_never_cached() {
    let app = spawn_app().await;

    for path in ["/api/v1/health", "/api/v1/nope", "/api/elsewhere"] {
        let response = app.get(path).await;
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "no-store",
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_deep_link_gets_the_web_app_page() {
    let app = spawn_app().await;

    for path in ["/", "/participants/abc/route", "/login"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "no-cache",
            "{path}"
        );
        assert!(
            response.headers()[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        assert_eq!(response.text().await.unwrap(), INDEX_HTML, "{path}");
    }
}

#[tokio::test]
async fn a_missing_file_answers_404_instead_of_the_app_page() {
    let app = spawn_app().await;

    for path in ["/favicon.ico", "/pkg/abc123/missing.js", "/pkg/old/app.js"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_ne!(response.text().await.unwrap(), INDEX_HTML, "{path}");
    }
}

#[tokio::test]
async fn bundle_files_are_served_precompressed_and_cached_for_a_year() {
    let app = spawn_app().await;

    let plain = app.get("/pkg/abc123/app.js").await;
    assert_eq!(plain.status(), StatusCode::OK);
    assert_eq!(
        plain.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(plain.text().await.unwrap(), APP_JS);

    for (accept, encoding, bytes) in [("br", "br", "brotli bytes"), ("gzip", "gzip", "gzip bytes")]
    {
        let response = app
            .client
            .get(app.url("/pkg/abc123/app.js"))
            .header(header::ACCEPT_ENCODING, accept)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], encoding);
        assert_eq!(response.text().await.unwrap(), bytes);
    }
}

#[tokio::test]
async fn the_database_is_created_with_its_folder_in_wal_mode_with_full_sync_and_foreign_keys() {
    let app = spawn_app().await;

    assert!(database_path(&app.dir).exists());
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(synchronous, 2, "FULL");
    assert_eq!(foreign_keys, 1);
}

#[tokio::test]
async fn demo_data_fills_an_empty_database_once() {
    let app = spawn_app_with(true).await;
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM municipalities")
            .fetch_one(&app.db)
            .await
            .unwrap()
    };
    let first = count().await;
    assert!(first >= 1);

    let dir = app.stop().await;
    let again = spawn_app_in(dir, true).await;
    let second: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM municipalities")
        .fetch_one(&again.db)
        .await
        .unwrap();

    assert_eq!(second, first);
}

#[tokio::test]
async fn without_demo_the_database_starts_empty() {
    let app = spawn_app().await;

    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM municipalities")
        .fetch_one(&app.db)
        .await
        .unwrap();

    assert_eq!(count, 0);
}

#[tokio::test]
async fn the_server_stops_gracefully_and_keeps_its_data() {
    let app = spawn_app_with(true).await;
    let dir = app.stop().await;

    let again = spawn_app_in(dir, false).await;
    let response = again.get("/api/v1/health").await;

    assert_eq!(response.status(), StatusCode::OK);
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM municipalities")
        .fetch_one(&again.db)
        .await
        .unwrap();
    assert!(count >= 1);
}

#[cfg(unix)]
#[tokio::test]
async fn the_binary_prints_its_url_and_exits_cleanly_on_sigterm() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_vip-server"))
        .args(["--bind", "127.0.0.1:0", "--site"])
        .arg(dir.path().join("site"))
        .arg("--database")
        .arg(dir.path().join("db/vip.sqlite"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the server prints its URL")
        .to_owned();
    let health = reqwest::get(format!("{url}api/v1/health")).await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();

    assert!(status.success(), "{status}");
}

#[tokio::test]
async fn today_is_the_programmes_day_even_when_utc_is_still_yesterday() {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam (summer time).
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = server::Config {
        bind: "127.0.0.1:0".parse().expect("an address"),
        database: dir.path().join("vip.sqlite"),
        site: dir.path().join("site"),
        demo: true,
        public_url: None,
        behind_tls: false,
        trusted_proxies: Vec::new(),
        time_zone: server::clock::DEFAULT_ZONE,
        fixed_now: Some(
            chrono::DateTime::parse_from_rfc3339("2026-06-30T22:30:00Z")
                .expect("a date-time")
                .with_timezone(&chrono::Utc),
        ),
        limits: server::overload::Limits::default(),
        command: None,
    };
    let app = server::build(config).await.expect("the server starts");
    let addr = app.local_addr();
    let server = tokio::spawn(app.run_until(std::future::pending()));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("an HTTP client");
    let login = client
        .post(format!("http://{addr}/api/v1/auth/login"))
        .header(reqwest::header::ORIGIN, format!("http://{addr}"))
        .json(&serde_json::json!({"email": "coordinator@example.org", "password": crate::helpers::DEMO_PASSWORD}))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(login.status(), reqwest::StatusCode::OK);
    // The demo coordinator's second factor, at the server's clock.
    let (logins, _) = server::demo_second_factors();
    let (_, uri) = logins
        .iter()
        .find(|(login, _)| *login == "coordinator@example.org")
        .expect("the demo coordinator has a second factor");
    let code = crate::helpers::totp_at(uri, 1_782_858_600);
    let second = client
        .post(format!("http://{addr}/api/v1/auth/login/second-factor"))
        .header(reqwest::header::ORIGIN, format!("http://{addr}"))
        .json(&serde_json::json!({"code": code}))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(second.status(), reqwest::StatusCode::OK);

    let me: serde_json::Value = client
        .get(format!("http://{addr}/api/v1/auth/me"))
        .send()
        .await
        .expect("the server answers")
        .json()
        .await
        .expect("a JSON body");

    assert_eq!(me["today"], "2026-07-01");
    server.abort();
}
