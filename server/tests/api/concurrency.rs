//! Twenty requests at once against the real server: a check on stored state and the write it
//! guards must act as one, so parallel requests never take a cohort, a caseload, an internship
//! period, a budget or a consent past what one request at a time would allow.

use std::sync::Arc;

use chrono::Days;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use shared::ProgrammeSettings;
use tokio::{sync::Barrier, task::JoinSet};

use crate::helpers::{
    TestApp, call, complete_training, internship, participant, scalar, spawn_app_with, today,
};

/// How many requests each test sends at once.
const PARALLEL: usize = 20;

/// Sends every body to `path` at once (all tasks wait at a barrier, then send) and answers the
/// responses in the order they came back.
async fn all_at_once(
    app: &Arc<TestApp>,
    client: &reqwest::Client,
    method: Method,
    path: &str,
    bodies: Vec<Value>,
) -> Vec<(StatusCode, Value)> {
    let start = Arc::new(Barrier::new(bodies.len()));
    let mut requests = JoinSet::new();
    for body in bodies {
        let (app, client, method, path, start) = (
            Arc::clone(app),
            client.clone(),
            method.clone(),
            path.to_owned(),
            Arc::clone(&start),
        );
        requests.spawn(async move {
            start.wait().await;
            call(&app, &client, method, &path, Some(body)).await
        });
    }
    let mut responses = Vec::with_capacity(PARALLEL);
    while let Some(response) = requests.join_next().await {
        responses.push(response.expect("a request task ends without panicking"));
    }
    responses
}

/// How many responses had this status.
fn with_status(responses: &[(StatusCode, Value)], status: StatusCode) -> usize {
    responses.iter().filter(|(s, _)| *s == status).count()
}

/// The responses other than `ok`, for assertion messages: status and body.
fn others(responses: &[(StatusCode, Value)], ok: StatusCode) -> Vec<String> {
    responses
        .iter()
        .filter(|(s, _)| *s != ok)
        .map(|(s, b)| format!("{s} {b}"))
        .collect()
}

/// Whether a response is a 409 whose only violation is `code` on `field`.
fn is_conflict(response: &(StatusCode, Value), field: &str, code: &str) -> bool {
    let (status, body) = response;
    *status == StatusCode::CONFLICT
        && body["error"].is_string()
        && body["violations"].as_array().map(Vec::len) == Some(1)
        && body["violations"][0]["field"] == field
        && body["violations"][0]["code"] == code
}

