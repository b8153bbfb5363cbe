//! The second factor (TOTP with recovery codes) and passwords: enrolment, the login's second
//! step, its limits, a coordinator who must enrol first, changing a password and a reset link
//! (ASVS 5.0: 6.2.2, 6.3.1, 6.4.x, 6.5.1, 6.5.2, 6.5.5, 7.4.3). TOTP codes are computed here from
//! the secret in the `otpauth://` URI the server answers, at the server's fixed clock.

use reqwest::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{DEMO_PASSWORD, TestApp, call, scalar, spawn_app_with};

const PARTICIPANT: &str = "participant@example.org";
const COACH: &str = "coach@example.org";
const NEW_PASSWORD: &str = "a rare and rather long passphrase";

async fn password_step(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> (StatusCode, Value) {
    call(
        app,
        client,
        Method::POST,
        "/auth/login",
        Some(json!({"email": email, "password": password})),
    )
    .await
}

async fn code_step(app: &TestApp, client: &reqwest::Client, code: &str) -> (StatusCode, Value) {
    call(
        app,
        client,
        Method::POST,
        "/auth/login/second-factor",
        Some(json!({"code": code})),
    )
    .await
}

async fn me(app: &TestApp, client: &reqwest::Client) -> (StatusCode, Value) {
    call(app, client, Method::GET, "/auth/me", None).await
}

/// How many audit entries of `action` with `outcome` there are.
async fn audited(app: &TestApp, action: &str, outcome: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND outcome = $2")
        .bind(action)
        .bind(outcome)
        .fetch_one(&app.db)
        .await
        .expect("the audit log answers")
}

/// The demo participant, with a second factor: answers the `otpauth://` URI and the recovery
/// codes.
async fn participant_with_factor(app: &TestApp) -> (String, Vec<String>) {
    let client = app.demo(PARTICIPANT).await;
    app.enrol(&client, PARTICIPANT).await
}

/// A new client whose password step for `email` has passed: it waits for the code.
async fn waiting_for_code(app: &TestApp, email: &str, password: &str) -> reqwest::Client {
    let client = app.browser();
    let (status, answer) = password_step(app, &client, email, password).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer, json!({"status": "second_factor_required"}));
    client
}

