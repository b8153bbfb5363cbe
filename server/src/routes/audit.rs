//! `GET /audit`: the audit log, for coordinators.
//!
//! A coordinator sees the log of their region only, as with every other record (security design:
//! a coordinator reaches only the municipalities their account is bound to): the entries about
//! records in those municipalities and the entries of the region's people (see
//! [`db::audit::list`] for the exact rule). Every other role answers 403. An entry shows ids,
//! the action, its outcome and the moment, never the address it came from.

use axum::{Router, extract::State, routing::get};
use shared::api::{AuditEntry, AuditOutcome, AuditQuery, Page, paths};

use crate::{
    AppError, AppState,
    access::{self, Action, Resource},
    auth::{ClientAddress, CurrentUser},
    db::{self, audit::AuditRow},
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::AUDIT, get(list_audit))
}

/// Newest first; `next_cursor` is set when the page is full.
async fn list_audit(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<AuditQuery>,
) -> ApiResult<Page<AuditEntry>> {
    access::require(&state, &user, &address, Resource::AuditLog, Action::Read).await?;
    let filter = query.validate().map_err(AppError::BadQuery)?;
    let rows = db::audit::list(&state.db, &user.id, &filter).await?;
    super::page(
        rows,
        filter.limit,
        |row| row.seq.to_string(),
        |row: AuditRow| {
            Ok(AuditEntry {
                outcome: AuditOutcome::parse(&row.outcome)
                    .ok_or_else(|| AppError::stored("audit outcome"))?,
                id: row.id,
                at: row.at,
                actor_id: row.actor_id,
                action: row.action,
                record_type: row.record_type,
                record_id: row.record_id,
            })
        },
    )
    .map(Json)
}
