//! Municipalities, cohorts and meetings, attendance, participants, the action plan, the contact
//! log and the participant's route: success, each validation code, conflicts, and roles.

use chrono::{Days, NaiveDate};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, call, participant, scalar, spawn_app_with, today};

fn codes(body: &Value) -> Vec<(String, String)> {
    body["violations"]
        .as_array()
        .map(|vs| {
            vs.iter()
                .map(|v| {
                    (
                        v["field"].as_str().unwrap().to_owned(),
                        v["code"].as_str().unwrap().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn pair(field: &str, code: &str) -> (String, String) {
    (field.to_owned(), code.to_owned())
}

async fn utrecht(app: &TestApp) -> String {
    scalar(
        app,
        "SELECT id FROM municipalities WHERE cbs_code = 'GM0344'",
    )
    .await
}

fn municipality(code: &str) -> Value {
    json!({"cbs_code": code, "name": "Amersfoort", "version": null,
           "agreement": {"start_date": "2026-01-01", "end_date": "2026-12-31",
                         "contracted_participants": 25, "budget_cap_cents": 90000}})
}

#[tokio::test]
async fn a_coordinator_adds_a_municipality_that_joins_their_region_and_edits_it() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;

    let (status, created) = call(
        &app,
        &coordinator,
        Method::POST,
        "/municipalities",
        Some(municipality("gm0307")),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["cbs_code"], "GM0307");
    assert_eq!(created["agreement"]["budget_cap_cents"], 90000);
    let id = created["id"].as_str().unwrap().to_owned();
    let (_, list) = call(&app, &coordinator, Method::GET, "/municipalities", None).await;
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["id"] == id.as_str())
    );

    let mut edited = municipality("GM0307");
    edited["name"] = json!("Amersfoort en omgeving");
    edited["version"] = json!(1);
    let (status, updated) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/municipalities/{id}"),
        Some(edited.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(updated["version"], 2);

    let (status, stale) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/municipalities/{id}"),
        Some(edited),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(stale["violations"][0]["code"], "stale_version");
    assert_eq!(stale["violations"][0]["params"]["current_version"], 2);
}

#[tokio::test]
async fn a_municipality_is_refused_with_every_broken_rule_and_a_taken_code_is_a_conflict() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let broken = json!({"cbs_code": "0344", "name": "", "version": null,
                        "agreement": {"start_date": "2026-06-01", "end_date": "2026-05-01",
                                      "contracted_participants": 0, "budget_cap_cents": -5}});

    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        "/municipalities",
        Some(broken),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [
            pair("cbs_code", "invalid_municipality_code"),
            pair("name", "required"),
            pair("agreement.end_date", "invalid_format"),
            pair("agreement.contracted_participants", "out_of_range"),
            pair("agreement.budget_cap_cents", "amount_not_positive"),
        ]
    );

    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        "/municipalities",
        Some(municipality("GM0599")),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(codes(&body), [pair("cbs_code", "already_registered")]);
}

async fn new_cohort(app: &TestApp, client: &reqwest::Client) -> String {
    let m = utrecht(app).await;
    let (status, body) = call(
        app,
        client,
        Method::POST,
        "/cohorts",
        Some(json!({"municipality_id": m, "name": "Utrecht najaar", "location": "Stadskantoor"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["meetings"].as_array().unwrap().len(), 8);
    body["id"].as_str().unwrap().to_owned()
}

fn meeting(date: NaiveDate, version: i64) -> Value {
    json!({"date": date.to_string(), "start_time": "09:30", "place": "Stadskantoor, zaal 3", "version": version})
}

#[tokio::test]
async fn meetings_are_scheduled_in_order_within_the_gaps() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let cohort = new_cohort(&app, &coordinator).await;
    let start = today() + Days::new(7);

    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/1"),
        Some(meeting(start, 0)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["meetings"][0]["date"], start.to_string());
    assert_eq!(body["meetings"][0]["theme"], "career_orientation");

    // The same day as meeting 1: out of order.
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/2"),
        Some(meeting(start, 0)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(codes(&body), [pair("date", "meetings_out_of_order")]);

    // 22 days later: too far apart; 21 days: accepted.
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/2"),
        Some(meeting(start + Days::new(22), 0)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["violations"][0]["code"], "meetings_too_far_apart");
    assert_eq!(body["violations"][0]["params"]["max_days"], 21);
    let (status, _) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/2"),
        Some(meeting(start + Days::new(21), 0)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // Meeting 9 does not exist.
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/9"),
        Some(meeting(start, 0)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [pair("number", "meeting_number_out_of_range")]
    );

    // Moving meeting 1 from a stale version.
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/1"),
        Some(meeting(start + Days::new(1), 0)),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["violations"][0]["code"], "stale_version");
    assert_eq!(body["violations"][0]["params"]["current_version"], 1);
}

#[tokio::test]
async fn a_meeting_needs_a_date_a_time_and_a_place_and_only_a_coordinator_schedules() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let cohort = new_cohort(&app, &coordinator).await;

    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/1"),
        Some(json!({"date": null, "start_time": "9:30", "place": "", "version": 0})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [
            pair("date", "required"),
            pair("start_time", "invalid_format"),
            pair("place", "required")
        ]
    );

    let coach = app.demo("coach@example.org").await;
    let (status, _) = call(
        &app,
        &coach,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/1"),
        Some(meeting(today(), 0)),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_coach_takes_the_attendance_of_their_own_participants_only() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let coordinator = app.demo("coordinator@example.org").await;
    let cohort = demo_cohort(&app).await;
    // Rasha's coach is coach2.
    let rasha = participant(&app, "Rasha").await;
    let path = format!("/cohorts/{cohort}/meetings/1/attendance");

    let (_, coach_view) = call(&app, &coach, Method::GET, &path, None).await;
    let (_, coordinator_view) = call(&app, &coordinator, Method::GET, &path, None).await;
    let (status, body) = call(
        &app,
        &coach,
        Method::PUT,
        &path,
        Some(json!([{"participant_id": rasha, "status": "absent"}])),
    )
    .await;

    let names = |rows: &Value| {
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["first_name"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&coach_view).len(), 3);
    assert!(
        !names(&coach_view).contains(&"Rasha".to_owned()),
        "another coach's participant"
    );
    assert_eq!(
        names(&coordinator_view).len(),
        10,
        "the coordinator sees the whole cohort"
    );
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(codes(&body)[0].0, "lines.0.participant_id");
    let stored = scalar(
        &app,
        &format!("SELECT status FROM attendance WHERE participant_id = '{rasha}' AND number = 1"),
    )
    .await;
    assert_eq!(stored, "present", "the other coach's record is unchanged");
}

async fn demo_cohort(app: &TestApp) -> String {
    scalar(
        app,
        "SELECT id FROM cohorts WHERE name = 'Utrecht voorjaar'",
    )
    .await
}

#[tokio::test]
async fn a_coach_records_a_held_meeting_in_one_request() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let cohort = demo_cohort(&app).await;
    let amal = participant(&app, "Amal").await;
    let yonas = participant(&app, "Yonas").await;

    let (status, rows) = call(&app, &coach, Method::PUT, &format!("/cohorts/{cohort}/meetings/1/attendance"),
        Some(json!([{"participant_id": amal, "status": "present"}, {"participant_id": yonas, "status": "made_up"}]))).await;

    assert_eq!(status, StatusCode::OK, "{rows}");
    let rows = rows.as_array().unwrap();
    assert_eq!(
        rows.len(),
        3,
        "the coach's own three participants are listed"
    );
    let status_of =
        |id: &str| rows.iter().find(|r| r["participant_id"] == id).unwrap()["status"].clone();
    assert_eq!(status_of(&amal), "present");
    assert_eq!(status_of(&yonas), "made_up");
}

#[tokio::test]
async fn attendance_is_refused_for_a_future_or_unscheduled_meeting_and_for_outsiders_saving_nothing()
 {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let cohort = demo_cohort(&app).await;
    let amal = participant(&app, "Amal").await;
    let mehari = participant(&app, "Mehari").await;
    let before: (i64, i64) = sqlx::query_as("SELECT COUNT(*), SUM(version) FROM attendance")
        .fetch_one(&app.db)
        .await
        .unwrap();

    // Meeting 5 is two weeks ahead in the demo.
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/5/attendance"),
        Some(json!([{"participant_id": amal, "status": "present"}])),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(codes(&body), [pair("", "attendance_in_the_future")]);

    let other = new_cohort(&app, &coordinator).await;
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{other}/meetings/1/attendance"),
        Some(json!([{"participant_id": amal, "status": "present"}])),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(codes(&body), [pair("", "meeting_not_scheduled")]);

    let (status, body) = call(&app, &coordinator, Method::PUT, &format!("/cohorts/{cohort}/meetings/1/attendance"),
        Some(json!([{"participant_id": amal, "status": "present"}, {"participant_id": mehari, "status": "present"},
                    {"participant_id": amal, "status": "absent"}]))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [pair("lines.2.participant_id", "already_registered")]
    );

    let (status, body) = call(&app, &coordinator, Method::PUT, &format!("/cohorts/{cohort}/meetings/1/attendance"),
        Some(json!([{"participant_id": amal, "status": "present"}, {"participant_id": mehari, "status": "present"}]))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [pair("lines.1.participant_id", "not_in_cohort")]
    );
    let after: (i64, i64) = sqlx::query_as("SELECT COUNT(*), SUM(version) FROM attendance")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(after, before, "nothing was saved");

    let (status, body) = call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/1/attendance"),
        Some(json!([{"participant_id": amal, "status": "sleeping"}])),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(codes(&body), [pair("lines.0.status", "invalid_choice")]);
}

fn new_participant(
    municipality: &str,
    cohort: Option<&str>,
    coach: Option<&str>,
    email: &str,
) -> Value {
    json!({"first_name": "Noor", "last_name": "Ali", "email": email, "phone": "06 12345678",
           "languages": ["ar", "en"], "dutch_level": "A1", "municipality_id": municipality,
           "cohort_id": cohort, "coach_id": coach, "ladder_rung_at_intake": 2})
}

#[tokio::test]
async fn the_minimum_participant_body_of_the_api_leaves_out_every_optional_field() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let m = utrecht(&app).await;

    let (status, created) = call(
        &app,
        &coordinator,
        Method::POST,
        "/participants",
        Some(
            json!({"first_name": "Noor", "last_name": "Ali", "email": "noor@example.org",
                    "languages": ["ar"], "dutch_level": "A1", "municipality_id": m,
                    "ladder_rung_at_intake": 2}),
        ),
    )
    .await;
    let (missing, body) = call(
        &app,
        &coordinator,
        Method::POST,
        "/participants",
        Some(
            json!({"languages": ["ar"], "dutch_level": "A1", "municipality_id": m,
                    "ladder_rung_at_intake": 2}),
        ),
    )
    .await;

    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["phone"], Value::Null);
    assert_eq!(created["cohort_id"], Value::Null);
    assert_eq!(
        missing,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a missing name is named: {body}"
    );
    assert_eq!(
        codes(&body)[..3],
        [
            pair("first_name", "required"),
            pair("last_name", "required"),
            pair("email", "required"),
        ]
    );
}

#[tokio::test]
async fn a_coordinator_registers_a_participant_and_every_field_is_checked() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let m = utrecht(&app).await;

    let (status, created) = call(
        &app,
        &coordinator,
        Method::POST,
        "/participants",
        Some(new_participant(&m, None, None, "noor@example.org")),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["phone"], "+31612345678");
    assert_eq!(created["languages"], json!(["ar", "en"]));

    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        "/participants",
        Some(
            json!({"first_name": "N0or", "last_name": "", "email": "noor", "phone": "12",
                    "languages": ["xx"], "dutch_level": null, "municipality_id": null,
                    "cohort_id": null, "coach_id": null, "ladder_rung_at_intake": 9}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [
            pair("first_name", "invalid_format"),
            pair("last_name", "required"),
            pair("email", "invalid_email"),
            pair("phone", "invalid_phone"),
            pair("languages.0", "invalid_format"),
            pair("dutch_level", "required"),
            pair("municipality_id", "required"),
            pair("ladder_rung_at_intake", "out_of_range"),
        ]
    );

    let rotterdam_cohort = scalar(
        &app,
        "SELECT id FROM cohorts WHERE name = 'Rotterdam najaar'",
    )
    .await;
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        "/participants",
        Some(new_participant(
            &m,
            Some(&rotterdam_cohort),
            None,
            "x@example.org",
        )),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(codes(&body), [pair("cohort_id", "unknown_record")]);
}

#[tokio::test]
async fn a_full_cohort_and_a_full_caseload_are_conflicts() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let m = utrecht(&app).await;
    let cohort = demo_cohort(&app).await;
    // The demo cohort holds 10: six more fill it to 16.
    for i in 0..6 {
        let (status, body) = call(
            &app,
            &coordinator,
            Method::POST,
            "/participants",
            Some(new_participant(
                &m,
                Some(&cohort),
                None,
                &format!("p{i}@example.org"),
            )),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        "/participants",
        Some(new_participant(
            &m,
            Some(&cohort),
            None,
            "seventeen@example.org",
        )),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(codes(&body), [pair("cohort_id", "cohort_full")]);
    assert_eq!(body["violations"][0]["params"]["max"], 16);

    // The demo coach has 3 participants already.
    let coach = scalar(
        &app,
        "SELECT id FROM users WHERE email = 'coach@example.org'",
    )
    .await;
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        "/participants",
        Some(new_participant(
            &m,
            None,
            Some(&coach),
            "fourth@example.org",
        )),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(codes(&body), [pair("coach_id", "caseload_full")]);
    assert_eq!(body["violations"][0]["params"]["max"], 3);
}

async fn profile(app: &TestApp, client: &reqwest::Client, id: &str) -> Value {
    let (status, body) = call(
        app,
        client,
        Method::GET,
        &format!("/participants/{id}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let mut body = body;
    body["phone"] = json!(body["phone"].as_str().unwrap_or(""));
    body
}

#[tokio::test]
async fn a_coach_edits_a_profile_but_may_not_move_the_participant_and_stale_edits_conflict() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let amal = participant(&app, "Amal").await;
    let mut body = profile(&app, &coach, &amal).await;
    body["dutch_level"] = json!("B1");

    let (status, updated) = call(
        &app,
        &coach,
        Method::PATCH,
        &format!("/participants/{amal}"),
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["dutch_level"], "B1");
    assert_eq!(updated["version"], 2);

    let (status, stale) = call(
        &app,
        &coach,
        Method::PATCH,
        &format!("/participants/{amal}"),
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(stale["violations"][0]["params"]["current_version"], 2);

    let mut moved = profile(&app, &coach, &amal).await;
    moved["cohort_id"] = Value::Null;
    let (status, refused) = call(
        &app,
        &coach,
        Method::PATCH,
        &format!("/participants/{amal}"),
        Some(moved),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(codes(&refused), [pair("cohort_id", "not_allowed_for_role")]);
}

async fn goal(
    app: &TestApp,
    client: &reqwest::Client,
    participant: &str,
    body: Value,
) -> (StatusCode, Value) {
    call(
        app,
        client,
        Method::POST,
        &format!("/participants/{participant}/goals"),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn a_coach_builds_the_plan_and_the_participant_ticks_off_only_their_own_actions() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let amal = participant(&app, "Amal").await;

    let (status, body) = goal(
        &app,
        &coach,
        &amal,
        json!({"title": "ab", "target_date": (today() - Days::new(1)).to_string(), "status": null}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [
            pair("title", "too_short"),
            pair("target_date", "in_the_past")
        ]
    );

    let (status, created) = goal(&app, &coach, &amal, json!({"title": "Stage in de zorg", "target_date": (today() + Days::new(60)).to_string(), "status": null})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(created["status"], "open");
    let goal_id = created["id"].as_str().unwrap();

    let add = |text: &str, owner: &str| json!({"text": text, "due_date": null, "owner": owner});
    let (status, own) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/goals/{goal_id}/actions"),
        Some(add("Cv maken", "participant")),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, coachs) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/goals/{goal_id}/actions"),
        Some(add("Bedrijf bellen", "coach")),
    )
    .await;
    let (status, body) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/goals/{goal_id}/actions"),
        Some(json!({"text": "x", "due_date": null, "owner": null})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [pair("text", "too_short"), pair("owner", "required")]
    );

    let participant_client = app.demo("participant@example.org").await;
    let (status, ticked) = call(
        &app,
        &participant_client,
        Method::PATCH,
        &format!("/actions/{}", own["id"].as_str().unwrap()),
        Some(json!({"done": true, "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{ticked}");
    assert_eq!(ticked["done"], true);
    assert_eq!(ticked["version"], 2);

    let (status, body) = call(
        &app,
        &participant_client,
        Method::PATCH,
        &format!("/actions/{}", coachs["id"].as_str().unwrap()),
        Some(json!({"done": true, "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(codes(&body), [pair("done", "not_allowed_for_role")]);

    let (status, _) = call(
        &app,
        &participant_client,
        Method::PATCH,
        &format!("/actions/{}", own["id"].as_str().unwrap()),
        Some(json!({"done": false, "text": "Anders", "version": 2})),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a participant does not edit the text"
    );

    let (status, body) = call(
        &app,
        &participant_client,
        Method::PATCH,
        &format!("/actions/{}", own["id"].as_str().unwrap()),
        Some(json!({"done": false, "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["violations"][0]["code"], "stale_version");

    let (status, plan) = call(
        &app,
        &participant_client,
        Method::GET,
        &format!("/participants/{amal}/goals"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(plan[0]["actions"].as_array().unwrap().len(), 2);

    let other_coach = app.demo("coach2@example.org").await;
    let (status, _) = call(
        &app,
        &other_coach,
        Method::GET,
        &format!("/participants/{amal}/goals"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_goal_is_edited_from_its_version_and_a_passed_target_date_may_stay() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let amal = participant(&app, "Amal").await;
    let (_, created) = goal(
        &app,
        &coach,
        &amal,
        json!({"title": "Taal leren", "target_date": null, "status": null}),
    )
    .await;
    let id = created["id"].as_str().unwrap();
    let past = (today() - Days::new(3)).to_string();
    sqlx::query("UPDATE goals SET target_date = $1")
        .bind(&past)
        .execute(&app.db)
        .await
        .unwrap();

    let (status, reached) = call(
        &app,
        &coach,
        Method::PATCH,
        &format!("/goals/{id}"),
        Some(
            json!({"title": "Taal leren", "target_date": past, "status": "reached", "version": 1}),
        ),
    )
    .await;

    assert_eq!(status, StatusCode::OK, "{reached}");
    assert_eq!(reached["status"], "reached");
    let (status, body) = call(&app, &coach, Method::PATCH, &format!("/goals/{id}"),
        Some(json!({"title": "Taal leren", "target_date": (today() - Days::new(1)).to_string(), "status": "open", "version": 2}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(codes(&body), [pair("target_date", "in_the_past")]);
}

#[tokio::test]
async fn the_contact_note_reaches_coaches_and_coordinators_never_the_participant() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let amal = participant(&app, "Amal").await;

    let (status, body) = call(&app, &coach, Method::POST, &format!("/participants/{amal}/contacts"),
        Some(json!({"date": (today() + Days::new(1)).to_string(), "kind": "call", "minutes": 0, "note": "", "summary": ""}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        codes(&body),
        [
            pair("date", "in_the_future"),
            pair("minutes", "out_of_range")
        ]
    );

    let (status, created) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/participants/{amal}/contacts"),
        Some(
            json!({"date": today().to_string(), "kind": "meeting", "minutes": 45,
                    "note": "Zorgen over huisvesting.", "summary": "Stage besproken."}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(created["note"], "Zorgen over huisvesting.");

    let participant_client = app.demo("participant@example.org").await;
    let (status, seen) = call(
        &app,
        &participant_client,
        Method::GET,
        &format!("/participants/{amal}/contacts"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let newest = seen
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == created["id"])
        .unwrap();
    assert_eq!(newest["summary"], "Stage besproken.");
    assert!(
        seen.as_array()
            .unwrap()
            .iter()
            .all(|c| c.get("note").is_none()),
        "{seen}"
    );
    let raw = app
        .get_with(
            &participant_client,
            &format!("/api/v1/participants/{amal}/contacts"),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(!raw.contains("huisvesting"));

    let coordinator = app.demo("coordinator@example.org").await;
    let (_, for_coordinator) = call(
        &app,
        &coordinator,
        Method::GET,
        &format!("/participants/{amal}/contacts"),
        None,
    )
    .await;
    let newest = for_coordinator
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == created["id"])
        .unwrap();
    assert_eq!(newest["note"], "Zorgen over huisvesting.");

    let (status, _) = call(&app, &participant_client, Method::POST, &format!("/participants/{amal}/contacts"),
        Some(json!({"date": today().to_string(), "kind": "call", "minutes": 5, "note": "", "summary": ""}))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_route_counts_a_newly_recorded_meeting() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let cohort = demo_cohort(&app).await;
    let hassan = participant(&app, "Hassan").await;
    let (_, before) = call(
        &app,
        &coordinator,
        Method::GET,
        &format!("/participants/{hassan}/route"),
        None,
    )
    .await;
    assert_eq!(before["route"]["steps"][0]["figures"]["attended"], 0);

    call(
        &app,
        &coordinator,
        Method::PUT,
        &format!("/cohorts/{cohort}/meetings/1/attendance"),
        Some(json!([{"participant_id": hassan, "status": "present"}])),
    )
    .await;
    let (status, body) = call(
        &app,
        &coordinator,
        Method::GET,
        &format!("/participants/{hassan}/route"),
        None,
    )
    .await;

    assert_eq!(status, StatusCode::OK, "{body}");
    let training = &body["route"]["steps"][0];
    assert_eq!(training["kind"], "training");
    assert_eq!(training["status"], "under_way");
    assert_eq!(
        training["figures"],
        json!({"step": "training", "attended": 1, "total": 8, "required": 6})
    );
    assert_eq!(body["coach"], Value::Null);
    assert_eq!(body["route"]["steps"][1]["status"], "not_started");
}

#[tokio::test]
async fn the_participant_sees_their_route_with_the_next_meeting_their_coach_and_open_actions() {
    let app = spawn_app_with(true).await;
    let amal = participant(&app, "Amal").await;
    let participant_client = app.demo("participant@example.org").await;

    let (status, body) = call(
        &app,
        &participant_client,
        Method::GET,
        &format!("/participants/{amal}/route"),
        None,
    )
    .await;

    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["first_name"], "Amal");
    assert_eq!(
        body["route"]["steps"][0]["figures"]["attended"], 3,
        "two present and one made up"
    );
    assert_eq!(body["coach"]["first_name"], "Marieke");
    assert_eq!(body["coach"]["phone"], "+31612345678");
    assert_eq!(
        body["next_meeting"]["number"], 4,
        "three meetings were held"
    );
    assert_eq!(body["next_meeting"]["theme"], "job_opportunities");
    assert_eq!(body["next_meeting"]["start_time"], "13:30");
    let open: Vec<&str> = body["open_actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["text"].as_str().unwrap())
        .collect();
    assert_eq!(open, ["Cv maken met de coach"], "only her own open actions");
    assert_eq!(body["route"]["budget"]["cap_cents"], 100000);
    assert_eq!(body["route"]["next_step"]["kind"], "meeting");
}
