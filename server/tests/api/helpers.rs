use std::{net::SocketAddr, path::PathBuf};

use server::{Config, build};
use sqlx::SqlitePool;
use tokio::{sync::oneshot, task::JoinHandle};

/// A running server with its own database and site folder, stopped when dropped.
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub db: SqlitePool,
    pub dir: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<std::io::Result<()>>>,
}

/// The fake bundle every test site holds.
pub const INDEX_HTML: &str = "<!doctype html><title>VIP route test</title>";
pub const APP_JS: &str = "export default function init() {}\n";

/// Starts a server on a fresh database (with `--demo` when asked).
pub async fn spawn_app_with(demo: bool) -> TestApp {
    let dir = tempfile::tempdir().expect("a temporary folder");
    spawn_app_in(dir, demo).await
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(false).await
}

/// Starts a server whose database and site live in `dir`.
pub async fn spawn_app_in(dir: tempfile::TempDir, demo: bool) -> TestApp {
    spawn_app_configured(dir, demo, |_| {}).await
}

/// Starts a server on a fresh database, with the configuration changed by `configure`.
pub async fn spawn_app_configured(
    dir: tempfile::TempDir,
    demo: bool,
    configure: impl FnOnce(&mut Config),
) -> TestApp {
    let site = dir.path().join("site");
    let pkg = site.join("pkg/abc123");
    std::fs::create_dir_all(&pkg).expect("the site folder");
    std::fs::write(site.join("index.html"), INDEX_HTML).expect("index.html");
    std::fs::write(pkg.join("app.js"), APP_JS).expect("app.js");
    std::fs::write(pkg.join("app.js.br"), b"brotli bytes").expect("app.js.br");
    std::fs::write(pkg.join("app.js.gz"), b"gzip bytes").expect("app.js.gz");
    let mut config = Config {
        bind: "127.0.0.1:0".parse().expect("an address"),
        database: database_path(&dir),
        site,
        demo,
        public_url: Some(PUBLIC_URL.to_owned()),
        behind_tls: false,
        trusted_proxies: Vec::new(),
        time_zone: server::clock::DEFAULT_ZONE,
        fixed_now: Some(now()),
        command: None,
    };
    configure(&mut config);
    let app = build(config).await.expect("the server starts");
    let addr = app.local_addr();
    let db = app.db().clone();
    let (stop, stopped) = oneshot::channel::<()>();
    let handle = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    TestApp {
        addr,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(from_the_app())
            .build()
            .expect("an HTTP client"),
        db,
        dir,
        stop: Some(stop),
        handle: Some(handle),
    }
}

/// The public URL of every test server (invitation links, the origin of state changes).
pub const PUBLIC_URL: &str = "https://vip.example.org";

/// The headers a browser sends with the app's own requests: its origin.
pub fn from_the_app() -> reqwest::header::HeaderMap {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ORIGIN,
        reqwest::header::HeaderValue::from_static(PUBLIC_URL),
    );
    headers
}

pub fn database_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("data/nested/vip.sqlite")
}

/// The password of every demo login.
pub const DEMO_PASSWORD: &str = "vip-demo-2026";

impl TestApp {
    /// A client with its own cookie jar, like one browser.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .default_headers(from_the_app())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client")
    }

    /// Logs in with a new cookie jar; panics unless it works.
    pub async fn login(&self, email: &str, password: &str) -> reqwest::Client {
        let client = self.browser();
        let response = client
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({"email": email, "password": password}))
            .send()
            .await
            .expect("the server answers");
        assert_eq!(
            response.status(),
            reqwest::StatusCode::OK,
            "login of {email}"
        );
        client
    }

    /// Logs in a demo account.
    pub async fn demo(&self, email: &str) -> reqwest::Client {
        self.login(email, DEMO_PASSWORD).await
    }

    pub async fn post_json(
        &self,
        client: &reqwest::Client,
        path: &str,
        body: &serde_json::Value,
    ) -> reqwest::Response {
        client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("the server answers")
    }

    pub async fn get_with(&self, client: &reqwest::Client, path: &str) -> reqwest::Response {
        client
            .get(self.url(path))
            .send()
            .await
            .expect("the server answers")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("the server answers")
    }

    /// Stops the server gracefully and returns its folder (for a restart on the same database).
    pub async fn stop(mut self) -> tempfile::TempDir {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.handle.take() {
            handle
                .await
                .expect("the server task ends")
                .expect("the server stops without error");
        }
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::mem::replace(&mut self.dir, dir)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// One API call: status and JSON body (null when there is none).
pub async fn call(
    app: &TestApp,
    client: &reqwest::Client,
    method: reqwest::Method,
    path: &str,
    body: Option<serde_json::Value>,
) -> (reqwest::StatusCode, serde_json::Value) {
    let mut request = client.request(method, app.url(&format!("/api/v1{path}")));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.expect("the server answers");
    let status = response.status();
    (
        status,
        response.json().await.unwrap_or(serde_json::Value::Null),
    )
}

/// A value straight from the test's database.
pub async fn scalar(app: &TestApp, sql: &str) -> String {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The id of a demo participant by first name.
pub async fn participant(app: &TestApp, first_name: &str) -> String {
    scalar(
        app,
        &format!("SELECT id FROM participants WHERE first_name = '{first_name}'"),
    )
    .await
}

/// The instant at which every test server's clock stands: fixed once per test run, so the
/// tests and the server never disagree about the date, also around midnight.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    static NOW: std::sync::OnceLock<chrono::DateTime<chrono::Utc>> = std::sync::OnceLock::new();
    *NOW.get_or_init(chrono::Utc::now)
}

/// The programme's day on the test servers' clock, as the rules see it.
pub fn today() -> chrono::NaiveDate {
    server::clock::Clock::fixed(now(), server::clock::DEFAULT_ZONE).today()
}

/// The demo participant's training complete: meetings 4 to 6 attended on top of the three held.
pub async fn complete_training(app: &TestApp, participant_id: &str) {
    let cohort = scalar(
        app,
        &format!("SELECT cohort_id FROM participants WHERE id = '{participant_id}'"),
    )
    .await;
    for n in 4..=6 {
        sqlx::query(
            "INSERT INTO attendance (cohort_id, number, participant_id, status) \
             VALUES ($1, $2, $3, 'present')",
        )
        .bind(&cohort)
        .bind(n)
        .bind(participant_id)
        .execute(&app.db)
        .await
        .expect("attendance is stored");
    }
}

/// An internship request body at `organisation`: `days` days from `start`, that day included.
pub fn internship(
    organisation: &str,
    start: chrono::NaiveDate,
    days: u64,
    hours: u32,
) -> serde_json::Value {
    serde_json::json!({"organisation_id": organisation, "opening_id": null,
        "start_date": start.to_string(),
        "end_date": (start + chrono::Days::new(days.saturating_sub(1))).to_string(),
        "hours_per_week": hours, "supervisor_name": "Henk de Bakker"})
}
