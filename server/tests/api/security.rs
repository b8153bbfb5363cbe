//! Rate limits under parallel requests, and an audit log that anonymous requests cannot flood
//! (ASVS 6.3.1, 16.3.1). Every test client comes from 127.0.0.1, so "one address" is all of them.

use std::sync::Arc;

use reqwest::{StatusCode, header};
use serde_json::{Value, json};
use shared::api::ErrorBody;
use tokio::{sync::Barrier, task::JoinSet};

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_app_with};

const LOGIN: &str = "/api/v1/auth/login";
const ACCEPT_INVITATION: &str = "/api/v1/auth/accept-invitation";

/// What one request answered: status, `Retry-After` in seconds, and the JSON body.
#[derive(Debug)]
struct Answer {
    status: StatusCode,
    retry_after: Option<u64>,
    body: Value,
}

async fn post(app: &TestApp, client: &reqwest::Client, path: &str, body: &Value) -> Answer {
    let response = client
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .expect("the server answers");
    let status = response.status();
    let retry_after = response.headers().get(header::RETRY_AFTER).map(|v| {
        v.to_str()
            .ok()
            .and_then(|s| s.parse().ok())
            .expect("Retry-After is a number of seconds")
    });
    let body = response.json().await.unwrap_or(Value::Null);
    Answer {
        status,
        retry_after,
        body,
    }
}

/// Posts every body to `path` at once: all tasks wait at a barrier, then send.
async fn all_at_once(app: &Arc<TestApp>, path: &str, bodies: Vec<Value>) -> Vec<Answer> {
    let start = Arc::new(Barrier::new(bodies.len()));
    let mut requests = JoinSet::new();
    for body in bodies {
        let (app, path, start) = (Arc::clone(app), path.to_owned(), Arc::clone(&start));
        requests.spawn(async move {
            start.wait().await;
            post(&app, &app.client, &path, &body).await
        });
    }
    let mut answers = Vec::new();
    while let Some(answer) = requests.join_next().await {
        answers.push(answer.expect("a request task ends without panicking"));
    }
    answers
}

fn with_status(answers: &[Answer], status: StatusCode) -> usize {
    answers.iter().filter(|a| a.status == status).count()
}

/// The statuses seen and how often, for assertion messages.
fn tally(answers: &[Answer]) -> Vec<(u16, usize)> {
    let mut seen: Vec<(u16, usize)> = Vec::new();
    for answer in answers {
        let code = answer.status.as_u16();
        match seen.iter_mut().find(|(s, _)| *s == code) {
            Some((_, n)) => *n += 1,
            None => seen.push((code, 1)),
        }
    }
    seen.sort_unstable();
    seen
}

/// A 429 in the API's error shape, with a `Retry-After` within the 15-minute window.
fn assert_limited(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS, "{answer:?}");
    let retry = answer.retry_after.expect("a Retry-After header");
    assert!((1..=900).contains(&retry), "Retry-After {retry}");
    let body: ErrorBody =
        serde_json::from_value(answer.body.clone()).expect("the API's error shape");
    assert!(body.violations.is_empty(), "{answer:?}");
    assert!(!body.request_id.is_empty(), "{answer:?}");
    assert_eq!(answer.body["error"], "too_many_requests");
}

/// Forty wrong passwords for `email` at once; answers what came back.
async fn forty_wrong_passwords_at_once(email: &str) -> Vec<Answer> {
    let app = Arc::new(spawn_app_with(true).await);
    let bodies = (0..40)
        .map(|i| json!({"email": email, "password": format!("wrong-guess-{i}")}))
        .collect();
    all_at_once(&app, LOGIN, bodies).await
}

