//! Request bodies: JSON that does not read as the request type names the field and a code (422),
//! a body that is not JSON is a bad request (400), and a PATCH changes only the fields it holds.

use chrono::Days;
use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{TestApp, call, participant_id, scalar, spawn_app_with, today};

/// Each violation as (field, code).
fn codes(body: &Value) -> Vec<(String, String)> {
    body["violations"]
        .as_array()
        .expect("a list of violations")
        .iter()
        .map(|v| {
            (
                v["field"].as_str().unwrap().to_owned(),
                v["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn one(field: &str, code: &str) -> Vec<(String, String)> {
    vec![(field.to_owned(), code.to_owned())]
}

/// Asserts an answer of `status` whose only violation is `code` on `field`; answers its body.
#[track_caller]
fn refused(answer: (StatusCode, Value), status: StatusCode, field: &str, code: &str) -> Value {
    let (got, body) = answer;
    assert_eq!(got, status, "{body}");
    assert_eq!(codes(&body), one(field, code));
    body
}

/// What a write leaves behind: the rows of every table but the sessions, the sum of the
/// versions where records have one, the attendance marks, and the audit log (every write adds
/// an entry).
async fn fingerprint(app: &TestApp) -> Vec<String> {
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE '_sqlx%' AND name <> 'sessions' ORDER BY name",
    )
    .fetch_all(&app.db)
    .await
    .expect("the tables");
    let mut figures = Vec::new();
    for table in tables {
        let has_version: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = 'version'"
        )))
        .fetch_one(&app.db)
        .await
        .expect("the columns");
        let sql = if has_version > 0 {
            format!("SELECT COUNT(*) || '/' || COALESCE(SUM(version), 0) FROM {table}")
        } else {
            format!("SELECT CAST(COUNT(*) AS TEXT) FROM {table}")
        };
        figures.push(format!("{table}: {}", scalar(app, &sql).await));
    }
    figures.push(
        scalar(
            app,
            "SELECT COALESCE(group_concat(participant_id || status), '') FROM attendance",
        )
        .await,
    );
    figures
}

