//! Accounts, sessions and requests (ASVS 5.0 level 2 items named per test).

use reqwest::{StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{DEMO_PASSWORD, TestApp, spawn_app_with};

async fn body(response: reqwest::Response) -> Value {
    response.json().await.expect("a JSON body")
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("__Host-vip_session="))
        .map(str::to_owned)
}

fn token_of(cookie: &str) -> String {
    cookie
        .split(';')
        .next()
        .and_then(|kv| kv.split_once('='))
        .map(|(_, v)| v.to_owned())
        .unwrap_or_default()
}

async fn raw_login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap()
}

/// A request carrying only this session token.
async fn me_with_token(app: &TestApp, token: &str) -> StatusCode {
    app.client
        .get(app.url("/api/v1/auth/me"))
        .header(header::COOKIE, format!("__Host-vip_session={token}"))
        .send()
        .await
        .unwrap()
        .status()
}

// ASVS 7.2.1, 7.2.3, 3.3.1, 3.3.2: session token generated at login, cookie attributes.
#[tokio::test]
async fn login_answers_the_account_and_sets_a_host_only_secure_http_only_strict_cookie() {
    let app = spawn_app_with(true).await;

    let response = raw_login(&app, "coach@example.org", DEMO_PASSWORD).await;

    assert_eq!(response.status(), StatusCode::OK);
    let cookie = session_cookie(&response).expect("a session cookie");
    for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(!cookie.contains("Domain"), "{cookie}");
    // 128 bits, base64url without padding.
    assert_eq!(token_of(&cookie).len(), 22);
    let me = body(response).await;
    assert_eq!(me["role"], "coach");
    assert_eq!(me["email"], "coach@example.org");
}

// ASVS 6.3.8 (no account enumeration), 6.2.x
#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_401() {
    let app = spawn_app_with(true).await;

    let wrong = raw_login(&app, "coach@example.org", "not-the-password").await;
    let unknown = raw_login(&app, "nobody@example.org", "not-the-password").await;
    let malformed = raw_login(&app, "not an email", "x").await;

    for response in [wrong, unknown, malformed] {
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(session_cookie(&response).is_none());
        let b = body(response).await;
        assert_eq!(b["error"], "unauthenticated");
        assert!(b.get("violations").is_none());
    }
}

// ASVS 6.3.1: rate limiting of authentication per account.
#[tokio::test]
async fn five_failures_limit_the_account_even_for_the_right_password() {
    let app = spawn_app_with(true).await;
    for _ in 0..5 {
        let r = raw_login(&app, "coach@example.org", "wrong-password").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }

    let limited = raw_login(&app, "coach@example.org", DEMO_PASSWORD).await;

    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = limited.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry), "{retry}");
    assert_eq!(body(limited).await["error"], "too_many_requests");
    // Another account from the same address still gets in.
    let other = raw_login(&app, "coordinator@example.org", DEMO_PASSWORD).await;
    assert_eq!(other.status(), StatusCode::OK);
}

// ASVS 6.3.1: rate limiting per address, whatever account is tried.
#[tokio::test]
async fn twenty_failures_from_one_address_limit_every_account() {
    let app = spawn_app_with(true).await;
    for i in 0..20 {
        let r = raw_login(&app, &format!("guess{i}@example.org"), "wrong-password").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }

    let limited = raw_login(&app, "coordinator@example.org", DEMO_PASSWORD).await;

    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.headers().contains_key(header::RETRY_AFTER));
}

