//! The VIP route server: the JSON API under `/api/v1` and the built web app.
//!
//! [`build`] opens the database, applies the migrations and binds the listener, so tests start the
//! real thing on port 0 with a database of their own.

pub mod access;
mod audit;
mod auth;
mod backup;
mod calendar;
pub mod clock;
mod compress;
mod db;
mod demo;
mod error;
mod invitations;
pub mod openapi;
pub mod overload;
mod request;
mod retention;
mod routes;
mod scope;
mod seed;
mod site;

use std::{io, net::SocketAddr, path::PathBuf, time::Duration};

use axum::{
    Router,
    http::{HeaderValue, header},
    serve::ListenerExt,
};
use clap::Parser;
use sqlx::SqlitePool;
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;

pub use backup::{backup, restore};
pub use error::AppError;
pub use routes::api_routes;

/// Command-line options; each can also come from the environment.
#[derive(Debug, Clone, Parser)]
#[command(name = "vip-server", version, about = "VIP route: API and web app")]
pub struct Config {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, env = "VIP_BIND", default_value = "127.0.0.1:3000")]
    pub bind: SocketAddr,
    /// SQLite database file; it and its folder are created when missing.
    #[arg(long, env = "VIP_DATABASE", default_value = "data/vip.sqlite")]
    pub database: PathBuf,
    /// Folder of the built web app.
    #[arg(long, env = "VIP_SITE", default_value = "target/site")]
    pub site: PathBuf,
    /// Fill an empty database with demonstration data (and demo logins).
    #[arg(long, env = "VIP_DEMO")]
    pub demo: bool,
    /// The address people use to reach the app, for invitation links (default: from --bind).
    #[arg(long, env = "VIP_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Served behind TLS (a reverse proxy): send Strict-Transport-Security.
    #[arg(long, env = "VIP_BEHIND_TLS")]
    pub behind_tls: bool,
    /// A TLS proxy in front, by address (repeat, or separate with commas): only for requests
    /// from it is the client's address taken from `X-Forwarded-For`.
    #[arg(
        long = "trusted-proxy",
        env = "VIP_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The programme's time zone (IANA name): "today" is the calendar day there.
    #[arg(long, env = "VIP_TIME_ZONE", default_value = "Europe/Amsterdam", value_parser = parse_zone)]
    pub time_zone: chrono_tz::Tz,
    /// A clock that stands still, for tests; the wall clock when absent.
    #[arg(skip)]
    pub fixed_now: Option<chrono::DateTime<chrono::Utc>>,
    #[command(flatten)]
    pub limits: overload::Limits,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, clap::Subcommand)]