fn assert_five_401s_then_429s(answers: &[Answer]) {
    let tally = tally(answers);
    assert_eq!(
        with_status(answers, StatusCode::UNAUTHORIZED),
        5,
        "statuses {tally:?}"
    );
    assert_eq!(
        with_status(answers, StatusCode::TOO_MANY_REQUESTS),
        35,
        "statuses {tally:?}"
    );
    for answer in answers {
        if answer.status == StatusCode::UNAUTHORIZED {
            assert_eq!(answer.body["error"], "unauthenticated");
        } else {
            assert_limited(answer);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_parallel_wrong_passwords_for_one_account_get_five_401s_and_then_429s() {
    let answers = forty_wrong_passwords_at_once("coach@example.org").await;

    assert_five_401s_then_429s(&answers);
}

// ASVS 6.3.8: the limit does not tell whether the account exists.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_parallel_wrong_passwords_for_an_unknown_email_are_limited_like_a_known_one() {
    let answers = forty_wrong_passwords_at_once("nobody@example.org").await;

    assert_five_401s_then_429s(&answers);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_parallel_wrong_passwords_for_forty_accounts_from_one_address_get_twenty_401s() {
    let app = Arc::new(spawn_app_with(true).await);
    let bodies = (0..40)
        .map(|i| json!({"email": format!("guess{i}@example.org"), "password": "wrong-password"}))
        .collect();

    let answers = all_at_once(&app, LOGIN, bodies).await;

    let tally = tally(&answers);
    assert_eq!(
        with_status(&answers, StatusCode::UNAUTHORIZED),
        20,
        "statuses {tally:?}"
    );
    assert_eq!(
        with_status(&answers, StatusCode::TOO_MANY_REQUESTS),
        20,
        "statuses {tally:?}"
    );
    for answer in answers
        .iter()
        .filter(|a| a.status != StatusCode::UNAUTHORIZED)
    {
        assert_limited(answer);
    }
}

#[tokio::test]
async fn successful_logins_do_not_count_against_the_address_limit() {
    let app = spawn_app_with(true).await;
    for _ in 0..25 {
        let ok = post(
            &app,
            &app.client,
            LOGIN,
            &json!({"email": "coach@example.org", "password": DEMO_PASSWORD}),
        )
        .await;
        assert_eq!(ok.status, StatusCode::OK);
    }

    let wrong = post(
        &app,
        &app.client,
        LOGIN,
        &json!({"email": "coach@example.org", "password": "wrong-password"}),
    )
    .await;

    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
}

/// Invites a coach into Utrecht as the demo coordinator; answers the token of the link.
async fn invite_coach(app: &TestApp, email: &str) -> String {
    let coordinator = app.demo("coordinator@example.org").await;
    let utrecht: String =
        sqlx::query_scalar("SELECT id FROM municipalities WHERE cbs_code = 'GM0344'")
            .fetch_one(&app.db)
            .await
            .expect("the demo has Utrecht");
    let created = post(
        app,
        &coordinator,
        "/api/v1/invitations",
        &json!({"email": email, "role": "coach", "municipality_id": utrecht,
                "participant_id": null, "organisation_id": null}),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{:?}", created.body);
    let link = created.body["link"].as_str().expect("a link").to_owned();
    link.split_once('#').expect("a token after #").1.to_owned()
}

async fn audit_rows(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = $1 AND outcome = 'refused' AND actor_user_id IS NULL",
    )
    .bind(action)
    .fetch_one(&app.db)
    .await
    .expect("a count")
}

// One refused token is audited per address and window, and so is reaching the limit: two rows
// per window at most, however many requests an anonymous client sends.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_bad_invitation_tokens_get_twenty_422s_then_429s_and_two_audit_rows() {
    let app = Arc::new(spawn_app_with(true).await);
    let bodies = (0..200)
        .map(|i| json!({"token": format!("guessed-token-{i}"), "password": "a long and rare passphrase"}))
        .collect();

    let answers = all_at_once(&app, ACCEPT_INVITATION, bodies).await;

    let refused = audit_rows(&app, "invitation.accept").await;
    let limited = audit_rows(&app, "invitation.accept.limited").await;
    let seen = format!(
        "statuses {:?}, audit rows: {refused} refused, {limited} limited",
        tally(&answers)
    );
    assert_eq!(
        with_status(&answers, StatusCode::UNPROCESSABLE_ENTITY),
        20,
        "{seen}"
    );
    assert_eq!(
        with_status(&answers, StatusCode::TOO_MANY_REQUESTS),
        180,
        "{seen}"
    );
    for answer in &answers {
        if answer.status == StatusCode::UNPROCESSABLE_ENTITY {
            assert_eq!(answer.body["violations"][0]["field"], "token");
            assert_eq!(answer.body["violations"][0]["code"], "invitation_invalid");
        } else {
            assert_limited(answer);
        }
    }
    assert_eq!((refused, limited), (1, 1), "{seen}");

    // Logins from the address are not limited by it; a good token from it is, for the window.
    let token = invite_coach(&app, "new.coach@example.org").await;
    let accepted = post(
        &app,
        &app.browser(),
        ACCEPT_INVITATION,
        &json!({"token": token, "password": "a long and rare passphrase"}),
    )
    .await;
    assert_limited(&accepted);
    assert_eq!(
        (
            audit_rows(&app, "invitation.accept").await,
            audit_rows(&app, "invitation.accept.limited").await
        ),
        (1, 1)
    );
}

#[tokio::test]
async fn password_rule_failures_with_a_valid_invitation_do_not_count_against_the_address_limit() {
    let app = spawn_app_with(true).await;
    let token = invite_coach(&app, "careful.coach@example.org").await;
    for _ in 0..25 {
        let short = post(
            &app,
            &app.client,
            ACCEPT_INVITATION,
            &json!({"token": token, "password": "short"}),
        )
        .await;
        assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(short.body["violations"][0]["field"], "password");
    }

    let accepted = post(
        &app,
        &app.browser(),
        ACCEPT_INVITATION,
        &json!({"token": token, "password": "a long and rare passphrase"}),
    )
    .await;

    assert_eq!(accepted.status, StatusCode::OK, "{:?}", accepted.body);
}
