use std::{net::SocketAddr, path::PathBuf};

use server::{Config, build};
use shared::{
    api::{InternshipInput, ParticipantInput},
    ids::{CohortId, MunicipalityId, OrganisationId, ParticipantId, UserId},
    values::DutchLevel,
};
use sqlx::SqlitePool;
use tokio::{sync::oneshot, task::JoinHandle};

/// A running server with its own database and site folder, stopped when dropped.
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub db: SqlitePool,
    pub dir: tempfile::TempDir,
    /// Per account, the TOTP time step of the last code this test gave (see [`TestApp::code`]).
    steps: std::sync::Mutex<std::collections::HashMap<String, u64>>,
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
        limits: server::overload::Limits::default(),
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
        steps: std::sync::Mutex::default(),
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

    /// Logs in with a new cookie jar; panics unless it works. A demo coordinator gives the
    /// code of its second factor too, from the demo's `otpauth://` URI.
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
        let answer: serde_json::Value = response.json().await.expect("a JSON body");
        if answer["status"] == "second_factor_required" {
            let (logins, _) = server::demo_second_factors();
            let uri = logins
                .iter()
                .find(|(login, _)| *login == email)
                .map(|(_, uri)| uri.clone())
                .unwrap_or_else(|| panic!("{email} needs a second factor the test does not know"));
            let code = self.code(email, &uri);
            let response = client
                .post(self.url("/api/v1/auth/login/second-factor"))
                .json(&serde_json::json!({"code": code}))
                .send()
                .await
                .expect("the server answers");
            assert_eq!(
                response.status(),
                reqwest::StatusCode::OK,
                "second factor of {email}"
            );
        }
        client
    }

    /// Enrols a second factor for `account`, signed in on `client`, confirming it with a code
    /// computed from the `otpauth://` URI the server answers. Answers that URI and the recovery
    /// codes.
    pub async fn enrol(&self, client: &reqwest::Client, account: &str) -> (String, Vec<String>) {
        let (status, started) = call(
            self,
            client,
            reqwest::Method::POST,
            "/auth/totp/enrolment",
            Some(serde_json::json!({})),
        )
        .await;
        assert_eq!(status, reqwest::StatusCode::CREATED, "{started}");
        let uri = started["otpauth_uri"]
            .as_str()
            .expect("an otpauth URI")
            .to_owned();
        let code = self.code(account, &uri);
        let (status, confirmed) = call(
            self,
            client,
            reqwest::Method::POST,
            "/auth/totp/confirmation",
            Some(serde_json::json!({"code": code})),
        )
        .await;
        assert_eq!(status, reqwest::StatusCode::OK, "{confirmed}");
        let codes = confirmed["codes"]
            .as_array()
            .expect("recovery codes")
            .iter()
            .map(|c| c.as_str().expect("a code").to_owned())
            .collect();
        (uri, codes)
    }

    /// A TOTP code of the secret in `otpauth_uri` that the server accepts for `account`: the
    /// server's clock stands still, and a code is accepted once, so each call takes the next
    /// time step within the one step of drift the server allows either way: three codes per
    /// account and test.
    pub fn code(&self, account: &str, otpauth_uri: &str) -> String {
        let now = u64::try_from(now().timestamp()).expect("after 1970");
        let current = now / 30;
        let mut steps = self.steps.lock().expect("the step ledger");
        let step = steps
            .get(account)
            .map_or(current - 1, |last| (last + 1).max(current - 1));
        assert!(
            step <= current + 1,
            "{account} has given its three codes of this frozen minute; share a client instead"
        );
        steps.insert(account.to_owned(), step);
        totp_at(otpauth_uri, step * 30)
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

/// The id of the one record `sql` finds with `key` bound to `$1`, typed.
pub async fn id_of<T: std::str::FromStr>(app: &TestApp, sql: &'static str, key: &str) -> T {
    let id: String = sqlx::query_scalar(sql)
        .bind(key)
        .fetch_one(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{sql} ({key}): {e}"));
    id.parse()
        .unwrap_or_else(|_| panic!("{sql} ({key}): not an id"))
}

/// A demo participant by first name.
pub async fn participant_id(app: &TestApp, first_name: &str) -> ParticipantId {
    id_of(
        app,
        "SELECT id FROM participants WHERE first_name = $1",
        first_name,
    )
    .await
}

/// A demo municipality by its CBS code.
pub async fn municipality_id(app: &TestApp, cbs_code: &str) -> MunicipalityId {
    id_of(
        app,
        "SELECT id FROM municipalities WHERE cbs_code = $1",
        cbs_code,
    )
    .await
}

/// A demo organisation by name.
pub async fn organisation_id(app: &TestApp, name: &str) -> OrganisationId {
    id_of(app, "SELECT id FROM organisations WHERE name = $1", name).await
}

/// A demo cohort by name.
pub async fn cohort_id(app: &TestApp, name: &str) -> CohortId {
    id_of(app, "SELECT id FROM cohorts WHERE name = $1", name).await
}

/// A demo account by email.
pub async fn user_id(app: &TestApp, email: &str) -> UserId {
    id_of(app, "SELECT id FROM users WHERE email = $1", email).await
}

/// The TOTP code at `unix_seconds` of the secret in an `otpauth://` URI.
pub fn totp_at(otpauth_uri: &str, unix_seconds: u64) -> String {
    totp_rs::Totp::from_url(otpauth_uri)
        .expect("an otpauth URI")
        .generate(unix_seconds)
        .to_string()
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
pub async fn complete_training(app: &TestApp, participant: &ParticipantId) {
    let cohort: String = sqlx::query_scalar("SELECT cohort_id FROM participants WHERE id = $1")
        .bind(participant)
        .fetch_one(&app.db)
        .await
        .expect("the participant's cohort");
    for n in 4..=6 {
        sqlx::query(
            "INSERT INTO attendance (cohort_id, number, participant_id, status) \
             VALUES ($1, $2, $3, 'present')",
        )
        .bind(&cohort)
        .bind(n)
        .bind(participant)
        .execute(&app.db)
        .await
        .expect("attendance is stored");
    }
}

/// An intake of Noor Ali, who speaks Arabic and English, into `municipality`.
pub fn new_participant(
    municipality: &MunicipalityId,
    cohort: Option<&CohortId>,
    coach: Option<&UserId>,
    email: &str,
) -> ParticipantInput {
    ParticipantInput {
        first_name: "Noor".into(),
        last_name: "Ali".into(),
        email: email.into(),
        phone: "06 12345678".into(),
        languages: vec!["ar".into(), "en".into()],
        dutch_level: Some(DutchLevel::A1),
        municipality_id: Some(municipality.clone()),
        cohort_id: cohort.cloned(),
        coach_id: coach.cloned(),
        ladder_rung_at_intake: Some(2),
    }
}

/// An internship at `organisation`: `days` days from `start`, that day included.
pub fn internship(
    organisation: &OrganisationId,
    start: chrono::NaiveDate,
    days: u64,
    hours: u32,
) -> InternshipInput {
    InternshipInput {
        organisation_id: Some(organisation.clone()),
        opening_id: None,
        start_date: Some(start),
        end_date: Some(start + chrono::Days::new(days.saturating_sub(1))),
        hours_per_week: Some(hours),
        supervisor_name: "Henk de Bakker".into(),
        ..InternshipInput::default()
    }
}
