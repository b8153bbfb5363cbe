//! Outcomes and their follow-up: success, each validation code, the route's last step.

use chrono::{Days, Months};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{call, participant, spawn_app_with, today};

#[tokio::test]
async fn a_coordinator_records_a_paid_job_and_the_route_is_done() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let amal = participant(&app, "Amal").await;
    let today = today();
    let path = format!("/participants/{amal}/outcomes");

    let (status, body) = call(&app, &coordinator, Method::POST, &path,
        Some(json!({"kind": "paid_job", "date": (today + Days::new(1)).to_string(), "hours_per_week": 41,
                    "contract": null, "reason": ""}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let codes: Vec<&str> = body["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["in_the_future", "hours_out_of_range", "required"]);

    let (status, created) = call(
        &app,
        &coordinator,
        Method::POST,
        &path,
        Some(
            json!({"kind": "paid_job", "date": today.to_string(), "hours_per_week": 32,
                    "contract": "temporary", "reason": ""}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(
        created["follow_up_due"],
        (today + Months::new(6)).to_string()
    );

    let me = app.demo("participant@example.org").await;
    let (_, route) = call(
        &app,
        &me,
        Method::GET,
        &format!("/participants/{amal}/route"),
        None,
    )
    .await;
    assert_eq!(route["route"]["steps"][5]["status"], "done");
    assert_eq!(route["route"]["next_step"]["kind"], "done");

    let coach = app.demo("coach@example.org").await;
    let (status, _) = call(&app, &coach, Method::POST, &path,
        Some(json!({"kind": "education", "date": today.to_string(), "hours_per_week": null, "contract": null, "reason": ""}))).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "only a coordinator records outcomes"
    );
}

#[tokio::test]
async fn no_outcome_needs_a_reason_and_a_follow_up_waits_six_months() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let yonas = participant(&app, "Yonas").await;
    let today = today();
    let path = format!("/participants/{yonas}/outcomes");

    let (status, body) = call(&app, &coordinator, Method::POST, &path,
        Some(json!({"kind": "none", "date": today.to_string(), "hours_per_week": null, "contract": null, "reason": ""}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["violations"][0]["field"], "reason");

    let (_, created) = call(&app, &coordinator, Method::POST, &path,
        Some(json!({"kind": "none", "date": today.to_string(), "hours_per_week": null, "contract": null,
                    "reason": "Verhuisd naar een andere gemeente"}))).await;
    let id = created["id"].as_str().unwrap();
    let (status, early) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("/outcomes/{id}/follow-up"),
        Some(json!({"date": today.to_string(), "lasted": false, "ladder_rung": 3, "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(early["violations"][0]["code"], "follow_up_too_early");
    assert_eq!(
        early["violations"][0]["params"]["due_date"],
        (today + Months::new(6)).to_string()
    );

    // An outcome from long ago can be followed up today.
    sqlx::query("UPDATE outcomes SET date = '2025-01-06' WHERE id = $1")
        .bind(id)
        .execute(&app.db)
        .await
        .unwrap();
    let (status, done) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("/outcomes/{id}/follow-up"),
        Some(json!({"date": today.to_string(), "lasted": true, "ladder_rung": 5, "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["follow_up"]["ladder_rung"], 5);
    let (status, stale) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("/outcomes/{id}/follow-up"),
        Some(json!({"date": today.to_string(), "lasted": true, "ladder_rung": 6, "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(stale["violations"][0]["code"], "stale_version");
}