pub enum Command {
    /// Invite the first coordinator of a municipality (created when missing) and print the
    /// one-time link. Nothing is served.
    InviteCoordinator {
        /// The coordinator's email address.
        email: String,
        /// The municipality's CBS code, e.g. GM0344.
        #[arg(long)]
        municipality: String,
        /// The municipality's name, when it is new.
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Fill a fresh database with generated data at a scale (for benchmarks) and print its
    /// logins. Refuses a database that holds data. Nothing is served.
    Seed {
        /// `vip`: 1,500 participants in 50 municipalities, 100 cohorts over a year.
        #[arg(long, value_enum)]
        scale: seed::Scale,
    },
    /// Write a consistent copy of the database to FILE, readable by its owner only, while the
    /// server may go on serving. Never overwrites a file. Nothing is served.
    Backup {
        /// The file to write; it must not exist.
        file: PathBuf,
    },
    /// Replace the database with the backup FILE, once it passes SQLite's integrity check and is
    /// a VIP route database. Refuses while a server uses the database. Nothing is served.
    Restore {
        /// A file written by `backup`.
        file: PathBuf,
    },
    /// Erase the personal data of the participants whose last follow-up lies longer ago than
    /// the retention setting, and print their ids. Nothing is served.
    Retention {
        /// Only print who is due; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

fn parse_zone(name: &str) -> Result<chrono_tz::Tz, String> {
    name.parse()
        .map_err(|_| format!("unknown time zone {name:?} (an IANA name such as Europe/Amsterdam)"))
}

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
    pub settings: shared::ProgrammeSettings,
    pub passwords: auth::password::Passwords,
    pub limiter: auth::rate_limit::LoginLimiter,
    pub public_url: String,
    /// The origins a state change may come from: the public URL's, or (when none is set) the
    /// bound address, and `localhost` for a loopback one.
    pub origins: Vec<String>,
    pub trusted_proxies: Vec<std::net::IpAddr>,
    pub clock: clock::Clock,
}

/// The origin (`scheme://host[:port]`) of a URL.
fn origin_of(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    format!(
        "{}://{}",
        scheme.to_ascii_lowercase(),
        authority.to_ascii_lowercase()
    )
}

fn own_origins(public_url: Option<&str>, bound: SocketAddr) -> Vec<String> {
    match public_url {
        Some(url) => vec![origin_of(url)],
        None if bound.ip().is_loopback() => vec![
            format!("http://{bound}"),
            format!("http://localhost:{}", bound.port()),
        ],
        None => vec![format!("http://{bound}")],
    }
}

/// A server that is bound and ready to run.
pub struct App {
    listener: TcpListener,
    router: Router,
    state: AppState,
    /// The database's lock, until the server stops.
    lock: backup::DatabaseLock,
}

/// Start-up failures.
#[derive(Debug)]
pub enum StartError {
    Database(sqlx::Error),
    /// `--demo` on a database that holds real data.
    NotDemo,
    Migration(sqlx::migrate::MigrateError),
    /// A restore is replacing the database.
    Restoring,
    Io(io::Error),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Database(e) => write!(f, "database: {e}"),
            StartError::NotDemo => write!(
                f,
                "--demo refuses this database: it holds data that is not demonstration data"
            ),
            StartError::Migration(e) => write!(f, "migration: {e}"),
            StartError::Restoring => write!(
                f,
                "a restore is replacing the database: start the server when it is done"
            ),
            StartError::Io(e) => write!(f, "io: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

/// Opens the database, migrates it, adds demo data when asked, and binds the listener.
pub async fn build(config: Config) -> Result<App, StartError> {
    // Held while the server runs, so a restore refuses meanwhile.
    let lock = backup::DatabaseLock::shared(&config.database).map_err(|err| match err {
        backup::LockError::Held => StartError::Restoring,
        backup::LockError::Io(err) => StartError::Io(err),
    })?;
    let db = db::connect(&config.database).await?;
    let passwords = auth::password::Passwords::new();
    let clock = match config.fixed_now {
        Some(at) => clock::Clock::fixed(at, config.time_zone),
        None => clock::Clock::system(config.time_zone),
    };
    if config.demo {
        demo::fill(&db, &passwords, clock.today())
            .await
            .map_err(|err| match err {
                demo::DemoError::RealData => StartError::NotDemo,
                demo::DemoError::Database(err) => StartError::Database(err),
            })?;
    }
    let listener = TcpListener::bind(config.bind)
        .await
        .map_err(StartError::Io)?;
    let bound = listener.local_addr().map_err(StartError::Io)?;
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{bound}"));
    let origins = own_origins(config.public_url.as_deref(), bound);
    let state = AppState {
        db,
        settings: shared::ProgrammeSettings::default(),
        passwords,
        limiter: auth::rate_limit::LoginLimiter::default(),
        public_url,
        origins,
        trusted_proxies: config.trusted_proxies.clone(),
        clock,
    };
    // Retention runs once before the server is handed out (nothing it erases is ever served),
    // then once a day while it runs.
    retain(&state).await;
    let router = router(state.clone(), &config.site, config.behind_tls)
        .layer(axum::middleware::from_fn_with_state(
            overload::Shedder::new(&config.limits),
            overload::shed,
        ))
        .layer(axum::middleware::from_fn(request::context));
    Ok(App {
        listener,
        router,
        state,
        lock,
    })
}

/// Erases the participants whose retention period has passed; a failure is logged and tried
/// again at the next run.
async fn retain(state: &AppState) {
    let today = state.clock.today();
    match retention::run(&state.db, &state.settings, today, false).await {
        Ok(erased) if !erased.is_empty() => {
            tracing::info!(count = erased.len(), "retention erased participants");
        }
        Ok(_) => {}
        Err(err) => tracing::warn!(error = %err, "retention did not run"),
    }
}

/// The demo logins `--demo` creates, all with [`demo::PASSWORD`].
pub fn demo_logins() -> (&'static [&'static str], &'static str) {
    (demo::LOGINS, demo::PASSWORD)
}

/// The demo logins that need a second factor, each with the `otpauth://` URI of its TOTP secret,
/// and that secret (base32), to add to an authenticator app.
pub fn demo_second_factors() -> (Vec<(&'static str, String)>, &'static str) {
    let secret = auth::totp::DEMO_SECRET;
    let logins = demo::SECOND_FACTOR_LOGINS
        .iter()
        .map(|login| {
            let uri = auth::totp::otpauth_uri(secret, login).unwrap_or_default();
            (*login, uri)
        })
        .collect();
    (logins, secret)
}

/// Creates the municipality when missing and invites its first coordinator; returns the link.
pub async fn invite_coordinator(
    config: &Config,
    email: &str,
    code: &str,
    name: &str,
) -> Result<String, String> {
    let email = shared::values::Email::parse(email).map_err(|e| format!("email: {e}"))?;
    let code =
        shared::values::MunicipalityCode::parse(code).map_err(|e| format!("municipality: {e}"))?;
    let _lock = backup::lock_for_use(&config.database)?;
    let db = db::connect(&config.database)
        .await
        .map_err(|e| e.to_string())?;
    let municipality = match db::municipalities::by_code(&db, &code)
        .await
        .map_err(|e| e.to_string())?
    {
        Some(m) => m.id,
        None => {
            let today = clock::Clock::system(config.time_zone).today();
            let name = if name.trim().is_empty() {
                code.as_str()
            } else {
                name.trim()
            };
            db::municipalities::insert(
                &db,
                &db::municipalities::NewMunicipality {
                    cbs_code: &code,
                    name,
                    agreement_start: today,
                    agreement_end: today + chrono::Days::new(365),
                    contracted_participants: 1,
                    budget_cap_cents: None,
                },
            )
            .await
            .map_err(|e| e.to_string())?
        }
    };
    let existing = db::users::by_email(&db, email.as_str())
        .await
        .map_err(|e| e.to_string())?;
    if existing.as_ref().is_some_and(|u| u.password_hash.is_some()) {
        return Err("this email already has an account".to_owned());
    }
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", config.bind));
    let municipalities = [municipality];
    let mut tx = db::begin_write(&db).await.map_err(|e| e.to_string())?;
    let (user_id, created) = invitations::invite(
        &mut tx,
        &db::users::NewUser {
            email: email.as_str(),
            role: shared::roles::Role::Coordinator,
            first_name: None,
            phone: None,
            participant_id: None,
            organisation_id: None,
            municipality_ids: &municipalities,
        },
        existing.as_ref().map(|u| &u.id),
        None,
        &public_url,
    )
    .await
    .map_err(|e| e.to_string())?;
    audit::record(
        &mut *tx,
        audit::Entry {
            actor: None,
            action: "invitation.create",
            record_type: Some("user"),
            record_id: Some(user_id.as_str()),
            address: Some("command line"),
            outcome: audit::Outcome::Success,
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    db.close().await;
    Ok(created.link)
}

/// Fills a fresh database at `scale`; returns the lines to print (what was added, the logins).
/// `vip-server retention [--dry-run]`: the participants due for erasure, erased unless it is a
/// dry run; the lines to print (ids only).
pub async fn retention(config: &Config, dry_run: bool) -> Result<Vec<String>, String> {
    let db = db::connect(&config.database)
        .await
        .map_err(|e| e.to_string())?;
    let today = clock::Clock::system(config.time_zone).today();
    let result = retention::run(&db, &shared::ProgrammeSettings::default(), today, dry_run).await;
    db.close().await;
    let ids = result.map_err(|e| e.to_string())?;
    let mut lines = vec![if dry_run {
        format!(
            "{} participants due for erasure (dry run: nothing changed)",
            ids.len()
        )
    } else {
        format!("{} participants erased", ids.len())
    }];
    lines.extend(ids.iter().map(ToString::to_string));
    Ok(lines)
}

pub async fn seed(config: &Config, scale: seed::Scale) -> Result<Vec<String>, String> {
    let _lock = backup::lock_for_use(&config.database)?;
    let db = db::connect(&config.database)
        .await
        .map_err(|e| e.to_string())?;
    let passwords = auth::password::Passwords::new();
    let today = clock::Clock::system(config.time_zone).today();
    let result = seed::fill(&db, &passwords, scale, today).await;
    db.close().await;
    result
        .map(|summary| summary.lines())
        .map_err(|e| e.to_string())
}

/// Nothing of the device's hardware or the page's context is the app's to use.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
    fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), \
    payment=(), publickey-credentials-get=(), usb=(), interest-cohort=()";

/// The whole HTTP application: API, web app and the headers on every answer (the request
/// context and load shedding wrap it in [`build`]).
pub fn router(state: AppState, site: &std::path::Path, behind_tls: bool) -> Router {
    let router = Router::new()
        .nest(shared::api::paths::BASE, routes::api(state))
        .merge(routes::api_not_found())
        .fallback_service(site::service(site))
        // Headers on every response.
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(PERMISSIONS_POLICY),
        ));
    if behind_tls {
        router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ))
    } else {
        router
    }
}

/// The content security policy: own origin only; WASM may be compiled.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

impl App {
    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound TCP listener has a local address")
    }

