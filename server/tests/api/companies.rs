//! Organisations and openings, company visits, internships, the training budget and warm
//! introductions: success, each validation and conflict code, and who may do what.

use chrono::Days;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{
    TestApp, call, complete_training, internship, participant, scalar, spawn_app_with, today,
};

fn first_code(body: &Value) -> (&str, &str) {
    (
        body["violations"][0]["field"].as_str().unwrap_or("?"),
        body["violations"][0]["code"].as_str().unwrap_or("?"),
    )
}

async fn bakery(app: &TestApp) -> String {
    scalar(
        app,
        "SELECT id FROM organisations WHERE name = 'Bakkerij De Korenbloem'",
    )
    .await
}

fn opening(kind: &str) -> Value {
    json!({"kind": kind, "title": "Stage in de bakkerij", "description": "Meedraaien in de bakkerij.",
           "date": null, "place": "", "capacity": null, "start_date": null, "end_date": null,
           "hours_per_week": null, "dutch_level": null})
}

#[tokio::test]
async fn a_company_contact_registers_an_internship_opening_and_opens_it() {
    let app = spawn_app_with(true).await;
    let company = app.demo("company@example.org").await;
    let org = bakery(&app).await;
    let start = today() + Days::new(14);
    let mut input = opening("internship");
    input["start_date"] = json!(start.to_string());
    input["end_date"] = json!((start + Days::new(76)).to_string()); // 11 weeks
    input["hours_per_week"] = json!(24);
    input["dutch_level"] = json!("A2");

    let (status, body) = call(
        &app,
        &company,
        Method::POST,
        &format!("/organisations/{org}/openings"),
        Some(input.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("end_date", "internship_too_long"));
    assert_eq!(body["violations"][0]["params"]["max_weeks"], 10);

    input["end_date"] = json!((start + Days::new(55)).to_string()); // 8 weeks
    let (status, created) = call(
        &app,
        &company,
        Method::POST,
        &format!("/organisations/{org}/openings"),
        Some(input),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["status"], "draft");
    let id = created["id"].as_str().unwrap();

    let (status, filled) = call(
        &app,
        &company,
        Method::PATCH,
        &format!("/openings/{id}"),
        Some(json!({"status": "filled", "opening": null, "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&filled), ("status", "invalid_transition"));
    assert_eq!(
        filled["violations"][0]["params"],
        json!({"from": "draft", "to": "filled"})
    );

    let (status, opened) = call(
        &app,
        &company,
        Method::PATCH,
        &format!("/openings/{id}"),
        Some(json!({"status": "open", "opening": null, "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(opened["status"], "open");
    let (status, stale) = call(
        &app,
        &company,
        Method::PATCH,
        &format!("/openings/{id}"),
        Some(json!({"status": "closed", "opening": null, "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(first_code(&stale), ("version", "stale_version"));
}

#[tokio::test]
async fn a_company_visit_takes_1_to_25_and_refuses_a_second_registration_and_a_full_house() {
    let app = spawn_app_with(true).await;
    let company = app.demo("company@example.org").await;
    let org = bakery(&app).await;
    let mut visit = opening("company_visit");
    visit["date"] = json!((today() + Days::new(5)).to_string());
    visit["place"] = json!("Oudegracht 112");
    visit["capacity"] = json!(26);
    let (status, body) = call(
        &app,
        &company,
        Method::POST,
        &format!("/organisations/{org}/openings"),
        Some(visit.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("capacity", "out_of_range"));

    visit["capacity"] = json!(1);
    let (_, created) = call(
        &app,
        &company,
        Method::POST,
        &format!("/organisations/{org}/openings"),
        Some(visit),
    )
    .await;
    let id = created["id"].as_str().unwrap();
    call(
        &app,
        &company,
        Method::PATCH,
        &format!("/openings/{id}"),
        Some(json!({"status": "open", "opening": null, "version": 1})),
    )
    .await;

    let coach = app.demo("coach@example.org").await;
    let amal = participant(&app, "Amal").await;
    let yonas = participant(&app, "Yonas").await;
    let register = |p: String| json!({"participant_id": p});
    let (status, _) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/openings/{id}/registrations"),
        Some(register(amal.clone())),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, again) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/openings/{id}/registrations"),
        Some(register(amal)),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(first_code(&again), ("participant_id", "already_registered"));
    let (status, full) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/openings/{id}/registrations"),
        Some(register(yonas)),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(first_code(&full), ("participant_id", "capacity_full"));
    assert_eq!(full["violations"][0]["params"]["capacity"], 1);

    let (_, seen) = call(
        &app,
        &company,
        Method::GET,
        &format!("/openings/{id}"),
        None,
    )
    .await;
    assert_eq!(seen["places_left"], 0);
    assert_eq!(
        seen["candidates"],
        json!([{"first_name": null}]),
        "no consent, no name"
    );
}

#[tokio::test]
async fn an_internship_waits_for_the_training_keeps_its_window_and_never_overlaps() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let org = bakery(&app).await;
    let amal = participant(&app, "Amal").await;
    let start = today() + Days::new(7);
    let path = format!("/participants/{amal}/internships");

    let (status, body) = call(
        &app,
        &coach,
        Method::POST,
        &path,
        Some(internship(&org, start, 56, 24)),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["violations"][0]["code"], "training_not_complete");
    assert_eq!(
        body["violations"][0]["params"],
        json!({"attended": 3, "required": 6})
    );

    complete_training(&app, &amal).await;
    for (days, hours, field, code) in [
        (41, 24, "end_date", "internship_too_short"),
        (71, 24, "end_date", "internship_too_long"),
        (56, 7, "hours_per_week", "hours_out_of_range"),
    ] {
        let (status, body) = call(
            &app,
            &coach,
            Method::POST,
            &path,
            Some(internship(&org, start, days, hours)),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{days} days {hours} hours"
        );
        assert_eq!(first_code(&body), (field, code));
    }
    let (status, created) = call(
        &app,
        &coach,
        Method::POST,
        &path,
        Some(internship(&org, start, 56, 24)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(
        created["progress"],
        json!({"state": "not_started", "weeks": 8})
    );
    assert_eq!(created["participant_first_name"], "Amal");
    assert_eq!(
        created["learning_goals"],
        json!(["Stage in de zorg vinden"])
    );

    let (status, body) = call(
        &app,
        &coach,
        Method::POST,
        &path,
        Some(internship(&org, start + Days::new(55), 42, 24)),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "sharing the last day is an overlap"
    );
    assert_eq!(body["violations"][0]["code"], "internship_overlap");

    // Extending: only a coordinator, once, by at most 4 weeks.
    let id = created["id"].as_str().unwrap();
    let end = start + Days::new(55);
    let extend = |days: u64, version: i64| json!({"action": "extend", "end_date": (end + Days::new(days)).to_string(), "version": version});
    let (status, _) = call(
        &app,
        &coach,
        Method::PATCH,
        &format!("/internships/{id}"),
        Some(extend(28, 1)),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let coordinator = app.demo("coordinator@example.org").await;
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PATCH,
        &format!("/internships/{id}"),
        Some(extend(29, 1)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("end_date", "extension_too_long"));
    let (status, extended) = call(
        &app,
        &coordinator,
        Method::PATCH,
        &format!("/internships/{id}"),
        Some(extend(28, 1)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{extended}");
    assert_eq!(extended["extended"], true);
    assert_eq!(extended["progress"]["weeks"], 12);
    let (status, body) = call(
        &app,
        &coordinator,
        Method::PATCH,
        &format!("/internships/{id}"),
        Some(extend(35, 2)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["code"] == "extension_already_used")
    );
}

#[tokio::test]
async fn the_supervisor_and_the_coach_each_evaluate_once_per_moment() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let company = app.demo("company@example.org").await;
    let org = bakery(&app).await;
    let amal = participant(&app, "Amal").await;
    complete_training(&app, &amal).await;
    let (_, created) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/participants/{amal}/internships"),
        Some(internship(&org, today(), 56, 24)),
    )
    .await;
    let path = format!(
        "/internships/{}/evaluations",
        created["id"].as_str().unwrap()
    );
    let evaluation = |evaluator: &str, punctuality: i64| {
        json!({"moment": "midterm", "evaluator": evaluator,
        "punctuality": punctuality, "cooperation": 4, "dutch_at_work": 3, "professional_skills": 4, "remarks": "Leert snel."})
    };

    let (status, body) = call(
        &app,
        &company,
        Method::POST,
        &path,
        Some(evaluation("supervisor", 6)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("punctuality", "out_of_range"));
    let (status, body) = call(
        &app,
        &company,
        Method::POST,
        &path,
        Some(evaluation("coach", 5)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("evaluator", "not_allowed_for_role"));
    let (status, done) = call(
        &app,
        &company,
        Method::POST,
        &path,
        Some(evaluation("supervisor", 5)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(done["evaluations"][0]["punctuality"], 5);
    let (status, body) = call(
        &app,
        &company,
        Method::POST,
        &path,
        Some(evaluation("supervisor", 4)),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(first_code(&body), ("moment", "already_registered"));
    let (status, _) = call(
        &app,
        &coach,
        Method::POST,
        &path,
        Some(evaluation("coach", 4)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
}

fn expense(cents: i64) -> Value {
    json!({"category": "course", "amount_cents": cents, "description": "Cursus Nederlands op de werkvloer"})
}

#[tokio::test]
async fn the_budget_is_never_exceeded_and_only_a_coordinator_decides() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let amal = participant(&app, "Amal").await;
    let path = format!("/participants/{amal}/expenses");

    let (status, body) = call(&app, &coach, Method::POST, &path, Some(expense(0))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("amount_cents", "amount_not_positive"));

    let (status, first) = call(&app, &coach, Method::POST, &path, Some(expense(60_000))).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(first["remaining_cents"], 40_000);
    let (status, over) = call(&app, &coach, Method::POST, &path, Some(expense(40_001))).await;
    assert_eq!(status, StatusCode::CONFLICT, "one cent over");
    assert_eq!(first_code(&over), ("amount_cents", "budget_exceeded"));
    assert_eq!(over["violations"][0]["params"]["remaining_cents"], 40_000);
    let (status, exact) = call(&app, &coach, Method::POST, &path, Some(expense(40_000))).await;
    assert_eq!(status, StatusCode::CREATED, "leaving exactly nothing");
    assert_eq!(exact["remaining_cents"], 0);

    let id = first["expenses"][0]["id"].as_str().unwrap();
    let decide = |decision: &str, version: i64| json!({"decision": decision, "version": version});
    let (status, _) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/expenses/{id}/decision"),
        Some(decide("approve", 1)),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let coordinator = app.demo("coordinator@example.org").await;
    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("/expenses/{id}/decision"),
        Some(decide("mark_paid", 1)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("decision", "invalid_transition"));
    let (status, approved) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("/expenses/{id}/decision"),
        Some(decide("approve", 1)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(approved["used_cents"], 60_000);
    let (status, paid) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("/expenses/{id}/decision"),
        Some(decide("mark_paid", 2)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(paid["expenses"][0]["status"], "paid");

    // Rejecting the second frees its amount.
    let second = exact["expenses"][1]["id"].as_str().unwrap();
    let (_, rejected) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("/expenses/{second}/decision"),
        Some(decide("reject", 1)),
    )
    .await;
    assert_eq!(rejected["remaining_cents"], 40_000);

    let participant_client = app.demo("participant@example.org").await;
    let (status, route) = call(
        &app,
        &participant_client,
        Method::GET,
        &format!("/participants/{amal}/route"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(route["route"]["budget"]["used_cents"], 60_000);
    assert_eq!(route["route"]["budget"]["cap_cents"], 100_000);
}

#[tokio::test]
async fn an_agreement_sets_its_own_cap() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator.rotterdam@example.org").await;
    let mehari = participant(&app, "Mehari").await;

    let (status, body) = call(
        &app,
        &coordinator,
        Method::POST,
        &format!("/participants/{mehari}/expenses"),
        Some(expense(120_001)),
    )
    .await;

    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["violations"][0]["params"]["remaining_cents"], 120_000);
}

#[tokio::test]
async fn an_introduction_needs_consent_and_the_company_sees_only_what_was_shared() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let company = app.demo("company@example.org").await;
    let me = app.demo("participant@example.org").await;
    let org = bakery(&app).await;
    let amal = participant(&app, "Amal").await;
    let propose = json!({"organisation_id": org, "opening_id": null, "motivation": "Amal bakt graag en leert snel."});

    let (status, body) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/participants/{amal}/introductions"),
        Some(propose.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(first_code(&body), ("organisation_id", "consent_missing"));

    let consent = |given: bool| json!({"purpose": "introduction_profile", "organisation_id": org, "municipality_id": null, "given": given});
    let (status, consents) = call(
        &app,
        &me,
        Method::POST,
        &format!("/participants/{amal}/consents"),
        Some(consent(true)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(consents[0]["recipient_name"], "Bakkerij De Korenbloem");
    assert_eq!(consents[0]["given"], true);

    let (status, created) = call(
        &app,
        &coach,
        Method::POST,
        &format!("/participants/{amal}/introductions"),
        Some(propose),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let id = created["id"].as_str().unwrap();

    let response = company
        .get(app.url(&format!("/api/v1/organisations/{org}/introductions")))
        .send()
        .await
        .unwrap();
    let text = response.text().await.unwrap();
    assert!(!text.contains("Haddad"), "no last name: {text}");
    assert!(!text.contains(&amal), "no participant id: {text}");
    assert!(!text.contains("example.org"), "no email: {text}");
    let seen: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        seen[0]["participant"],
        json!({"first_name": "Amal", "languages": ["ar", "en"], "dutch_level": "A2"})
    );
    assert_eq!(seen[0]["motivation"], "Amal bakt graag en leert snel.");

    let (status, body) = call(
        &app,
        &coach,
        Method::PATCH,
        &format!("/introductions/{id}"),
        Some(json!({"status": "accepted", "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("status", "not_allowed_for_role"));
    let (status, body) = call(
        &app,
        &company,
        Method::PATCH,
        &format!("/introductions/{id}"),
        Some(json!({"status": "hired", "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("status", "invalid_transition"));
    let (status, accepted) = call(
        &app,
        &company,
        Method::PATCH,
        &format!("/introductions/{id}"),
        Some(json!({"status": "accepted", "version": 1})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(accepted["status"], "accepted");

    // Withdrawn consent hides the profile again.
    call(
        &app,
        &me,
        Method::POST,
        &format!("/participants/{amal}/consents"),
        Some(consent(false)),
    )
    .await;
    let (_, hidden) = call(
        &app,
        &company,
        Method::GET,
        &format!("/organisations/{org}/introductions"),
        None,
    )
    .await;
    assert_eq!(hidden[0]["participant"], Value::Null);
    assert_eq!(hidden[0]["motivation"], "");

    let (_, route) = call(
        &app,
        &me,
        Method::GET,
        &format!("/participants/{amal}/route"),
        None,
    )
    .await;
    assert_eq!(
        route["route"]["steps"][4]["figures"],
        json!({"step": "introduction", "proposed": 1, "accepted": 1, "placed": false})
    );
}

#[tokio::test]
async fn a_company_contact_edits_only_their_own_organisation_with_a_valid_kvk_number() {
    let app = spawn_app_with(true).await;
    let company = app.demo("company@example.org").await;
    let org = bakery(&app).await;
    let edit = |kvk: &str, version: i64| {
        json!({"kind": "company", "name": "Bakkerij De Korenbloem", "sector": "Food",
        "street": "Oudegracht 112", "postcode": "3511ax", "city": "Utrecht", "kvk_number": kvk, "version": version})
    };

    let (status, body) = call(
        &app,
        &company,
        Method::PATCH,
        &format!("/organisations/{org}"),
        Some(edit("1234", 1)),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(first_code(&body), ("kvk_number", "invalid_kvk_number"));
    let (status, saved) = call(
        &app,
        &company,
        Method::PATCH,
        &format!("/organisations/{org}"),
        Some(edit("87654321", 1)),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(saved["postcode"], "3511 AX");
    assert_eq!(saved["kvk_number"], "87654321");

    let care = scalar(
        &app,
        "SELECT id FROM organisations WHERE name = 'Zorggroep Het Anker'",
    )
    .await;
    let (status, _) = call(
        &app,
        &company,
        Method::PATCH,
        &format!("/organisations/{care}"),
        Some(edit("87654321", 1)),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
