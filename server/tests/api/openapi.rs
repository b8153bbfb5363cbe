//! The OpenAPI document: served without a session, and listing exactly the routes the router
//! serves, each with exactly the methods it answers.

use std::collections::{BTreeMap, BTreeSet};

use reqwest::{Method, StatusCode, header};
use serde_json::Value;

use crate::helpers::{TestApp, spawn_app};

async fn document(app: &TestApp) -> Value {
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("the document is JSON")
}

/// The paths the API router serves, read from the router itself: axum's `Debug` of a router
/// shows its `path_router` (every route it holds, by path) before its `fallback_router`, and no
/// other text in that part starts with `/`.
fn routed_paths() -> BTreeSet<String> {
    let text = format!("{:?}", server::api_routes());
    let routes = text
        .split_once("path_router:")
        .and_then(|(_, rest)| rest.split_once("fallback_router:"))
        .map(|(routes, _)| routes)
        .expect("the router's Debug shows its path router");
    let paths: BTreeSet<String> = routes
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with('/'))
        .map(|path| format!("/api/v1{path}"))
        .collect();
    assert!(
        paths.contains("/api/v1/health") && paths.len() > 30,
        "the router's paths are readable: {paths:?}"
    );
    paths
}

/// The methods of each path of the document, upper case.
fn documented(doc: &Value) -> BTreeMap<String, BTreeSet<String>> {
    doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .map(|(path, item)| {
            let methods = item
                .as_object()
                .expect("a path item")
                .keys()
                .map(|m| m.to_ascii_uppercase())
                .collect();
            (path.clone(), methods)
        })
        .collect()
}

#[tokio::test]
async fn the_document_lists_every_path_the_router_serves_and_no_other() {
    let app = spawn_app().await;
    let doc = document(&app).await;

    let documented: BTreeSet<String> = documented(&doc).into_keys().collect();
    let routed = routed_paths();

    let undocumented: Vec<&String> = routed.difference(&documented).collect();
    let not_routed: Vec<&String> = documented.difference(&routed).collect();
    assert!(
        undocumented.is_empty() && not_routed.is_empty(),
        "served but missing from the document (add them to server/src/openapi.rs): \
         {undocumented:?}; documented but not served: {not_routed:?}"
    );
}

#[tokio::test]
async fn each_path_of_the_document_answers_exactly_its_documented_methods() {
    let app = spawn_app().await;
    let doc = document(&app).await;

    for (path, methods) in documented(&doc) {
        let concrete = path.replace("{id}", "x1").replace("{n}", "1");
        // No route answers OPTIONS, so the router names the methods it has for this path.
        let response = app
            .client
            .request(Method::OPTIONS, app.url(&concrete))
            .send()
            .await
            .expect("the server answers");
        assert_eq!(
            response.status(),
            StatusCode::METHOD_NOT_ALLOWED,
            "{path} is routed"
        );
        let allowed: BTreeSet<String> = response
            .headers()
            .get(header::ALLOW)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .split(',')
            .map(|m| m.trim().to_owned())
            .filter(|m| m != "HEAD")
            .collect();
        assert_eq!(allowed, methods, "the methods of {path}");
    }
}

#[tokio::test]
async fn the_document_is_openapi_3_1_and_every_reference_resolves() {
    let app = spawn_app().await;
    let doc = document(&app).await;

    assert_eq!(doc["openapi"], "3.1.0");
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(refs.len() > 100, "the document refers to its components");
    for reference in refs {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{reference} is local"));
        assert!(doc.pointer(pointer).is_some(), "{reference} resolves");
    }
}

fn collect_refs(value: &Value, refs: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("$ref", Value::String(r)) => refs.push(r.clone()),
                    _ => collect_refs(v, refs),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, refs)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

#[tokio::test]
async fn only_health_login_invitations_reset_links_logout_the_calendar_feed_and_the_document_need_no_session()
 {
    let app = spawn_app().await;
    let doc = document(&app).await;

    let scheme = &doc["components"]["securitySchemes"]["session"];
    assert_eq!(scheme["type"], "apiKey");
    assert_eq!(scheme["in"], "cookie");
    assert_eq!(scheme["name"], "__Host-vip_session");
    let mut open = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("a path item") {
            let security = op["security"].as_array().cloned().unwrap_or_default();
            let needs_session = !security.is_empty()
                && security
                    .iter()
                    .all(|requirement| requirement.get("session").is_some());
            if !needs_session {
                open.insert(format!("{} {path}", method.to_ascii_uppercase()));
            }
            if needs_session {
                assert!(
                    op["responses"].get("401").is_some(),
                    "{method} {path} answers 401 without a session"
                );
            }
        }
    }
    assert_eq!(
        open,
        BTreeSet::from(
            [
                "GET /api/v1/health",
                "GET /api/v1/openapi.json",
                "POST /api/v1/auth/login",
                "POST /api/v1/auth/logout",
                "POST /api/v1/auth/accept-invitation",
                "POST /api/v1/auth/reset-password",
                "GET /api/v1/calendar",
            ]
            .map(String::from)
        )
    );
}

#[tokio::test]
async fn every_error_answer_of_the_document_is_the_one_error_shape() {
    let app = spawn_app().await;
    let doc = document(&app).await;

    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("a path item") {
            for (status, response) in op["responses"].as_object().expect("responses") {
                if status.starts_with('2') {
                    continue;
                }
                let target = response["$ref"]
                    .as_str()
                    .and_then(|r| doc.pointer(r.trim_start_matches('#')))
                    .unwrap_or(response);
                let schema = &target["content"]["application/json"]["schema"];
                assert_eq!(
                    schema["allOf"][0]["$ref"], "#/components/schemas/ErrorBody",
                    "{method} {path} {status}"
                );
            }
        }
    }
}