    /// The database pool, for tests that look behind the API.
    pub fn db(&self) -> &SqlitePool {
        &self.state.db
    }

    /// Serves until `shutdown` completes, then finishes open requests and closes the database.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> io::Result<()> {
        // Without TCP_NODELAY, small responses on a kept-alive connection wait for delayed ACKs.
        let listener = self.listener.tap_io(|tcp| {
            if let Err(err) = tcp.set_nodelay(true) {
                tracing::warn!(error = %err, "could not set TCP_NODELAY");
            }
        });
        // Expired sessions are removed every ten minutes.
        let store = auth::session_store::SqlSessionStore::new(self.state.db.clone());
        let sweeper = tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(600));
            loop {
                every.tick().await;
                if let Err(err) = store.delete_expired().await {
                    tracing::warn!(error = %err, "could not remove expired sessions");
                }
            }
        });
        // Retention ran once when the server was built; from here once a day.
        let state = self.state.clone();
        let retention = tokio::spawn(async move {
            let day = Duration::from_secs(24 * 60 * 60);
            let mut every = tokio::time::interval_at(tokio::time::Instant::now() + day, day);
            loop {
                every.tick().await;
                retain(&state).await;
            }
        });
        let result = axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        sweeper.abort();
        retention.abort();
        tokio::time::timeout(Duration::from_secs(5), self.state.db.close())
            .await
            .ok();
        tracing::info!("server stopped");
        drop(self.lock);
        result
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested");
}

/// Logs to stderr; `RUST_LOG` sets the level (default `info`).
pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    use std::io::IsTerminal;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(io::stderr().is_terminal())
        .with_writer(io::stderr)
        .compact()
        .init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_of_a_public_url_drops_its_path_and_case() {
        assert_eq!(
            origin_of("HTTPS://VIP.Example.org/app/"),
            "https://vip.example.org"
        );
        assert_eq!(origin_of("http://127.0.0.1:3000"), "http://127.0.0.1:3000");
    }

    #[test]
    fn a_loopback_server_without_a_public_url_also_answers_localhost() {
        let bound: SocketAddr = "127.0.0.1:3000".parse().unwrap();
        assert_eq!(
            own_origins(None, bound),
            ["http://127.0.0.1:3000", "http://localhost:3000"]
        );
        assert_eq!(
            own_origins(Some("https://vip.example.org"), bound),
            ["https://vip.example.org"]
        );
    }
}