#[tokio::test]
async fn a_participant_enrols_a_second_factor_and_then_logs_in_with_password_and_code() {
    let app = spawn_app_with(true).await;
    let client = app.demo(PARTICIPANT).await;
    let (_, before) = me(&app, &client).await;
    assert_eq!(before["second_factor"], "offered", "offered, not required");

    let (status, started) = call(
        &app,
        &client,
        Method::POST,
        "/auth/totp/enrolment",
        Some(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let uri = started["otpauth_uri"].as_str().unwrap().to_owned();
    assert!(
        uri.starts_with("otpauth://totp/VIP%20route:participant%40example.org?"),
        "{uri}"
    );
    let secret = started["secret"].as_str().unwrap();
    assert!(uri.contains(&format!("secret={secret}")), "{uri}");
    let (status, wrong) = call(
        &app,
        &client,
        Method::POST,
        "/auth/totp/confirmation",
        Some(json!({"code": "000000"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{wrong}");
    let (_, still) = me(&app, &client).await;
    assert_eq!(
        still["second_factor"], "offered",
        "a wrong code confirms nothing"
    );
    let code = app.code(PARTICIPANT, &uri);
    let (status, confirmed) = call(
        &app,
        &client,
        Method::POST,
        "/auth/totp/confirmation",
        Some(json!({"code": code})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    let codes = confirmed["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 10);
    let (_, after) = me(&app, &client).await;
    assert_eq!(after["second_factor"], "enrolled");
    let stored_hashes = scalar(
        &app,
        "SELECT CAST(COUNT(*) AS TEXT) FROM recovery_codes r JOIN users u ON u.id = r.user_id \
         WHERE u.email = 'participant@example.org'",
    )
    .await;
    assert_eq!(stored_hashes, "10");
    for code in codes {
        let plain = code.as_str().unwrap();
        let found = scalar(
            &app,
            &format!(
                "SELECT CAST(COUNT(*) AS TEXT) FROM recovery_codes WHERE code_hash LIKE '%{plain}%'"
            ),
        )
        .await;
        assert_eq!(found, "0", "only hashes are stored");
    }

    let other = waiting_for_code(&app, PARTICIPANT, DEMO_PASSWORD).await;
    let (status, _) = me(&app, &other).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "not signed in before the code"
    );
    let (status, _) = call(&app, &other, Method::GET, "/participants", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let code = app.code(PARTICIPANT, &uri);
    let (status, signed_in) = code_step(&app, &other, &code).await;

    assert_eq!(status, StatusCode::OK, "{signed_in}");
    assert_eq!(signed_in["email"], PARTICIPANT);
    let (status, _) = me(&app, &other).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(audited(&app, "totp.enrol", "success").await, 1);
    assert_eq!(audited(&app, "totp.enrol", "failure").await, 1);
    assert_eq!(audited(&app, "login.password", "success").await, 1);
    assert_eq!(audited(&app, "totp.verify", "success").await, 1);
    let actor = scalar(
        &app,
        "SELECT actor_user_id FROM audit_log WHERE action = 'totp.verify'",
    )
    .await;
    let id = scalar(
        &app,
        "SELECT id FROM users WHERE email = 'participant@example.org'",
    )
    .await;
    assert_eq!(actor, id, "audited by id");
}

#[tokio::test]
async fn the_secret_is_given_only_until_the_enrolment_is_confirmed() {
    let app = spawn_app_with(true).await;
    let client = app.demo(COACH).await;
    let (first, _) = app.enrol(&client, COACH).await;

    let (status, again) = call(
        &app,
        &client,
        Method::POST,
        "/auth/totp/enrolment",
        Some(json!({})),
    )
    .await;

    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        again["violations"][0]["code"],
        "second_factor_already_enrolled"
    );
    assert!(!again.to_string().contains("secret"), "{again}");
    let (_, whoami) = me(&app, &client).await;
    assert!(!whoami.to_string().contains("otpauth"), "{whoami}");
    let confirm_again = call(
        &app,
        &client,
        Method::POST,
        "/auth/totp/confirmation",
        Some(json!({"code": app.code(COACH, &first)})),
    )
    .await;
    assert_eq!(confirm_again.0, StatusCode::CONFLICT);
}

#[tokio::test]
async fn wrong_codes_are_limited_like_passwords() {
    let app = spawn_app_with(true).await;
    let (uri, _) = participant_with_factor(&app).await;
    let client = waiting_for_code(&app, PARTICIPANT, DEMO_PASSWORD).await;

    for _ in 0..5 {
        let (status, body) = code_step(&app, &client, "000000").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["violations"][0]["field"], "code");
        assert_eq!(body["violations"][0]["code"], "code_invalid");
    }
    let limited = client
        .post(app.url("/api/v1/auth/login/second-factor"))
        .json(&json!({"code": app.code(PARTICIPANT, &uri)}))
        .send()
        .await
        .unwrap();

    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.headers().contains_key(header::RETRY_AFTER));
    let (status, _) = me(&app, &client).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "even a right code waits");
    assert_eq!(audited(&app, "totp.verify", "failure").await, 5);
}

#[tokio::test]
async fn a_code_is_accepted_once() {
    let app = spawn_app_with(true).await;
    let (uri, _) = participant_with_factor(&app).await;
    let code = app.code(PARTICIPANT, &uri);
    let first = waiting_for_code(&app, PARTICIPANT, DEMO_PASSWORD).await;
    let (status, _) = code_step(&app, &first, &code).await;
    assert_eq!(status, StatusCode::OK);

    let second = waiting_for_code(&app, PARTICIPANT, DEMO_PASSWORD).await;
    let (status, body) = code_step(&app, &second, &code).await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["violations"][0]["code"], "code_already_used");
    assert_eq!(me(&app, &second).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(audited(&app, "totp.verify", "refused").await, 1);
    // The code of the next step works.
    let (status, _) = code_step(&app, &second, &app.code(PARTICIPANT, &uri)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_recovery_code_works_once_however_it_is_typed() {
    let app = spawn_app_with(true).await;
    let (_, codes) = participant_with_factor(&app).await;
    let typed = codes[3].to_uppercase().replace('-', " ");
    let first = waiting_for_code(&app, PARTICIPANT, DEMO_PASSWORD).await;

    let (status, body) = code_step(&app, &first, &typed).await;

    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(audited(&app, "recovery_code.use", "success").await, 1);
    let second = waiting_for_code(&app, PARTICIPANT, DEMO_PASSWORD).await;
    let (status, body) = code_step(&app, &second, &codes[3]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["violations"][0]["code"], "code_invalid");
    assert_eq!(audited(&app, "recovery_code.use", "failure").await, 1);
    let (status, _) = code_step(&app, &second, &codes[4]).await;
    assert_eq!(status, StatusCode::OK, "another one still works");
}

#[tokio::test]
async fn a_second_step_without_a_password_checked_first_is_401() {
    let app = spawn_app_with(true).await;
    participant_with_factor(&app).await;

    let stranger = app.browser();
    let (status, _) = code_step(&app, &stranger, "123456").await;

    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_coordinator_without_a_second_factor_may_only_enrol_one() {
    let app = spawn_app_with(true).await;
    let sanne = app.demo("coordinator@example.org").await;
    let utrecht = scalar(
        &app,
        "SELECT id FROM municipalities WHERE cbs_code = 'GM0344'",
    )
    .await;
    let (status, created) = call(
        &app,
        &sanne,
        Method::POST,
        "/invitations",
        Some(
            json!({"email": "new.coordinator@example.org", "role": "coordinator",
                    "municipality_id": utrecht}),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let token = created["link"]
        .as_str()
        .unwrap()
        .split_once('#')
        .unwrap()
        .1
        .to_owned();
    let newcomer = app.browser();
    let (status, accepted) = call(
        &app,
        &newcomer,
        Method::POST,
        "/auth/accept-invitation",
        Some(json!({"token": token, "password": NEW_PASSWORD})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(accepted["second_factor"], "required");

    for (method, path, body) in [
        (Method::GET, "/participants", None),
        (Method::GET, "/municipalities", None),
        (Method::GET, "/users", None),
        (
            Method::POST,
            "/invitations",
            Some(json!({"email": "x@example.org", "role": "coach", "municipality_id": utrecht})),
        ),
        (
            Method::POST,
            "/auth/password",
            Some(json!({"current_password": NEW_PASSWORD, "new_password": "another long one"})),
        ),
    ] {
        let (status, refused) = call(&app, &newcomer, method.clone(), path, body).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}");
        assert_eq!(refused["error"], "forbidden");
        assert_eq!(
            refused["violations"][0]["code"], "second_factor_enrolment_required",
            "{method} {path}"
        );
    }
    let (status, whoami) = me(&app, &newcomer).await;
    assert_eq!(status, StatusCode::OK, "who is signed in may be asked");
    assert_eq!(whoami["second_factor"], "required");

    let (uri, _) = app.enrol(&newcomer, "new.coordinator@example.org").await;

    let (status, _) = call(&app, &newcomer, Method::GET, "/participants", None).await;
    assert_eq!(status, StatusCode::OK, "enrolled, the coordinator works");
    let again = waiting_for_code(&app, "new.coordinator@example.org", NEW_PASSWORD).await;
    let code = app.code("new.coordinator@example.org", &uri);
    assert_eq!(code_step(&app, &again, &code).await.0, StatusCode::OK);
}

#[tokio::test]
async fn changing_the_password_ends_every_other_session_and_keeps_this_one() {
    let app = spawn_app_with(true).await;
    let here = app.demo(PARTICIPANT).await;
    let elsewhere = app.demo(PARTICIPANT).await;
    let change =
        |current: &str, new: &str| Some(json!({"current_password": current, "new_password": new}));

    let (status, wrong) = call(
        &app,
        &here,
        Method::POST,
        "/auth/password",
        change("not-the-password", NEW_PASSWORD),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong["violations"][0]["field"], "current_password");
    assert_eq!(wrong["violations"][0]["code"], "password_incorrect");
    let (status, common) = call(
        &app,
        &here,
        Method::POST,
        "/auth/password",
        change(DEMO_PASSWORD, "password123"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(common["violations"][0]["field"], "new_password");
    assert_eq!(common["violations"][0]["code"], "password_too_common");
    let (status, short) = call(
        &app,
        &here,
        Method::POST,
        "/auth/password",
        change(DEMO_PASSWORD, "short"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(short["violations"][0]["code"], "password_too_short");

    let (status, _) = call(
        &app,
        &here,
        Method::POST,
        "/auth/password",
        change(DEMO_PASSWORD, NEW_PASSWORD),
    )
    .await;

    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        me(&app, &here).await.0,
        StatusCode::OK,
        "this session stays"
    );
    assert_eq!(
        me(&app, &elsewhere).await.0,
        StatusCode::UNAUTHORIZED,
        "the other one ended"
    );
    let old = password_step(&app, &app.browser(), PARTICIPANT, DEMO_PASSWORD).await;
    assert_eq!(old.0, StatusCode::UNAUTHORIZED);
    let new = password_step(&app, &app.browser(), PARTICIPANT, NEW_PASSWORD).await;
    assert_eq!(new.0, StatusCode::OK);
    assert_eq!(audited(&app, "password.change", "success").await, 1);
    assert_eq!(audited(&app, "password.change", "failure").await, 1);
}

#[tokio::test]
async fn guessing_the_current_password_is_limited_like_a_login() {
    let app = spawn_app_with(true).await;
    let client = app.demo(COACH).await;
    let guess = Some(json!({"current_password": "a guess", "new_password": NEW_PASSWORD}));
    for _ in 0..5 {
        let (status, _) = call(&app, &client, Method::POST, "/auth/password", guess.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }

    let (status, _) = call(&app, &client, Method::POST, "/auth/password", guess).await;

    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let login = password_step(&app, &app.browser(), COACH, DEMO_PASSWORD).await;
    assert_eq!(
        login.0,
        StatusCode::TOO_MANY_REQUESTS,
        "the account's limit"
    );
}

/// The token of a reset link the demo coordinator starts for `email`.
async fn reset_link(app: &TestApp, email: &str) -> String {
    let coordinator = app.demo("coordinator@example.org").await;
    let id = scalar(
        app,
        &format!("SELECT id FROM users WHERE email = '{email}'"),
    )
    .await;
    let (status, created) = call(
        app,
        &coordinator,
        Method::POST,
        &format!("/users/{id}/password-reset"),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let link = created["link"].as_str().unwrap();
    assert!(
        link.starts_with("https://vip.example.org/reset-password#"),
        "{link}"
    );
    link.split_once('#').unwrap().1.to_owned()
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_once_and_the_old_one_stops_working() {
    let app = spawn_app_with(true).await;
    let coach = app.demo(COACH).await;
    let token = reset_link(&app, COACH).await;
    assert_eq!(
        password_step(&app, &app.browser(), COACH, DEMO_PASSWORD)
            .await
            .0,
        StatusCode::OK,
        "the password works until the link is used"
    );
    let reset = |token: &str, password: &str| Some(json!({"token": token, "password": password}));
    let (status, common) = call(
        &app,
        &app.browser(),
        Method::POST,
        "/auth/reset-password",
        reset(&token, "password123"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(common["violations"][0]["code"], "password_too_common");

    let (status, _) = call(
        &app,
        &app.browser(),
        Method::POST,
        "/auth/reset-password",
        reset(&token, NEW_PASSWORD),
    )
    .await;

    assert_eq!(status, StatusCode::NO_CONTENT);
    let old = password_step(&app, &app.browser(), COACH, DEMO_PASSWORD).await;
    assert_eq!(
        old.0,
        StatusCode::UNAUTHORIZED,
        "the old password stopped working"
    );
    assert_eq!(
        me(&app, &coach).await.0,
        StatusCode::UNAUTHORIZED,
        "sessions ended"
    );
    let new = password_step(&app, &app.browser(), COACH, NEW_PASSWORD).await;
    assert_eq!(new.0, StatusCode::OK);
    let (status, again) = call(
        &app,
        &app.browser(),
        Method::POST,
        "/auth/reset-password",
        reset(&token, "yet another passphrase"),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the link works once"
    );
    assert_eq!(again["violations"][0]["field"], "token");
    assert_eq!(again["violations"][0]["code"], "password_reset_invalid");
    assert_eq!(audited(&app, "password_reset.create", "success").await, 1);
    assert_eq!(audited(&app, "password_reset.use", "success").await, 1);
    let stored = scalar(&app, "SELECT token_hash FROM password_resets").await;
    assert_ne!(stored, token, "only the hash is stored");
}

#[tokio::test]
async fn a_reset_ends_a_login_that_waits_for_its_code_and_keeps_the_second_factor() {
    let app = spawn_app_with(true).await;
    let (uri, _) = participant_with_factor(&app).await;
    let waiting = waiting_for_code(&app, PARTICIPANT, DEMO_PASSWORD).await;
    let token = reset_link(&app, PARTICIPANT).await;
    let (status, _) = call(
        &app,
        &app.browser(),
        Method::POST,
        "/auth/reset-password",
        Some(json!({"token": token, "password": NEW_PASSWORD})),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    let (status, _) = code_step(&app, &waiting, &app.code(PARTICIPANT, &uri)).await;

    assert_eq!(status, StatusCode::UNAUTHORIZED, "the waiting login ended");
    let after = waiting_for_code(&app, PARTICIPANT, NEW_PASSWORD).await;
    let (status, _) = code_step(&app, &after, &app.code(PARTICIPANT, &uri)).await;
    assert_eq!(status, StatusCode::OK, "the new password, then the code");
}

#[tokio::test]
async fn a_coordinator_cannot_reset_their_own_password_or_one_not_yet_set() {
    let app = spawn_app_with(true).await;
    let sanne = app.demo("coordinator@example.org").await;
    let own = scalar(
        &app,
        "SELECT id FROM users WHERE email = 'coordinator@example.org'",
    )
    .await;
    let (status, _) = call(
        &app,
        &sanne,
        Method::POST,
        &format!("/users/{own}/password-reset"),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let utrecht = scalar(
        &app,
        "SELECT id FROM municipalities WHERE cbs_code = 'GM0344'",
    )
    .await;
    let (status, _) = call(
        &app,
        &sanne,
        Method::POST,
        "/invitations",
        Some(json!({"email": "invited@example.org", "role": "coach", "municipality_id": utrecht})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let invited = scalar(
        &app,
        "SELECT id FROM users WHERE email = 'invited@example.org'",
    )
    .await;

    let (status, body) = call(
        &app,
        &sanne,
        Method::POST,
        &format!("/users/{invited}/password-reset"),
        Some(json!({})),
    )
    .await;

    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["violations"][0]["code"], "password_not_set");
}

/// A login that checked the old password just before a reset stores its session just after:
/// the session was started for the account as it was, and does not sign in.
#[tokio::test]
async fn a_session_stored_after_a_password_reset_does_not_sign_in() {
    let app = spawn_app_with(true).await;
    let coach = app.demo(COACH).await;
    let coach_id = scalar(
        &app,
        &format!("SELECT id FROM users WHERE email = '{COACH}'"),
    )
    .await;
    let (id, data, expiry): (String, String, i64) =
        sqlx::query_as("SELECT id, data, expiry_date FROM sessions WHERE user_id = $1")
            .bind(&coach_id)
            .fetch_one(&app.db)
            .await
            .expect("the coach's session is stored");
    let token = reset_link(&app, COACH).await;
    let (status, _) = call(
        &app,
        &app.browser(),
        Method::POST,
        "/auth/reset-password",
        Some(json!({"token": token, "password": NEW_PASSWORD})),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let ended: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE id = $1")
        .bind(&id)
        .fetch_one(&app.db)
        .await
        .expect("the sessions table answers");
    assert_eq!(ended, 0, "the reset ended the session");

    // The late write of the login's session, as the session layer does after the answer.
    sqlx::query("INSERT INTO sessions (id, user_id, data, expiry_date) VALUES ($1, $2, $3, $4)")
        .bind(&id)
        .bind(&coach_id)
        .bind(&data)
        .bind(expiry)
        .execute(&app.db)
        .await
        .expect("the session is stored again");

    assert_eq!(
        me(&app, &coach).await.0,
        StatusCode::UNAUTHORIZED,
        "a session of the account before the reset signs nobody in"
    );
    let fresh = app.login(COACH, NEW_PASSWORD).await;
    assert_eq!(me(&app, &fresh).await.0, StatusCode::OK);
}

/// Five changes at once, each proving the same current password: one lands, and the others
/// find that password no longer current.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_password_changes_from_the_same_password_land_once() {
    let app = std::sync::Arc::new(spawn_app_with(true).await);
    let here = app.demo(PARTICIPANT).await;
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(5));
    let mut changes = tokio::task::JoinSet::new();
    for n in 0..5 {
        let (app, here, start) = (app.clone(), here.clone(), start.clone());
        changes.spawn(async move {
            let new = format!("{NEW_PASSWORD} number {n}");
            start.wait().await;
            let (status, body) = call(
                &app,
                &here,
                Method::POST,
                "/auth/password",
                Some(json!({"current_password": DEMO_PASSWORD, "new_password": new})),
            )
            .await;
            (status, body, new)
        });
    }
    let answers = changes.join_all().await;

    let landed: Vec<&String> = answers
        .iter()
        .filter(|(status, _, _)| *status == StatusCode::NO_CONTENT)
        .map(|(_, _, new)| new)
        .collect();
    assert_eq!(landed.len(), 1, "{:?}", answers);
    for (status, body, _) in answers.iter().filter(|a| a.0 != StatusCode::NO_CONTENT) {
        assert_eq!(*status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["violations"][0]["code"], "password_incorrect");
    }
    assert_eq!(
        password_step(&app, &app.browser(), PARTICIPANT, landed[0])
            .await
            .0,
        StatusCode::OK,
        "the password that landed is the one stored"
    );
}