// ASVS 7.2.4: a new session token on every authentication.
#[tokio::test]
async fn each_login_gets_a_new_token_and_the_old_one_stops_working() {
    let app = spawn_app_with(true).await;
    let first = token_of(
        &session_cookie(&raw_login(&app, "coach@example.org", DEMO_PASSWORD).await).unwrap(),
    );
    assert_eq!(me_with_token(&app, &first).await, StatusCode::OK);

    let again = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header(header::COOKIE, format!("__Host-vip_session={first}"))
        .json(&json!({"email": "coach@example.org", "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    let second = token_of(&session_cookie(&again).unwrap());

    assert_ne!(first, second);
    assert_eq!(me_with_token(&app, &first).await, StatusCode::UNAUTHORIZED);
    assert_eq!(me_with_token(&app, &second).await, StatusCode::OK);
}

#[tokio::test]
async fn me_without_a_session_is_401_in_the_error_shape() {
    let app = spawn_app_with(true).await;

    let response = app.get("/api/v1/auth/me").await;

    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(body(response).await["error"], "unauthenticated");
}

// ASVS 7.4.1: logout ends the session on the server.
#[tokio::test]
async fn logout_ends_the_session_on_the_server() {
    let app = spawn_app_with(true).await;
    let token = token_of(
        &session_cookie(&raw_login(&app, "coach@example.org", DEMO_PASSWORD).await).unwrap(),
    );

    let logout = app
        .client
        .post(app.url("/api/v1/auth/logout"))
        .header(header::COOKIE, format!("__Host-vip_session={token}"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();

    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    assert_eq!(me_with_token(&app, &token).await, StatusCode::UNAUTHORIZED);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 0);
}

// ASVS 7.3.1: idle timeout (30 minutes, stored as the session's expiry).
#[tokio::test]
async fn a_session_idle_past_its_expiry_ends() {
    let app = spawn_app_with(true).await;
    let client = app.demo("coach@example.org").await;
    assert_eq!(
        app.get_with(&client, "/api/v1/auth/me").await.status(),
        StatusCode::OK
    );
    let expiry: i64 = sqlx::query_scalar("SELECT expiry_date FROM sessions")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let now = chrono::Utc::now().timestamp();
    assert!(
        (now + 1790..=now + 1810).contains(&expiry),
        "idle timeout of 30 minutes"
    );

    sqlx::query("UPDATE sessions SET expiry_date = $1")
        .bind(now - 1)
        .execute(&app.db)
        .await
        .unwrap();

    assert_eq!(
        app.get_with(&client, "/api/v1/auth/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

/// What the sessions table holds: (data, expiry) of the one session.
async fn stored_session(app: &TestApp) -> (String, i64) {
    sqlx::query_as("SELECT data, expiry_date FROM sessions")
        .fetch_one(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_read_with_a_session_writes_nothing() {
    let app = spawn_app_with(true).await;
    let client = app.demo("participant@example.org").await;
    let before = stored_session(&app).await;

    for path in ["/api/v1/auth/me", "/api/v1/participants"] {
        let response = app.get_with(&client, path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(
            response.headers().get(header::SET_COOKIE).is_none(),
            "{path}: the cookie is not sent again"
        );
    }

    assert_eq!(
        stored_session(&app).await,
        before,
        "the session row is as it was"
    );
    let audit_rows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action <> 'login'")
            .fetch_one(&app.db)
            .await
            .unwrap();
    assert_eq!(audit_rows, 0);
}

#[tokio::test]
async fn activity_after_a_minute_extends_the_idle_expiry() {
    let app = spawn_app_with(true).await;
    let client = app.demo("participant@example.org").await;
    // The last touch two minutes ago, and an expiry that is near.
    let (data, _) = stored_session(&app).await;
    let mut data: Value = serde_json::from_str(&data).unwrap();
    let now = chrono::Utc::now().timestamp();
    data["touched_at"] = json!(now - 120);
    sqlx::query("UPDATE sessions SET data = $1, expiry_date = $2")
        .bind(data.to_string())
        .bind(now + 60)
        .execute(&app.db)
        .await
        .unwrap();

    let response = app.get_with(&client, "/api/v1/auth/me").await;

    assert_eq!(response.status(), StatusCode::OK);
    let (_, expiry) = stored_session(&app).await;
    assert!(
        (now + 1790..=now + 1810).contains(&expiry),
        "a new idle timeout of 30 minutes: {}",
        expiry - now
    );
}

// ASVS 7.3.2: absolute timeout (12 hours after login, however active).
#[tokio::test]
async fn a_session_ends_twelve_hours_after_login_however_active() {
    let app = spawn_app_with(true).await;
    let client = app.demo("coach@example.org").await;
    let data: String = sqlx::query_scalar("SELECT data FROM sessions")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let mut data: Value = serde_json::from_str(&data).unwrap();
    let login_at = data["login_at"].as_i64().unwrap();
    data["login_at"] = json!(login_at - 12 * 3600 + 60);
    sqlx::query("UPDATE sessions SET data = $1")
        .bind(data.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    assert_eq!(
        app.get_with(&client, "/api/v1/auth/me").await.status(),
        StatusCode::OK
    );

    data["login_at"] = json!(login_at - 12 * 3600 - 1);
    sqlx::query("UPDATE sessions SET data = $1")
        .bind(data.to_string())
        .execute(&app.db)
        .await
        .unwrap();

    assert_eq!(
        app.get_with(&client, "/api/v1/auth/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn user_id(app: &TestApp, email: &str) -> (String, i64) {
    sqlx::query_as("SELECT id, version FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

// ASVS 7.4.2: disabling an account ends its sessions at once.
#[tokio::test]
async fn a_disabled_account_loses_its_session_at_once_and_cannot_log_in() {
    let app = spawn_app_with(true).await;
    let coach = app.demo("coach@example.org").await;
    let coordinator = app.demo("coordinator@example.org").await;
    let (id, version) = user_id(&app, "coach@example.org").await;

    let disabled = app
        .post_json(
            &coordinator,
            &format!("/api/v1/users/{id}/disable"),
            &json!({"version": version}),
        )
        .await;

    assert_eq!(disabled.status(), StatusCode::OK);
    assert_eq!(body(disabled).await["disabled"], true);
    assert_eq!(
        app.get_with(&coach, "/api/v1/auth/me").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let again = raw_login(&app, "coach@example.org", DEMO_PASSWORD).await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn disabling_from_a_stale_version_is_a_conflict() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let (id, version) = user_id(&app, "coach@example.org").await;

    let response = app
        .post_json(
            &coordinator,
            &format!("/api/v1/users/{id}/disable"),
            &json!({"version": version - 1}),
        )
        .await;

    assert_eq!(response.status(), StatusCode::CONFLICT);
    let b = body(response).await;
    assert_eq!(b["violations"][0]["code"], "stale_version");
    assert_eq!(b["violations"][0]["params"]["current_version"], version);
}

async fn municipality_id(app: &TestApp, code: &str) -> String {
    sqlx::query_scalar("SELECT id FROM municipalities WHERE cbs_code = $1")
        .bind(code)
        .fetch_one(&app.db)
        .await
        .unwrap()
}

/// Invites a coach into Utrecht and answers the token from the link's fragment.
async fn invite_coach(app: &TestApp, email: &str) -> String {
    let coordinator = app.demo("coordinator@example.org").await;
    let utrecht = municipality_id(app, "GM0344").await;
    let response = app
        .post_json(
            &coordinator,
            "/api/v1/invitations",
            &json!({"email": email, "role": "coach", "municipality_id": utrecht,
                    "participant_id": null, "organisation_id": null}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created = body(response).await;
    let link = created["link"].as_str().unwrap().to_owned();
    assert!(
        link.starts_with("https://vip.example.org/accept-invitation#"),
        "{link}"
    );
    link.split_once('#').unwrap().1.to_owned()
}

async fn accept(
    app: &TestApp,
    client: &reqwest::Client,
    token: &str,
    password: &str,
) -> reqwest::Response {
    app.post_json(
        client,
        "/api/v1/auth/accept-invitation",
        &json!({"token": token, "password": password}),
    )
    .await
}

// ASVS 6.4.1 (one-time, expiring, random activation), 6.2.1
#[tokio::test]
async fn an_invitation_sets_the_password_once_and_signs_the_account_in() {
    let app = spawn_app_with(true).await;
    let token = invite_coach(&app, "new.coach@example.org").await;
    assert!(token.len() >= 32, "at least 128 bits");
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM invitations")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_ne!(stored, token, "only a hash is stored");
    let browser = app.browser();

    let accepted = accept(&app, &browser, &token, "a long and rare passphrase").await;

    assert_eq!(accepted.status(), StatusCode::OK);
    assert_eq!(body(accepted).await["role"], "coach");
    assert_eq!(
        app.get_with(&browser, "/api/v1/auth/me").await.status(),
        StatusCode::OK
    );
    let reuse = accept(&app, &app.browser(), &token, "another rare passphrase").await;
    assert_eq!(reuse.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let b = body(reuse).await;
    assert_eq!(b["violations"][0]["field"], "token");
    assert_eq!(b["violations"][0]["code"], "invitation_invalid");
    app.login("new.coach@example.org", "a long and rare passphrase")
        .await;
}

#[tokio::test]
async fn an_expired_invitation_is_refused() {
    let app = spawn_app_with(true).await;
    let token = invite_coach(&app, "late.coach@example.org").await;
    sqlx::query("UPDATE invitations SET expires_at = '2000-01-01T00:00:00Z'")
        .execute(&app.db)
        .await
        .unwrap();

    let response = accept(&app, &app.browser(), &token, "a long and rare passphrase").await;

    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body(response).await["violations"][0]["code"],
        "invitation_invalid"
    );
}

#[tokio::test]
async fn an_invitation_lasts_seven_days() {
    let app = spawn_app_with(true).await;
    invite_coach(&app, "week.coach@example.org").await;
    let expires: String = sqlx::query_scalar("SELECT expires_at FROM invitations")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let expires = chrono::DateTime::parse_from_rfc3339(&expires).unwrap();
    let days = (expires.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_hours();
    assert!((167..=168).contains(&days), "{days} hours");
}

// ASVS 6.2.1, 6.2.4, 6.2.9: length 8..=128 and the common-password list.
#[tokio::test]
async fn short_long_and_common_passwords_are_refused_and_the_invitation_stays_usable() {
    let app = spawn_app_with(true).await;
    let token = invite_coach(&app, "careful.coach@example.org").await;
    let cases = [
        (
            "seven77",
            json!({"code": "password_too_short", "params": {"min": 8}}),
        ),
        (
            &*"x".repeat(129),
            json!({"code": "password_too_long", "params": {"max": 128}}),
        ),
        (
            "Password123",
            json!({"code": "password_too_common", "params": {}}),
        ),
        (
            "iloveyou",
            json!({"code": "password_too_common", "params": {}}),
        ),
    ];
    for (password, expected) in cases {
        let response = accept(&app, &app.browser(), &token, password).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{password}"
        );
        let v = &body(response).await["violations"][0];
        assert_eq!(v["field"], "password");
        assert_eq!(v["code"], expected["code"], "{password}");
        assert_eq!(v["params"], expected["params"], "{password}");
    }
    let ok = accept(&app, &app.browser(), &token, &"y".repeat(128)).await;
    assert_eq!(ok.status(), StatusCode::OK);
}

#[tokio::test]
async fn inviting_an_email_that_has_an_account_is_a_conflict() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;

    let response = app
        .post_json(
            &coordinator,
            "/api/v1/invitations",
            &json!({"email": "coach@example.org", "role": "coach", "municipality_id": utrecht,
                    "participant_id": null, "organisation_id": null}),
        )
        .await;

    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        body(response).await["violations"][0]["code"],
        "already_registered"
    );
}

#[tokio::test]
async fn an_invitation_lists_every_broken_rule_and_a_municipality_outside_the_region_is_unknown() {
    let app = spawn_app_with(true).await;
    let coordinator = app.demo("coordinator@example.org").await;
    let rotterdam = municipality_id(&app, "GM0599").await;

    let invalid = app
        .post_json(
            &coordinator,
            "/api/v1/invitations",
            &json!({"email": "nope", "role": "company_contact", "municipality_id": null,
                    "participant_id": null, "organisation_id": null}),
        )
        .await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let b = body(invalid).await;
    let codes: Vec<&str> = b["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["invalid_email", "required"]);

    let outside = app
        .post_json(
            &coordinator,
            "/api/v1/invitations",
            &json!({"email": "x@example.org", "role": "coordinator", "municipality_id": rotterdam,
                    "participant_id": null, "organisation_id": null}),
        )
        .await;
    assert_eq!(outside.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body(outside).await["violations"][0]["code"],
        "unknown_record"
    );
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = 'x@example.org'")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(users, 0, "nothing changed");
}

// ASVS 3.5.1, 3.5.2: cross-origin state changes refused.
#[tokio::test]
async fn a_state_change_from_another_origin_is_refused() {
    let app = spawn_app_with(true).await;
    let login = json!({"email": "coach@example.org", "password": DEMO_PASSWORD});
    let host = format!("http://{}", app.addr);

    let foreign = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header(header::ORIGIN, "https://evil.example")
        .json(&login)
        .send()
        .await
        .unwrap();
    let cross_site = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("sec-fetch-site", "cross-site")
        .json(&login)
        .send()
        .await
        .unwrap();
    let same = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header(header::ORIGIN, crate::helpers::PUBLIC_URL)
        .header("sec-fetch-site", "same-origin")
        .json(&login)
        .send()
        .await
        .unwrap();

    // The request's own Host is not the app's origin: the configured public URL is.
    let host_only = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header(header::ORIGIN, host)
        .json(&login)
        .send()
        .await
        .unwrap();
    // Neither Origin nor Sec-Fetch-Site: nothing shows the request comes from the app.
    let anonymous = reqwest::Client::new()
        .post(app.url("/api/v1/auth/login"))
        .json(&login)
        .send()
        .await
        .unwrap();

    assert_eq!(foreign.status(), StatusCode::FORBIDDEN);
    assert_eq!(body(foreign).await["error"], "forbidden");
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    assert_eq!(host_only.status(), StatusCode::FORBIDDEN);
    assert_eq!(anonymous.status(), StatusCode::FORBIDDEN);
    assert_eq!(same.status(), StatusCode::OK);
}

#[tokio::test]
async fn state_changes_are_never_made_by_get() {
    let app = spawn_app_with(true).await;
    for path in [
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/invitations",
        "/api/v1/auth/accept-invitation",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED, "{path}");
    }
}

// ASVS 4.1.x / 2.2.x: malformed input answers our 400 shape without the framework's text.
#[tokio::test]
async fn malformed_json_wrong_types_and_huge_bodies_answer_the_error_shape() {
    let app = spawn_app_with(true).await;
    let send = |body: String| {
        app.client
            .post(app.url("/api/v1/auth/login"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
    };

    let broken = send("{\"email\": ".to_owned()).await.unwrap();
    let wrong_type = send("{\"email\": 5, \"password\": []}".to_owned())
        .await
        .unwrap();
    let huge = send(format!(
        "{{\"email\": \"{}\", \"password\": \"x\"}}",
        "a".repeat(100_000)
    ))
    .await
    .unwrap();

    for (response, status, kind) in [
        (broken, StatusCode::BAD_REQUEST, "bad_request"),
        (wrong_type, StatusCode::UNPROCESSABLE_ENTITY, "validation"),
        (huge, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
    ] {
        assert_eq!(response.status(), status);
        let text = response.text().await.unwrap();
        let b: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(b["error"], kind);
        assert!(!text.contains("expected"), "framework text leaked: {text}");
    }
}

#[tokio::test]
async fn behind_tls_every_response_carries_hsts() {
    use server::{Config, build};
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        bind: "127.0.0.1:0".parse().unwrap(),
        database: dir.path().join("db.sqlite"),
        site: dir.path().join("site"),
        demo: false,
        public_url: None,
        behind_tls: true,
        trusted_proxies: Vec::new(),
        time_zone: server::clock::DEFAULT_ZONE,
        fixed_now: Some(crate::helpers::now()),
        limits: server::overload::Limits::default(),
        command: None,
    };
    let app = build(config).await.unwrap();
    let addr = app.local_addr();
    let handle = tokio::spawn(app.run_until(std::future::pending()));

    let response = reqwest::get(format!("http://{addr}/api/v1/health"))
        .await
        .unwrap();

    assert_eq!(
        response.headers()[header::STRICT_TRANSPORT_SECURITY],
        "max-age=31536000; includeSubDomains"
    );
    handle.abort();
}

#[tokio::test]
async fn without_tls_no_hsts_is_sent() {
    let app = spawn_app_with(false).await;
    let response = app.get("/api/v1/health").await;
    assert!(
        !response
            .headers()
            .contains_key(header::STRICT_TRANSPORT_SECURITY)
    );
}

// ASVS 16.2.1, 16.3.1, 16.3.2: logins, failures and refusals are audited; the log is append-only.
#[tokio::test]
async fn logins_failures_and_refusals_are_in_the_append_only_audit_log() {
    let app = spawn_app_with(true).await;
    raw_login(&app, "coach@example.org", "wrong-password").await;
    let coach = app.demo("coach@example.org").await;
    app.get_with(&coach, "/api/v1/municipalities").await;

    let rows: Vec<(String, String, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT action, outcome, actor_user_id, address FROM audit_log ORDER BY at")
            .fetch_all(&app.db)
            .await
            .unwrap();
    let seen: Vec<(&str, &str)> = rows
        .iter()
        .map(|(a, o, _, _)| (a.as_str(), o.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("login", "failure"),
            ("login", "success"),
            ("access.forbidden", "refused")
        ]
    );
    assert!(
        rows.iter().all(
            |(_, _, actor, address)| actor.is_some() && address.as_deref() == Some("127.0.0.1")
        )
    );

    let update = sqlx::query("UPDATE audit_log SET outcome = 'success'")
        .execute(&app.db)
        .await;
    let delete = sqlx::query("DELETE FROM audit_log").execute(&app.db).await;
    assert!(
        update.is_err() && delete.is_err(),
        "the audit log is append-only"
    );
}

#[tokio::test]
async fn the_audit_log_holds_no_email_address_even_of_failed_logins() {
    let app = spawn_app_with(true).await;
    raw_login(&app, "coach@example.org", "wrong-password").await;
    raw_login(&app, "nobody@example.org", "wrong-password").await;

    let texts: Vec<String> = sqlx::query_scalar(
        "SELECT action || ' ' || COALESCE(actor_user_id, '') || ' ' || COALESCE(record_id, '') || ' ' || COALESCE(address, '') FROM audit_log",
    )
    .fetch_all(&app.db)
    .await
    .unwrap();
    assert_eq!(texts.len(), 2);
    assert!(texts.iter().all(|t| !t.contains('@')), "{texts:?}");
}

#[tokio::test]
async fn the_first_coordinator_is_invited_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let database = crate::helpers::database_path(&dir);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_vip-server"))
        .arg("--database")
        .arg(&database)
        .args(["--public-url", "https://vip.example.org"])
        .args([
            "invite-coordinator",
            "First@Example.org",
            "--municipality",
            "gm0363",
            "--name",
            "Amsterdam",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    let link = stdout
        .split_whitespace()
        .find(|w| w.starts_with("https://vip.example.org/accept-invitation#"))
        .expect("the link is printed");
    let token = link.split_once('#').unwrap().1.to_owned();

    let app = crate::helpers::spawn_app_in(dir, false).await;
    let browser = app.browser();
    let accepted = accept(&app, &browser, &token, "a long and rare passphrase").await;

    assert_eq!(accepted.status(), StatusCode::OK);
    let me = body(accepted).await;
    assert_eq!(me["role"], "coordinator");
    assert_eq!(me["email"], "first@example.org");
    // A coordinator enrols a second factor before anything else.
    assert_eq!(me["second_factor"], "required");
    let refused = app.get_with(&browser, "/api/v1/municipalities").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        body(refused).await["violations"][0]["code"],
        "second_factor_enrolment_required"
    );
    app.enrol(&browser, "first@example.org").await;
    let municipalities: Value = app
        .get_with(&browser, "/api/v1/municipalities")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(municipalities["items"][0]["cbs_code"], "GM0363");
    assert_eq!(municipalities["items"][0]["name"], "Amsterdam");
}

// ASVS 16.2.5: no personal data in the application log, even at debug level.
#[cfg(unix)]
#[tokio::test]
async fn the_application_log_holds_no_email_address_or_name() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_vip-server"))
        .args(["--bind", "127.0.0.1:0", "--demo", "--site"])
        .arg(dir.path().join("site"))
        .arg("--database")
        .arg(dir.path().join("vip.sqlite"))
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the log while the server runs: a full pipe would stop it.
    let mut stderr = child.stderr.take().unwrap();
    let logged = std::thread::spawn(move || {
        let mut log = String::new();
        stderr.read_to_string(&mut log).map(|_| log)
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    // Keep reading what the server prints, as a terminal would.
    let printed = std::thread::spawn(move || {
        let mut rest = String::new();
        stdout.read_to_string(&mut rest).map(|_| rest)
    });
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap()
        .trim_end_matches('/')
        .to_owned();
    let mut own_origin = reqwest::header::HeaderMap::new();
    own_origin.insert(reqwest::header::ORIGIN, base.parse().unwrap());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(own_origin)
        .build()
        .unwrap();
    for (email, password) in [
        ("participant@example.org", DEMO_PASSWORD),
        ("participant@example.org", "wrong-password"),
        ("nobody@example.org", "wrong-password"),
    ] {
        client
            .post(format!("{base}/api/v1/auth/login"))
            .json(&json!({"email": email, "password": password}))
            .send()
            .await
            .unwrap();
    }
    let participants: Value = client
        .get(format!("{base}/api/v1/participants"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = participants["items"][0]["id"].as_str().unwrap().to_owned();
    client
        .get(format!("{base}/api/v1/participants/{id}/route"))
        .send()
        .await
        .unwrap();

    drop(client);
    std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    child.wait().unwrap();
    let log = logged.join().unwrap().unwrap();
    let printed = printed.join().unwrap().unwrap();

    assert!(
        printed.contains("participant@example.org"),
        "the demo logins are printed for the person at the terminal, not logged"
    );
    assert!(log.contains("/api/v1/auth/login"), "the log was captured");
    assert!(!log.contains('@'), "an email address in the log:\n{log}");
    for name in ["Amal", "Haddad"] {
        assert!(!log.contains(name), "a name in the log:\n{log}");
    }
}
