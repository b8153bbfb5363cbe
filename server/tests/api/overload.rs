//! Load shedding: beyond its limit the server answers 503 with `Retry-After` at once, a request
//! that takes too long is answered 503, and the server serves again when the load is gone.

use std::time::Duration;

use reqwest::StatusCode;
use shared::api::{ErrorBody, ErrorKind};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

use crate::helpers::{PUBLIC_URL, TestApp, spawn_app_configured};

/// A request that the server starts and then waits on: a login whose body never arrives in full.
/// The server holds it (a permit, a handler waiting for the body) until the connection closes.
async fn hold_a_request(app: &TestApp) -> TcpStream {
    let mut stream = TcpStream::connect(app.addr).await.expect("a connection");
    let head = format!(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: {}\r\nOrigin: {PUBLIC_URL}\r\n\
         Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"email\"",
        app.addr
    );
    stream
        .write_all(head.as_bytes())
        .await
        .expect("the head is sent");
    stream
}

/// The health endpoint's status, polled until it is `wanted` (at most ~5 s, since the held request
/// reaches the server's handler in its own time); answers the last response.
async fn health_until(app: &TestApp, wanted: StatusCode) -> reqwest::Response {
    let mut last = app.get("/api/v1/health").await;
    for _ in 0..500 {
        if last.status() == wanted {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
        last = app.get("/api/v1/health").await;
    }
    last
}

#[tokio::test]
async fn beyond_its_limit_the_server_sheds_with_503_and_retry_after_and_recovers() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let app = spawn_app_configured(dir, false, |config| {
        config.limits.max_in_flight = 1;
    })
    .await;
    assert_eq!(app.get("/api/v1/health").await.status(), StatusCode::OK);

    let held = hold_a_request(&app).await;
    let shed = health_until(&app, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(shed.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        shed.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("1")
    );
    assert!(shed.headers().contains_key("x-request-id"));
    let body: ErrorBody = shed.json().await.expect("the error shape");
    assert_eq!(body.error, ErrorKind::Unavailable);
    assert!(body.violations.is_empty());

    drop(held);
    let recovered = health_until(&app, StatusCode::OK).await;
    assert_eq!(
        recovered.status(),
        StatusCode::OK,
        "the server serves again once the held request is gone"
    );
}

#[tokio::test]
async fn a_request_not_answered_in_time_gets_503_with_retry_after() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let app = spawn_app_configured(dir, false, |config| {
        config.limits.request_timeout_ms = 300;
    })
    .await;

    let mut held = hold_a_request(&app).await;
    // Read until the error body has arrived or the server closes the connection; a server without
    // a time limit would wait for the body for ever, so the test gives up after 30 s.
    let mut answer = Vec::new();
    let mut chunk = [0u8; 1024];
    let read_all = async {
        while !String::from_utf8_lossy(&answer).contains("\"request_id\"") {
            let read = held.read(&mut chunk).await.expect("the connection reads");
            if read == 0 {
                break;
            }
            answer.extend_from_slice(&chunk[..read]);
        }
    };
    tokio::time::timeout(Duration::from_secs(30), read_all)
        .await
        .expect("the server answers a held request by itself");
    let answer = String::from_utf8_lossy(&answer);
    let head = answer
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    assert!(
        head.starts_with("http/1.1 503"),
        "a held request is answered 503: {head}"
    );
    assert!(head.contains("\r\nretry-after: 1"), "{head}");
    assert!(answer.contains("\"error\":\"unavailable\""), "{answer}");
    assert_eq!(app.get("/api/v1/health").await.status(), StatusCode::OK);
}
