//! The built web app: hashed assets under `/pkg` cached for a year, `index.html` for every other
//! path without a file extension so deep links load the app.

use std::path::{Path, PathBuf};

use axum::{
    Router,
    http::{HeaderValue, StatusCode, Uri, header},
    response::{IntoResponse, Response},
    routing::get,
};
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer};

/// Serves the site folder.
pub fn service(site: &Path) -> Router {
    let index = site.join("index.html");
    let pkg = ServeDir::new(site.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let index_for_root = index.clone();
    let files = ServeDir::new(site)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(get(move |uri: Uri| spa_fallback(uri, index.clone())));
    Router::new()
        .route("/", get(move || serve_index(index_for_root.clone())))
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ))
                .service(pkg),
        )
        .fallback_service(files)
}

async fn spa_fallback(uri: Uri, index: PathBuf) -> Response {
    let last = uri.path().rsplit('/').next().unwrap_or_default();
    if last.contains('.') {
        // A missing file, not a page of the app.
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    serve_index(index).await
}

async fn serve_index(index: PathBuf) -> Response {
    match tokio::fs::read(&index).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            bytes,
        )
            .into_response(),
        Err(err) => {
            tracing::error!(error = %err, "index.html missing: build the bundle first");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "The web app has not been built.",
            )
                .into_response()
        }
    }
}