/// A goal of Amal's made by her coach, with a target date; answers its id.
async fn amal_goal(app: &TestApp, coach: &reqwest::Client) -> String {
    let amal = participant_id(app, "Amal").await;
    let target = (today() + Days::new(30)).to_string();
    let (status, body) = call(
        app,
        coach,
        Method::POST,
        &format!("/participants/{amal}/goals"),
        Some(json!({"title": "Taal leren", "target_date": target, "status": null})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

async fn patch_goal(
    app: &TestApp,
    coach: &reqwest::Client,
    id: &str,
    body: Value,
) -> (StatusCode, Value) {
    call(
        app,
        coach,
        Method::PATCH,
        &format!("/goals/{id}"),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn a_value_outside_its_list_names_the_field_and_the_allowed_values() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let goal = amal_goal(&app, &coach).await;
    let amal = participant_id(&app, "Amal").await;
    let before = fingerprint(&app).await;

    let (status, body) =
        patch_goal(&app, &coach, &goal, json!({"status": "done", "version": 1})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"], "validation");
    assert_eq!(codes(&body), one("status", "invalid_choice"));
    assert_eq!(
        body["violations"][0]["params"],
        json!({"allowed": "open, reached, dropped"})
    );

    let body = refused(
        call(
            &app,
            &coach,
            Method::POST,
            &format!("/participants/{amal}/contacts"),
            Some(
                json!({"date": today().to_string(), "kind": "visit", "minutes": 30,
                    "note": "", "summary": "Gesprek"}),
            ),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "kind",
        "invalid_choice",
    );
    assert_eq!(
        body["violations"][0]["params"],
        json!({"allowed": "meeting, call, message"})
    );

    assert_eq!(fingerprint(&app).await, before);
}

#[tokio::test]
async fn a_wrong_value_in_a_list_is_named_by_its_place_in_the_list() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let cohort = scalar(
        &app,
        "SELECT id FROM cohorts WHERE name = 'Utrecht voorjaar'",
    )
    .await;
    let amal = participant_id(&app, "Amal").await;
    let rasha = participant_id(&app, "Rasha").await;
    let before = fingerprint(&app).await;

    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/1/attendance"),
        Some(json!([
            {"participant_id": amal, "status": "present"},
            {"participant_id": rasha, "status": "late"},
        ])),
    )
    .await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(codes(&body), one("lines.1.status", "invalid_choice"));
    assert_eq!(
        body["violations"][0]["params"]["allowed"],
        "present, excused, absent, made_up"
    );
    assert_eq!(fingerprint(&app).await, before);
}

#[tokio::test]
async fn a_missing_field_without_a_default_is_required() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let goal = amal_goal(&app, &coach).await;
    let before = fingerprint(&app).await;

    refused(
        patch_goal(&app, &coach, &goal, json!({"title": "Werk vinden"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "version",
        "required",
    );

    let visit = scalar(
        &app,
        "SELECT id FROM openings WHERE kind = 'company_visit' ORDER BY id LIMIT 1",
    )
    .await;
    refused(
        call(
            &app,
            &coach,
            Method::POST,
            &format!("/openings/{visit}/registrations"),
            Some(json!({})),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "participant_id",
        "required",
    );

    assert_eq!(fingerprint(&app).await, before);
}

#[tokio::test]
async fn a_wrong_type_a_bad_date_or_a_malformed_id_is_an_invalid_format() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let goal = amal_goal(&app, &coach).await;
    let amal = participant_id(&app, "Amal").await;
    let before = fingerprint(&app).await;

    refused(
        patch_goal(&app, &coach, &goal, json!({"title": 12, "version": 1})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "title",
        "invalid_format",
    );

    refused(
        patch_goal(
            &app,
            &coach,
            &goal,
            json!({"target_date": "2026-13-40", "version": 1}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "target_date",
        "invalid_format",
    );

    refused(
        patch_goal(&app, &coach, &goal, json!({"version": "one"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "version",
        "invalid_format",
    );

    let secret = "Jan de Vries, 0612345678";
    let body = refused(
        call(
            &app,
            &coach,
            Method::POST,
            &format!("/participants/{amal}/introductions"),
            Some(json!({"organisation_id": secret, "motivation": "Zij wil graag bakken."})),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "organisation_id",
        "invalid_format",
    );
    assert!(!body.to_string().contains("Jan"), "{body}");

    assert_eq!(fingerprint(&app).await, before);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_bad_request() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let goal = amal_goal(&app, &coach).await;
    let url = app.url(&format!("/api/v1/goals/{goal}"));
    let before = fingerprint(&app).await;

    let sent = [
        ("application/json", "{\"title\": \"Werk\", \"version\": 1"),
        ("application/json", "{\"title\": \"Werk\"} trailing"),
        ("application/json", ""),
        ("text/plain", "{\"title\": \"Werk vinden\", \"version\": 1}"),
    ];
    for (content_type, text) in sent {
        let response = coach
            .patch(&url)
            .header(header::CONTENT_TYPE, content_type)
            .body(text)
            .send()
            .await
            .expect("the server answers");
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "{content_type}: {text}"
        );
        let body: Value = response.json().await.expect("the error shape");
        assert_eq!(body["error"], "bad_request");
        assert!(
            body["violations"].as_array().is_none_or(Vec::is_empty),
            "{body}"
        );
    }
    let response = coach
        .patch(&url)
        .body("{\"title\": \"Werk vinden\", \"version\": 1}")
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    assert_eq!(fingerprint(&app).await, before);
}

#[tokio::test]
async fn a_body_over_the_limit_is_still_too_large() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let goal = amal_goal(&app, &coach).await;
    let before = fingerprint(&app).await;

    let (status, body) = patch_goal(
        &app,
        &coach,
        &goal,
        json!({"title": "x".repeat(70 * 1024), "version": 1}),
    )
    .await;

    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(body["error"], "payload_too_large");
    assert_eq!(fingerprint(&app).await, before);
}

#[tokio::test]
async fn a_goal_patch_changes_only_the_fields_it_holds() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let goal = amal_goal(&app, &coach).await;
    let target = (today() + Days::new(30)).to_string();

    let (status, body) = patch_goal(
        &app,
        &coach,
        &goal,
        json!({"title": "Werk vinden", "version": 1}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["title"], "Werk vinden");
    assert_eq!(body["target_date"], target.as_str());
    assert_eq!(body["status"], "open");
    assert_eq!(body["version"], 2);

    let (status, body) = patch_goal(
        &app,
        &coach,
        &goal,
        json!({"status": "reached", "version": 2}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["title"], "Werk vinden");
    assert_eq!(body["target_date"], target.as_str());
    assert_eq!(body["status"], "reached");

    // `null` clears a target date; a `null` status is as if left out.
    let (status, body) = patch_goal(
        &app,
        &coach,
        &goal,
        json!({"target_date": null, "status": null, "version": 3}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["target_date"], Value::Null);
    assert_eq!(body["status"], "reached");
    assert_eq!(body["title"], "Werk vinden");

    // The merged goal is checked by the same rules as a new one.
    let before = fingerprint(&app).await;
    refused(
        patch_goal(&app, &coach, &goal, json!({"title": "x", "version": 4})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "title",
        "too_short",
    );

    let body = refused(
        patch_goal(
            &app,
            &coach,
            &goal,
            json!({"title": "Rijbewijs halen", "version": 3}),
        )
        .await,
        StatusCode::CONFLICT,
        "version",
        "stale_version",
    );
    assert_eq!(body["violations"][0]["params"]["current_version"], 4);
    assert_eq!(fingerprint(&app).await, before);
}

#[tokio::test]
async fn a_profile_patch_keeps_every_field_it_leaves_out() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let path = format!("/participants/{amal}");
    let (_, stored) = call(&app, &coordinator, Method::GET, &path, None).await;
    let version = stored["version"].as_i64().unwrap();

    let (status, body) = call(
        &app,
        &coordinator,
        Method::PATCH,
        &path,
        Some(json!({"phone": "0612345678", "version": version})),
    )
    .await;

    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["phone"], "+31612345678");
    for field in [
        "first_name",
        "last_name",
        "email",
        "languages",
        "dutch_level",
        "municipality_id",
        "cohort_id",
        "coach_id",
        "ladder_rung_at_intake",
    ] {
        assert_eq!(body[field], stored[field], "{field}");
    }
    assert_eq!(body["version"], version + 1);

    // `null` takes her out of her cohort; a coach is left as it was.
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PATCH,
        &path,
        Some(json!({"cohort_id": null, "version": version + 1})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["cohort_id"], Value::Null);
    assert_eq!(body["coach_id"], stored["coach_id"]);
    assert_eq!(body["phone"], "+31612345678");
}

#[tokio::test]
async fn a_coach_may_not_move_a_participant_in_a_partial_patch_either() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let path = format!("/participants/{amal}");
    let (_, stored) = call(&app, &coach, Method::GET, &path, None).await;
    let before = fingerprint(&app).await;

    let (status, body) = call(
        &app,
        &coach,
        Method::PATCH,
        &path,
        Some(json!({"coach_id": null, "version": stored["version"]})),
    )
    .await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(codes(&body), one("coach_id", "not_allowed_for_role"));
    assert_eq!(fingerprint(&app).await, before);
}

#[tokio::test]
async fn an_organisation_and_an_opening_patch_change_only_what_they_hold() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let org = scalar(&app, "SELECT id FROM organisations ORDER BY name LIMIT 1").await;
    let path = format!("/organisations/{org}");
    let (_, stored) = call(&app, &coordinator, Method::GET, &path, None).await;

    let (status, body) = call(
        &app,
        &coordinator,
        Method::PATCH,
        &path,
        Some(json!({"city": "Amersfoort", "version": stored["version"]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["city"], "Amersfoort");
    for field in ["kind", "name", "sector", "street", "postcode", "kvk_number"] {
        assert_eq!(body[field], stored[field], "{field}");
    }

    let opening = scalar(
        &app,
        "SELECT id FROM openings WHERE kind = 'job' ORDER BY id LIMIT 1",
    )
    .await;
    let path = format!("/openings/{opening}");
    let (_, stored) = call(&app, &coordinator, Method::GET, &path, None).await;
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PATCH,
        &path,
        Some(json!({"opening": {"title": "Bakker in opleiding"}, "version": stored["version"]})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["title"], "Bakker in opleiding");
    for field in ["kind", "status", "description", "organisation_id"] {
        assert_eq!(body[field], stored[field], "{field}");
    }
}

#[tokio::test]
async fn an_action_patch_clears_a_due_date_with_null_and_keeps_the_rest() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let goal = amal_goal(&app, &coach).await;
    let due = (today() + Days::new(7)).to_string();
    let (status, action) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/goals/{goal}/actions"),
        Some(json!({"text": "Cv schrijven", "due_date": due, "owner": "participant"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{action}");
    let path = format!("/actions/{}", action["id"].as_str().unwrap());

    let (status, body) = call(
        &app,
        &coach,
        Method::PATCH,
        &path,
        Some(json!({"due_date": null, "version": action["version"]})),
    )
    .await;

    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["due_date"], Value::Null);
    assert_eq!(body["text"], "Cv schrijven");
    assert_eq!(body["owner"], "participant");
    assert_eq!(body["done"], false);
}
