use axum::{Router, extract::State, routing::get};
use shared::api::{HealthResponse, HealthStatus, paths};

use crate::{AppError, AppState, db, error::ApiResult, error::Json};

pub fn router() -> Router<AppState> {
    Router::new().route(paths::HEALTH, get(get_health))
}

/// Up when the database answers a query.
async fn get_health(State(state): State<AppState>) -> ApiResult<HealthResponse> {
    match db::ping(&state.db).await {
        Ok(()) => Ok(Json(HealthResponse {
            status: HealthStatus::Ok,
        })),
        Err(err) => {
            tracing::error!(error = %err, "health check: database unreachable");
            Err(AppError::Unavailable)
        }
    }
}