/// A count straight from the test's database, with bound parameters.
async fn count(app: &TestApp, sql: &'static str, binds: &[&str]) -> i64 {
    let mut query = sqlx::query_scalar::<_, i64>(sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    query
        .fetch_one(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn utrecht(app: &TestApp) -> String {
    scalar(
        app,
        "SELECT id FROM municipalities WHERE cbs_code = 'GM0344'",
    )
    .await
}

async fn bakery(app: &TestApp) -> String {
    scalar(
        app,
        "SELECT id FROM organisations WHERE name = 'Bakkerij De Korenbloem'",
    )
    .await
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

/// Twenty intakes, each with its own email address.
fn intakes(
    municipality: &str,
    cohort: Option<&str>,
    coach: Option<&str>,
    prefix: &str,
) -> Vec<Value> {
    (0..PARALLEL)
        .map(|i| {
            new_participant(
                municipality,
                cohort,
                coach,
                &format!("{prefix}{i}@example.org"),
            )
        })
        .collect()
}

/// Invites a coach into Utrecht and lets them accept: a coach with no participants yet.
async fn new_coach(app: &TestApp, coordinator: &reqwest::Client, email: &str) -> String {
    let utrecht = utrecht(app).await;
    let (status, created) = call(
        app,
        coordinator,
        Method::POST,
        "/invitations",
        Some(
            json!({"email": email, "role": "coach", "municipality_id": utrecht,
                    "participant_id": null, "organisation_id": null}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let link = created["link"].as_str().expect("an invitation link");
    let token = link.split_once('#').expect("a token in the fragment").1;
    let (status, accepted) = call(
        app,
        &app.browser(),
        Method::POST,
        "/auth/accept-invitation",
        Some(json!({"token": token, "password": "a long and rare passphrase"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    assert_eq!(accepted["role"], "coach");
    scalar(
        app,
        &format!("SELECT id FROM users WHERE email = '{email}'"),
    )
    .await
}

fn expense(cents: i64) -> Value {
    json!({"category": "course", "amount_cents": cents, "description": "Cursus Nederlands op de werkvloer"})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_intakes_never_put_a_cohort_over_sixteen() {
    let app = Arc::new(spawn_app_with(true).await);
    let coordinator = app.demo("coordinator@example.org").await;
    let m = utrecht(&app).await;
    let cohort = scalar(
        &app,
        "SELECT id FROM cohorts WHERE name = 'Utrecht voorjaar'",
    )
    .await;
    let max = i64::from(ProgrammeSettings::default().cohort_max_participants);
    let in_cohort = "SELECT COUNT(*) FROM participants WHERE cohort_id = $1";
    // One at a time, fill the demo cohort (10) until three places are left: few enough that most
    // of the twenty must be refused, enough that several race for them.
    let mut filled = count(&app, in_cohort, &[&cohort]).await;
    assert!(filled <= max - 3, "the demo cohort has room");
    while filled < max - 3 {
        let (status, body) = call(
            &app,
            &coordinator,
            Method::POST,
            "/participants",
            Some(new_participant(
                &m,
                Some(&cohort),
                None,
                &format!("filler{filled}@example.org"),
            )),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        filled += 1;
    }
    assert_eq!(count(&app, in_cohort, &[&cohort]).await, max - 3);
    let free = usize::try_from(max - filled).unwrap();

    let responses = all_at_once(
        &app,
        &coordinator,
        Method::POST,
        "/participants",
        intakes(&m, Some(&cohort), None, "parallel"),
    )
    .await;

    let stored = count(&app, in_cohort, &[&cohort]).await;
    let created = with_status(&responses, StatusCode::CREATED);
    assert_eq!(
        stored, max,
        "the cohort holds {stored} participants ({created} of {PARALLEL} parallel intakes created)"
    );
    assert_eq!(created, free, "created {created} with {free} place(s) free");
    let refusals = others(&responses, StatusCode::CREATED);
    assert!(
        responses
            .iter()
            .filter(|(s, _)| *s != StatusCode::CREATED)
            .all(|r| is_conflict(r, "cohort_id", "cohort_full")),
        "every refusal is 409 cohort_full: {refusals:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_intakes_never_give_a_coach_more_than_three() {
    let app = Arc::new(spawn_app_with(true).await);
    let coordinator = app.demo("coordinator@example.org").await;
    let m = utrecht(&app).await;
    let coach = new_coach(&app, &coordinator, "fresh.coach@example.org").await;
    let max = i64::from(ProgrammeSettings::default().coach_max_caseload);
    let of_coach = "SELECT COUNT(*) FROM participants WHERE coach_id = $1";
    assert_eq!(count(&app, of_coach, &[&coach]).await, 0, "a new coach");
    let free = usize::try_from(max).unwrap();

    let responses = all_at_once(
        &app,
        &coordinator,
        Method::POST,
        "/participants",
        intakes(&m, None, Some(&coach), "caseload"),
    )
    .await;

    let stored = count(&app, of_coach, &[&coach]).await;
    let created = with_status(&responses, StatusCode::CREATED);
    assert!(
        stored <= max,
        "the coach supports {stored} participants ({created} of {PARALLEL} parallel intakes created)"
    );
    assert_eq!(
        created, free,
        "created {created} with room for {free} in the caseload"
    );
    assert_eq!(stored, max);
    let refusals = others(&responses, StatusCode::CREATED);
    assert!(
        responses
            .iter()
            .filter(|(s, _)| *s != StatusCode::CREATED)
            .all(|r| is_conflict(r, "coach_id", "caseload_full")),
        "every refusal is 409 caseload_full: {refusals:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_plans_for_the_same_period_make_one_internship() {
    let app = Arc::new(spawn_app_with(true).await);
    let coach = app.demo("coach@example.org").await;
    let org = bakery(&app).await;
    let amal = participant(&app, "Amal").await;
    complete_training(&app, &amal).await;
    let planned = "SELECT COUNT(*) FROM internships WHERE participant_id = $1 AND cancelled = 0";
    assert_eq!(count(&app, planned, &[&amal]).await, 0, "no internship yet");
    let start = today() + Days::new(7);
    let period = internship(&org, start, 56, 24);

    let responses = all_at_once(
        &app,
        &coach,
        Method::POST,
        &format!("/participants/{amal}/internships"),
        vec![period; PARALLEL],
    )
    .await;

    let stored = count(&app, planned, &[&amal]).await;
    let created = with_status(&responses, StatusCode::CREATED);
    assert_eq!(
        stored, 1,
        "Amal has {stored} overlapping internships ({created} of {PARALLEL} parallel plans created)"
    );
    assert_eq!(created, 1);
    let refusals = others(&responses, StatusCode::CREATED);
    assert!(
        responses
            .iter()
            .filter(|(s, _)| *s != StatusCode::CREATED)
            .all(|(s, b)| *s == StatusCode::CONFLICT
                && b["violations"].as_array().map(Vec::len) == Some(1)
                && b["violations"][0]["code"] == "internship_overlap"),
        "every refusal is 409 internship_overlap: {refusals:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_expenses_never_take_the_budget_past_its_cap() {
    let app = Arc::new(spawn_app_with(true).await);
    let coach = app.demo("coach@example.org").await;
    let amal = participant(&app, "Amal").await;
    let path = format!("/participants/{amal}/expenses");
    let (status, budget) = call(&app, &coach, Method::GET, &path, None).await;
    assert_eq!(status, StatusCode::OK, "{budget}");
    let cap = budget["cap_cents"].as_i64().expect("a cap");
    assert_eq!(budget["used_cents"], 0, "nothing spent yet");
    let committed = "SELECT COALESCE(SUM(amount_cents), 0) FROM expenses \
                     WHERE participant_id = $1 AND status <> 'rejected'";
    assert_eq!(count(&app, committed, &[&amal]).await, 0);
    // Twenty requests of a tenth of the cap: twice what fits.
    let amount = cap / 10;
    assert_eq!(amount * 10, cap, "the cap divides into ten");

    let responses = all_at_once(
        &app,
        &coach,
        Method::POST,
        &path,
        vec![expense(amount); PARALLEL],
    )
    .await;

    let stored = count(&app, committed, &[&amal]).await;
    let created = i64::try_from(with_status(&responses, StatusCode::CREATED)).unwrap();
    assert!(
        stored <= cap,
        "{stored} cents committed against a cap of {cap} ({created} of {PARALLEL} created)"
    );
    assert_eq!(
        stored,
        created * amount,
        "every 201 is stored, nothing else"
    );
    let refusals = others(&responses, StatusCode::CREATED);
    assert!(
        responses
            .iter()
            .filter(|(s, _)| *s != StatusCode::CREATED)
            .all(|r| is_conflict(r, "amount_cents", "budget_exceeded")),
        "every refusal is 409 budget_exceeded ({created} of {PARALLEL} created, {stored} of {cap} cents committed): {refusals:?}"
    );
    // Refused only for a full budget: with equal amounts the budget ends exactly full.
    assert_eq!(stored, cap, "{created} of {PARALLEL} created");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_consents_keep_one_row_per_recipient_and_purpose() {
    let app = Arc::new(spawn_app_with(true).await);
    let me = app.demo("participant@example.org").await;
    let org = bakery(&app).await;
    let amal = participant(&app, "Amal").await;
    let rows = "SELECT COUNT(*) FROM consents WHERE participant_id = $1 \
                AND purpose = 'introduction_profile' AND organisation_id = $2";
    assert_eq!(count(&app, rows, &[&amal, &org]).await, 0, "no consent yet");
    let consent = json!({"purpose": "introduction_profile", "organisation_id": org,
                         "municipality_id": null, "given": true});

    let responses = all_at_once(
        &app,
        &me,
        Method::POST,
        &format!("/participants/{amal}/consents"),
        vec![consent; PARALLEL],
    )
    .await;

    let failed = responses
        .iter()
        .filter(|(s, _)| !s.is_success())
        .map(|(s, b)| format!("{s} {b}"))
        .collect::<Vec<_>>();
    let stored = count(&app, rows, &[&amal, &org]).await;
    assert!(
        failed.is_empty(),
        "every consent write succeeds: {failed:?}"
    );
    assert_eq!(
        stored, 1,
        "{stored} consent rows for one participant, purpose and organisation"
    );
    let (status, consents) = call(
        &app,
        &me,
        Method::GET,
        &format!("/participants/{amal}/consents"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let shown = consents
        .as_array()
        .expect("a list")
        .iter()
        .filter(|c| c["purpose"] == "introduction_profile" && c["organisation_id"] == org.as_str())
        .count();
    assert_eq!(shown, 1, "the participant sees one consent: {consents}");
}
