//! What a review of the server as an outsider found, each as a test: accounts of another region,
//! what a company reads of an intern, refusal before lookup, disabling and enabling, headers and
//! storage.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, call, participant, scalar, spawn_app_with, today};

async fn municipality(app: &TestApp, code: &str) -> String {
    scalar(
        app,
        &format!("SELECT id FROM municipalities WHERE cbs_code = '{code}'"),
    )
    .await
}

/// A number straight from the test's database.
async fn number(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn invitation(email: &str, role: &str, municipality: &str) -> Value {
    json!({"email": email, "role": role, "municipality_id": municipality,
           "participant_id": null, "organisation_id": null})
}

#[tokio::test]
async fn a_coordinator_of_another_region_cannot_take_over_an_invited_account() {
    let app = spawn_app_with(true).await;
    let rotterdam = municipality(&app, "GM0599").await;
    let utrecht = municipality(&app, "GM0344").await;
    let kees = app.demo("coordinator.rotterdam@example.org").await;
    let sanne = app.demo("coordinator@example.org").await;
    let (status, first) = call(
        &app,
        &kees,
        Method::POST,
        "/invitations",
        Some(invitation("x@example.net", "coordinator", &rotterdam)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{first}");

    let (status, body) = call(
        &app,
        &sanne,
        Method::POST,
        "/invitations",
        Some(invitation("x@example.net", "coach", &utrecht)),
    )
    .await;

    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["error"], "not_found");
    let links = number(
        &app,
        "SELECT COUNT(*) FROM invitations i JOIN users u ON u.id = i.user_id \
         WHERE u.email = 'x@example.net'",
    )
    .await;
    assert_eq!(links, 1, "the real invitee's link still works");
    let role = scalar(&app, "SELECT role FROM users WHERE email = 'x@example.net'").await;
    assert_eq!(role, "coordinator");
    let refused = number(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'access.outside_scope' AND record_type = 'user'",
    )
    .await;
    assert_eq!(refused, 1, "the refusal is audited");
}

#[tokio::test]
async fn an_invitation_never_changes_the_role_of_an_invited_account() {
    let app = spawn_app_with(true).await;
    let utrecht = municipality(&app, "GM0344").await;
    let sanne = app.demo("coordinator@example.org").await;
    let (status, _) = call(
        &app,
        &sanne,
        Method::POST,
        "/invitations",
        Some(invitation(
            "new@example.net",
            "municipality_viewer",
            &utrecht,
        )),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);

    let (status, body) = call(
        &app,
        &sanne,
        Method::POST,
        "/invitations",
        Some(invitation("new@example.net", "coordinator", &utrecht)),
    )
    .await;
    let (again, _) = call(
        &app,
        &sanne,
        Method::POST,
        "/invitations",
        Some(invitation(
            "new@example.net",
            "municipality_viewer",
            &utrecht,
        )),
    )
    .await;

    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["violations"][0]["code"], "already_registered");
    assert_eq!(
        scalar(
            &app,
            "SELECT role FROM users WHERE email = 'new@example.net'"
        )
        .await,
        "municipality_viewer"
    );
    assert_eq!(
        again,
        StatusCode::CREATED,
        "the same invitation may be sent again"
    );
}

/// Amal with her training complete and an internship at the bakery, evaluated at midterm by
/// the coach and by the supervisor.
async fn evaluated_internship(app: &TestApp) -> String {
    let amal = participant(app, "Amal").await;
    crate::helpers::complete_training(app, &amal).await;
    let bakery = scalar(
        app,
        "SELECT id FROM organisations WHERE name = 'Bakkerij De Korenbloem'",
    )
    .await;
    let coach = app.demo("coach@example.org").await;
    let start = today() + chrono::Days::new(7);
    let (status, created) = call(
        app,
        &coach,
        Method::POST,
        &format!("/participants/{amal}/internships"),
        Some(crate::helpers::internship(&bakery, start, 56, 24)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_owned();
    let company = app.demo("company@example.org").await;
    for (who, evaluator) in [(&coach, "coach"), (&company, "supervisor")] {
        let (status, body) = call(app, who, Method::POST, &format!("/internships/{id}/evaluations"),
            Some(json!({"moment": "midterm", "evaluator": evaluator, "punctuality": 4, "cooperation": 3,
                        "dutch_at_work": 2, "professional_skills": 3, "remarks": "Goed bezig."}))).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    id
}

#[tokio::test]
async fn a_company_reads_its_own_evaluation_of_an_intern_never_the_coachs() {
    let app = spawn_app_with(true).await;
    let id = evaluated_internship(&app).await;
    let company = app.demo("company@example.org").await;
    let coach = app.demo("coach@example.org").await;

    let (_, for_company) = call(
        &app,
        &company,
        Method::GET,
        &format!("/internships/{id}"),
        None,
    )
    .await;
    let (_, for_coach) = call(
        &app,
        &coach,
        Method::GET,
        &format!("/internships/{id}"),
        None,
    )
    .await;

    let evaluators = |detail: &Value| {
        detail["evaluations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["evaluator"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(evaluators(&for_company), ["supervisor"]);
    assert_eq!(evaluators(&for_coach).len(), 2);
    assert_eq!(for_company["supervisor_name"], "Henk de Bakker");
}

#[tokio::test]
async fn a_role_without_the_right_gets_403_whether_or_not_the_record_exists() {
    let app = spawn_app_with(true).await;
    let viewer = app.demo("municipality@example.org").await;
    let goal = scalar(&app, "SELECT id FROM goals LIMIT 1").await;
    let action = scalar(&app, "SELECT id FROM actions LIMIT 1").await;

    for (path, body) in [
        (
            format!("/goals/{goal}"),
            json!({"title": "x", "target_date": null, "status": "open", "version": 1}),
        ),
        (
            "/goals/doesnotexist".to_owned(),
            json!({"title": "x", "target_date": null, "status": "open", "version": 1}),
        ),
        (
            format!("/actions/{action}"),
            json!({"done": true, "version": 1}),
        ),
        (
            "/actions/doesnotexist".to_owned(),
            json!({"done": true, "version": 1}),
        ),
    ] {
        let (status, answer) = call(&app, &viewer, Method::PATCH, &path, Some(body)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {answer}");
    }
    for path in [
        "/expenses/doesnotexist/decision",
        "/outcomes/doesnotexist/follow-up",
    ] {
        let (status, _) = call(
            &app,
            &viewer,
            Method::POST,
            path,
            Some(json!({"decision": "approve", "version": 1})),
        )
        .await;
        assert!(
            status == StatusCode::FORBIDDEN || status == StatusCode::UNPROCESSABLE_ENTITY,
            "{path}: {status}"
        );
        assert_ne!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

async fn user_id(app: &TestApp, email: &str) -> String {
    scalar(
        app,
        &format!("SELECT id FROM users WHERE email = '{email}'"),
    )
    .await
}

async fn version_of(app: &TestApp, id: &str) -> i64 {
    number(app, &format!("SELECT version FROM users WHERE id = '{id}'")).await
}

#[tokio::test]
async fn a_coordinator_disables_neither_themselves_nor_a_peer_who_serves_elsewhere() {
    let app = spawn_app_with(true).await;
    let sanne = app.demo("coordinator@example.org").await;
    let me = user_id(&app, "coordinator@example.org").await;
    let kees = user_id(&app, "coordinator.rotterdam@example.org").await;
    // Kees serves Rotterdam and, from now on, Utrecht too.
    let utrecht = municipality(&app, "GM0344").await;
    sqlx::query("INSERT INTO user_municipalities (user_id, municipality_id) VALUES ($1, $2)")
        .bind(&kees)
        .bind(&utrecht)
        .execute(&app.db)
        .await
        .unwrap();

    let (self_status, self_body) = call(
        &app,
        &sanne,
        Method::POST,
        &format!("/users/{me}/disable"),
        Some(json!({"version": version_of(&app, &me).await})),
    )
    .await;
    let (peer_status, _) = call(
        &app,
        &sanne,
        Method::POST,
        &format!("/users/{kees}/disable"),
        Some(json!({"version": version_of(&app, &kees).await})),
    )
    .await;

    assert_eq!(self_status, StatusCode::UNPROCESSABLE_ENTITY, "{self_body}");
    assert_eq!(peer_status, StatusCode::NOT_FOUND);
    let disabled = number(&app, "SELECT COUNT(*) FROM users WHERE disabled = 1").await;
    assert_eq!(disabled, 0);
}

#[tokio::test]
async fn a_disabled_account_is_enabled_again_and_signs_in() {
    let app = spawn_app_with(true).await;
    let sanne = app.demo("coordinator@example.org").await;
    let coach = user_id(&app, "coach@example.org").await;
    let (status, _) = call(
        &app,
        &sanne,
        Method::POST,
        &format!("/users/{coach}/disable"),
        Some(json!({"version": version_of(&app, &coach).await})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let refused = app
        .post_json(
            &app.browser(),
            "/api/v1/auth/login",
            &json!({"email": "coach@example.org", "password": crate::helpers::DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);

    let (status, body) = call(
        &app,
        &sanne,
        Method::POST,
        &format!("/users/{coach}/enable"),
        Some(json!({"version": version_of(&app, &coach).await})),
    )
    .await;

    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["disabled"], false);
    app.demo("coach@example.org").await;
    let audited = number(
        &app,
        &format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'user.enable' AND record_id = '{coach}'"
        ),
    )
    .await;
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn every_response_isolates_the_page_and_asks_for_no_device_features() {
    let app = spawn_app_with(false).await;

    for path in ["/api/v1/health", "/", "/participants"] {
        let response = app.get(path).await;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned()
        };
        assert_eq!(
            header("cross-origin-opener-policy"),
            "same-origin",
            "{path}"
        );
        assert_eq!(
            header("cross-origin-resource-policy"),
            "same-origin",
            "{path}"
        );
        assert!(header("permissions-policy").contains("camera=()"), "{path}");
        assert!(
            header("permissions-policy").contains("geolocation=()"),
            "{path}"
        );
    }
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_and_its_folder_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let app = spawn_app_with(false).await;
    let path = crate::helpers::database_path(&app.dir);

    let file = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    let folder = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;

    assert_eq!(file, 0o600, "{file:o}");
    assert_eq!(folder, 0o700, "{folder:o}");
}

#[tokio::test]
async fn demo_data_is_never_added_to_a_database_with_real_data() {
    let app = spawn_app_with(false).await;
    sqlx::query(
        "INSERT INTO municipalities (id, cbs_code, name, version) VALUES ('m1', 'GM0307', 'Amersfoort', 1)",
    )
    .execute(&app.db)
    .await
    .unwrap();
    let dir = app.stop().await;
    let config = server::Config {
        bind: "127.0.0.1:0".parse().unwrap(),
        database: crate::helpers::database_path(&dir),
        site: dir.path().join("site"),
        demo: true,
        public_url: None,
        behind_tls: false,
        trusted_proxies: Vec::new(),
        time_zone: server::clock::DEFAULT_ZONE,
        fixed_now: Some(crate::helpers::now()),
        limits: server::overload::Limits::default(),
        command: None,
    };

    let started = server::build(config).await;

    let error = started.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(error.contains("--demo refuses"), "{error}");
}

#[tokio::test]
async fn session_ids_are_stored_hashed() {
    let app = spawn_app_with(true).await;
    let response = app
        .post_json(
            &app.client,
            "/api/v1/auth/login",
            &json!({"email": "coach@example.org", "password": crate::helpers::DEMO_PASSWORD}),
        )
        .await;
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap()
        .to_owned();
    let token = cookie
        .split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(_, v)| v.to_owned())
        .unwrap();

    let stored = scalar(&app, "SELECT id FROM sessions").await;

    assert!(!token.is_empty());
    assert_ne!(stored, token);
    assert!(!stored.contains(&token), "the cookie's token is not stored");
    assert_eq!(stored.len(), 64, "a SHA-256");
}

async fn login_from(app: &TestApp, forwarded_for: &str, password: &str) -> StatusCode {
    app.client
        .post(app.url("/api/v1/auth/login"))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({"email": "coach@example.org", "password": password}))
        .send()
        .await
        .expect("the server answers")
        .status()
}

#[tokio::test]
async fn behind_a_named_proxy_one_client_s_typos_lock_out_that_client_only() {
    let proxy: std::net::IpAddr = "127.0.0.1".parse().unwrap();
    let app = crate::helpers::spawn_app_configured(tempfile::tempdir().unwrap(), true, |c| {
        c.trusted_proxies = vec![proxy];
    })
    .await;
    // Twenty typos of a few accounts from one client, as the proxy forwards them.
    for i in 0..25 {
        app.client
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-for", "198.51.100.1, 203.0.113.7")
            .json(&json!({"email": format!("nobody{i}@example.org"), "password": "wrong-password"}))
            .send()
            .await
            .expect("the server answers");
    }

    let typist = login_from(&app, "203.0.113.7", crate::helpers::DEMO_PASSWORD).await;
    let someone_else = login_from(&app, "203.0.113.8", crate::helpers::DEMO_PASSWORD).await;

    assert_eq!(typist, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        someone_else,
        StatusCode::OK,
        "other people behind the proxy still sign in"
    );
    let recorded = scalar(
        &app,
        "SELECT address FROM audit_log WHERE action = 'login' AND outcome = 'success'",
    )
    .await;
    assert_eq!(
        recorded, "203.0.113.8",
        "the audit log records the client, not the proxy"
    );
}

#[tokio::test]
async fn without_a_named_proxy_a_forwarded_for_header_changes_nothing() {
    let app = spawn_app_with(true).await;

    let status = login_from(&app, "203.0.113.8", crate::helpers::DEMO_PASSWORD).await;

    assert_eq!(status, StatusCode::OK);
    let recorded = scalar(
        &app,
        "SELECT address FROM audit_log WHERE action = 'login' AND outcome = 'success'",
    )
    .await;
    assert_eq!(recorded, "127.0.0.1");
}

#[tokio::test]
async fn naming_a_record_of_another_region_is_refused_like_a_missing_one_and_audited() {
    let app = spawn_app_with(true).await;
    let sanne = app.demo("coordinator@example.org").await;
    let rotterdam = municipality(&app, "GM0599").await;
    let outsider = participant(&app, "Mehari").await;

    let (cohort, _) = call(
        &app,
        &sanne,
        Method::POST,
        "/cohorts",
        Some(json!({"municipality_id": rotterdam, "name": "Najaar", "location": "Zuid"})),
    )
    .await;
    let (invite, body) = call(
        &app,
        &sanne,
        Method::POST,
        "/invitations",
        Some(
            json!({"email": "m@example.net", "role": "participant", "participant_id": outsider,
                    "municipality_id": null, "organisation_id": null}),
        ),
    )
    .await;

    assert_eq!(cohort, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(invite, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["violations"][0]["code"], "unknown_record");
    for record in [&rotterdam, &outsider] {
        let audited = number(
            &app,
            &format!(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'access.outside_scope' \
                 AND record_id = '{record}'"
            ),
        )
        .await;
        assert_eq!(audited, 1, "{record}");
    }
}

#[tokio::test]
async fn logins_the_limit_turns_away_add_one_audit_row_per_window() {
    let app = spawn_app_with(true).await;
    let mut statuses = Vec::new();
    for _ in 0..30 {
        let response = app
            .post_json(
                &app.client,
                "/api/v1/auth/login",
                &json!({"email": "coach@example.org", "password": "wrong-password"}),
            )
            .await;
        statuses.push(response.status());
    }

    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::UNAUTHORIZED)
            .count(),
        5
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count(),
        25
    );
    let limited = number(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'login.limited'",
    )
    .await;
    assert_eq!(limited, 1);
}
