//! JSON answers over 1 KiB go compressed to a client that accepts it, and as they are to one that
//! does not.

use std::io::Read as _;

use reqwest::header;

use crate::helpers::{DEMO_PASSWORD, spawn_app_with};

/// The participant list of the demo coordinator: several KiB of JSON.
const LIST: &str = "/api/v1/participants";

async fn fetch(client: &reqwest::Client, url: &str, accept: &str) -> reqwest::Response {
    client
        .get(url)
        .header(header::ACCEPT_ENCODING, accept)
        .send()
        .await
        .expect("the server answers")
}

fn header_of(response: &reqwest::Response, name: header::HeaderName) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

#[tokio::test]
async fn a_large_json_answer_is_compressed_with_brotli_or_gzip_as_accepted() {
    let app = spawn_app_with(true).await;
    let client = app.login("coordinator@example.org", DEMO_PASSWORD).await;
    let url = app.url(LIST);

    let plain = fetch(&client, &url, "identity").await;
    assert_eq!(plain.status(), 200);
    assert_eq!(header_of(&plain, header::CONTENT_ENCODING), None);
    assert_eq!(
        header_of(&plain, header::VARY).as_deref(),
        Some("accept-encoding")
    );
    let plain = plain.bytes().await.expect("a body");
    assert!(plain.len() > 1024, "the list is {} bytes", plain.len());

    let br = fetch(&client, &url, "gzip, deflate, br, zstd").await;
    assert_eq!(
        header_of(&br, header::CONTENT_ENCODING).as_deref(),
        Some("br")
    );
    let br = br.bytes().await.expect("a body");
    assert!(
        br.len() * 3 < plain.len(),
        "{} of {} bytes",
        br.len(),
        plain.len()
    );
    let mut decoded = Vec::new();
    brotli::Decompressor::new(&br[..], 4096)
        .read_to_end(&mut decoded)
        .expect("valid Brotli");
    assert_eq!(decoded, plain);

    let gz = fetch(&client, &url, "gzip").await;
    assert_eq!(
        header_of(&gz, header::CONTENT_ENCODING).as_deref(),
        Some("gzip")
    );
    let gz = gz.bytes().await.expect("a body");
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut decoded)
        .expect("valid gzip");
    assert_eq!(decoded, plain);
}

#[tokio::test]
async fn a_small_answer_goes_as_it_is() {
    let app = spawn_app_with(false).await;
    let answer = fetch(&app.browser(), &app.url("/api/v1/health"), "br, gzip").await;
    assert_eq!(answer.status(), 200);
    assert_eq!(header_of(&answer, header::CONTENT_ENCODING), None);
    let body: serde_json::Value = answer.json().await.expect("plain JSON");
    assert!(body.is_object());
}
