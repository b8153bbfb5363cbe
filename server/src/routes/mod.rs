//! The API routers, one module per resource.

mod audit;
mod auth;
mod budget;
mod calendar;
mod cohorts;
mod contacts;
mod events;
mod exports;
mod health;
mod history;
mod internships;
mod introductions;
mod invitations;
pub mod map;
mod matching;
mod municipalities;
mod openings;
mod organisations;
mod outcomes;
mod participants;
mod plan;
mod registrations;
mod reports;
mod rights;
mod route;
mod users;

use std::time::Duration;

use axum::{
    Router,
    extract::{DefaultBodyLimit, Request, State},
    http::{HeaderValue, Method, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::any,
};
use shared::api::Page;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::{AppError, AppState};

/// Largest JSON body the API accepts.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;
/// Longest a request may take before it is answered with 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything under `/api/v1`.
pub fn api(state: AppState) -> Router {
    let sessions = crate::auth::session_layer(
        crate::auth::session_store::SqlSessionStore::new(state.db.clone()),
        state.settings.session_idle_minutes,
    );
    api_routes()
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(sessions)
        .layer(middleware::from_fn_with_state(state.clone(), same_origin))
        .layer(middleware::from_fn(timeout))
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(middleware::from_fn(crate::compress::json))
        .with_state(state)
}

/// Every route of the API, relative to `/api/v1`, without the state and the layers [`api`] adds.
/// The OpenAPI document ([`crate::openapi`]) lists the same routes; a test compares the two.
pub fn api_routes() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(crate::openapi::router())
        .merge(auth::router())
        .merge(invitations::router())
        .merge(users::router())
        .merge(municipalities::router())
        .merge(cohorts::router())
        .merge(participants::router())
        .merge(plan::router())
        .merge(contacts::router())
        .merge(internships::router())
        .merge(budget::router())
        .merge(introductions::router())
        .merge(outcomes::router())
        .merge(reports::router())
        .merge(route::router())
        .merge(organisations::router())
        .merge(openings::router())
        .merge(registrations::router())
        .merge(map::router())
        .merge(matching::router())
        .merge(events::router())
        .merge(history::router())
        .merge(rights::router())
        .merge(exports::router())
        .merge(calendar::router())
        .merge(audit::router())
}

/// Any other `/api/...` path: our JSON 404, never the web app's page.
pub fn api_not_found() -> Router {
    Router::new()
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

async fn not_found() -> AppError {
    AppError::NotFound
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}

/// Refuses a state change that does not show it comes from this app: its `Origin` must be one
/// of the server's own (from the configured public URL, never the request's `Host`); without an
/// `Origin`, `Sec-Fetch-Site` must say `same-origin`; a request with neither is refused.
async fn same_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    let site = headers.get("sec-fetch-site").and_then(|s| s.to_str().ok());
    let origin_ok = origin.map(|o| {
        let o = o.to_ascii_lowercase();
        state.origins.contains(&o)
    });
    let site_ok = site.map(|s| s == "same-origin");
    let allowed = match (origin_ok, site_ok) {
        (Some(origin), Some(site)) => origin && site,
        (Some(origin), None) => origin,
        (None, Some(site)) => site,
        (None, None) => false,
    };
    if allowed {
        next.run(request).await
    } else {
        tracing::warn!("state change from another site, or of unknown origin, refused");
        AppError::Forbidden.into_response()
    }
}

/// One page of a list whose rows are ordered by id: the next cursor is the last id when the
/// page is full.
pub fn page<R, T>(
    rows: Vec<R>,
    limit: u32,
    id: impl Fn(&R) -> String,
    convert: impl Fn(R) -> Result<T, AppError>,
) -> Result<Page<T>, AppError> {
    let next_cursor = if rows.len() == limit as usize {
        rows.last().map(id)
    } else {
        None
    };
    Ok(Page {
        items: rows.into_iter().map(convert).collect::<Result<_, _>>()?,
        next_cursor,
    })
}

/// Who makes a change and what it is, for its audit entry.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    pub user: &'a crate::auth::CurrentUser,
    pub address: &'a crate::auth::ClientAddress,
    pub action: &'a str,
    pub record_type: &'a str,
    /// The participant whose file the change writes, checked again inside the write.
    pub reach: Option<crate::access::Reach<'a>>,
}

impl<'a> Change<'a> {
    pub fn new(
        user: &'a crate::auth::CurrentUser,
        address: &'a crate::auth::ClientAddress,
        action: &'a str,
        record_type: &'a str,
    ) -> Self {
        Change {
            user,
            address,
            action,
            record_type,
            reach: None,
        }
    }

    /// A change in a participant's file: the access granted for `resource` and `action` is
    /// checked again on the participant as stored inside the write.
    pub fn reaching(
        self,
        participant: &'a shared::ids::ParticipantId,
        resource: crate::access::Resource,
        action: crate::access::Action,
    ) -> Self {
        Change {
            reach: Some(crate::access::Reach {
                participant,
                resource,
                action,
            }),
            ..self
        }
    }
}

/// The one write path: opens a transaction that holds the write lock, runs `body` (the rule checks
/// that read stored state and the write they guard; it answers the changed record's id), appends
/// the audit entry, marks the history its changes wrote (see [`crate::db::history`]) as the
/// account's, and commits once. Any error rolls everything back, audit entry and history included.
pub async fn write<I: AsRef<str>>(
    state: &AppState,
    change: Change<'_>,
    body: impl AsyncFnOnce(&mut sqlx::SqliteConnection) -> Result<I, AppError>,
) -> Result<I, AppError> {
    let mut tx = crate::db::begin_write(&state.db).await?;
    // The account as stored now: one disabled since the request began writes nothing. (An
    // account's municipalities are only ever added, so a region checked before the write never
    // reaches further than the stored one.)
    let account = crate::db::users::signed_in(&mut *tx, &change.user.id).await?;
    if !account.is_some_and(|a| a.usable) {
        return Err(AppError::Unauthenticated);
    }
    if let Some(reach) = &change.reach
        && !crate::access::still_reaches(&mut tx, change.user, reach).await?
    {
        tx.rollback().await?;
        return Err(crate::access::refuse(
            state,
            change.user,
            change.address,
            reach.resource,
            reach.participant,
        )
        .await);
    }
    let history_before = crate::db::history::last_seq(&mut *tx).await?;
    let record_id = body(&mut tx).await?;
    crate::db::history::claim(&mut *tx, history_before, &change.user.id, change.action).await?;
    crate::audit::record(
        &mut *tx,
        crate::audit::Entry {
            actor: Some(&change.user.id),
            action: change.action,
            record_type: Some(change.record_type),
            record_id: Some(record_id.as_ref()),
            address: Some(&change.address.0),
            outcome: crate::audit::Outcome::Success,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(record_id)
}

/// The 409 for an update that lost the race (inside its write): names the version now stored.
pub async fn stale(
    db: &mut sqlx::SqliteConnection,
    table: crate::db::Versioned,
    id: impl AsRef<str>,
    given: i64,
) -> AppError {
    match crate::db::version_of(db, table, id.as_ref()).await {
        Ok(Some(current)) => AppError::Conflict(
            shared::rules::versions::check_version(current, given)
                .err()
                .map(Into::into)
                .unwrap_or_default(),
        ),
        Ok(None) => AppError::NotFound,
        Err(err) => err.into(),
    }
}

async fn timeout(request: Request, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => AppError::Unavailable.into_response(),
    }
}
