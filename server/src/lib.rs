//! The VIP route server: the JSON API under `/api/v1` and the built web app.
//!
//! [`build`] opens the database, applies the migrations and binds the listener, so tests start the
//! real thing on port 0 with a database of their own.

mod db;
mod demo;
mod error;
mod request;
mod routes;
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

pub use error::AppError;

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
    /// Fill an empty database with demonstration data.
    #[arg(long, env = "VIP_DEMO")]
    pub demo: bool,
}

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
}

/// A server that is bound and ready to run.
pub struct App {
    listener: TcpListener,
    router: Router,
    state: AppState,
}

/// Start-up failures.
#[derive(Debug)]
pub enum StartError {
    Database(sqlx::Error),
    Migration(sqlx::migrate::MigrateError),
    Io(io::Error),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Database(e) => write!(f, "database: {e}"),
            StartError::Migration(e) => write!(f, "migration: {e}"),
            StartError::Io(e) => write!(f, "io: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

/// Opens the database, migrates it, adds demo data when asked, and binds the listener.
pub async fn build(config: Config) -> Result<App, StartError> {
    let db = db::connect(&config.database).await?;
    if config.demo {
        demo::fill(&db).await.map_err(StartError::Database)?;
    }
    let state = AppState { db };
    let router = router(state.clone(), &config.site);
    let listener = TcpListener::bind(config.bind)
        .await
        .map_err(StartError::Io)?;
    Ok(App {
        listener,
        router,
        state,
    })
}

/// The whole HTTP application: API, web app and the layers around them.
pub fn router(state: AppState, site: &std::path::Path) -> Router {
    Router::new()
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
        .layer(axum::middleware::from_fn(request::context))
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
        let result = axum::serve(listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await;
        tokio::time::timeout(Duration::from_secs(5), self.state.db.close())
            .await
            .ok();
        tracing::info!("server stopped");
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
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(io::stderr)
        .compact()
        .init();
}
