//! What a review of the server as an outsider found, each as a test: accounts of another region,
//! what a company reads of an intern, refusal before lookup, disabling and enabling, headers and
//! storage.

use reqwest::StatusCode;
use serde_json::json;
use shared::{
    api::{
        ActionPatch, CohortInput, ErrorKind, EvaluationInput, ExpenseDecisionInput, FollowUpInput,
        FollowUpPatch, GoalInput, GoalPatch, InternshipDetail, InvitationInput,
    },
    ids::{ActionId, ExpenseId, GoalId, InternshipId, MunicipalityId, OutcomeId, UserId},
    roles::Role,
    rules::{
        budget::ExpenseDecision,
        internship::{EvaluationMoment, Evaluator},
        plan::GoalStatus,
    },
};

use crate::{
    client::Refused,
    helpers::{
        TestApp, complete_training, internship, municipality_id, organisation_id, participant_id,
        scalar, spawn_app_with, today, user_id,
    },
};

/// A number straight from the test's database.
async fn number(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn invitation(email: &str, role: Role, municipality: &MunicipalityId) -> InvitationInput {
    InvitationInput {
        email: email.into(),
        role,
        participant_id: None,
        organisation_id: None,
        municipality_id: Some(municipality.clone()),
    }
}

#[tokio::test]
async fn a_coordinator_of_another_region_cannot_take_over_an_invited_account() {
    let app = spawn_app_with(true).await;
    let rotterdam = municipality_id(&app, "GM0599").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let kees = app.signed_in("coordinator.rotterdam@example.org").await;
    let sanne = app.signed_in("coordinator@example.org").await;
    kees.invite(&invitation("x@example.net", Role::Coordinator, &rotterdam))
        .await
        .unwrap();

    let refused = sanne
        .invite(&invitation("x@example.net", Role::Coach, &utrecht))
        .await;

    refused.refused(ErrorKind::NotFound);
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
    let utrecht = municipality_id(&app, "GM0344").await;
    let sanne = app.signed_in("coordinator@example.org").await;
    let as_viewer = invitation("new@example.net", Role::MunicipalityViewer, &utrecht);
    sanne.invite(&as_viewer).await.unwrap();

    let refused = sanne
        .invite(&invitation("new@example.net", Role::Coordinator, &utrecht))
        .await;
    let again = sanne.invite(&as_viewer).await;

    let refused = refused.refused(ErrorKind::Conflict);
    assert_eq!(refused.violations()[0].1, "already_registered");
    assert_eq!(
        scalar(
            &app,
            "SELECT role FROM users WHERE email = 'new@example.net'"
        )
        .await,
        "municipality_viewer"
    );
    assert!(
        again.is_ok(),
        "the same invitation may be sent again: {again:?}"
    );
}

/// Amal with her training complete and an internship at the bakery, evaluated at midterm by
/// the coach and by the supervisor.
async fn evaluated_internship(app: &TestApp) -> InternshipId {
    let amal = participant_id(app, "Amal").await;
    complete_training(app, &amal).await;
    let bakery = organisation_id(app, "Bakkerij De Korenbloem").await;
    let coach = app.signed_in("coach@example.org").await;
    let start = today() + chrono::Days::new(7);
    let created = coach
        .plan_internship(&amal, &internship(&bakery, start, 56, 24))
        .await
        .unwrap();
    let company = app.signed_in("company@example.org").await;
    for (who, evaluator) in [
        (&coach, Evaluator::Coach),
        (&company, Evaluator::Supervisor),
    ] {
        let input = EvaluationInput {
            moment: EvaluationMoment::Midterm,
            evaluator,
            punctuality: Some(4),
            cooperation: Some(3),
            dutch_at_work: Some(2),
            professional_skills: Some(3),
            remarks: "Goed bezig.".into(),
        };
        who.evaluate(&created.id, &input).await.unwrap();
    }
    created.id
}

#[tokio::test]
async fn a_company_reads_its_own_evaluation_of_an_intern_never_the_coachs() {
    let app = spawn_app_with(true).await;
    let id = evaluated_internship(&app).await;
    let company = app.signed_in("company@example.org").await;
    let coach = app.signed_in("coach@example.org").await;

    let for_company = company.internship(&id).await.unwrap();
    let for_coach = coach.internship(&id).await.unwrap();

    let evaluators = |detail: &InternshipDetail| {
        detail
            .evaluations
            .iter()
            .map(|e| e.evaluator)
            .collect::<Vec<_>>()
    };
    assert_eq!(evaluators(&for_company), [Evaluator::Supervisor]);
    assert_eq!(evaluators(&for_coach).len(), 2);
    assert_eq!(for_company.supervisor_name, "Henk de Bakker");
}

#[tokio::test]
async fn a_role_without_the_right_gets_403_whether_or_not_the_record_exists() {
    let app = spawn_app_with(true).await;
    let viewer = app.signed_in("municipality@example.org").await;
    let goal: GoalId = scalar(&app, "SELECT id FROM goals LIMIT 1")
        .await
        .parse()
        .unwrap();
    let action: ActionId = scalar(&app, "SELECT id FROM actions LIMIT 1")
        .await
        .parse()
        .unwrap();
    let missing = "doesnotexist";
    let goal_patch = GoalPatch::whole(
        GoalInput {
            title: "x".into(),
            target_date: None,
            status: Some(GoalStatus::Open),
        },
        1,
    );
    let tick = ActionPatch {
        done: Some(true),
        text: None,
        due_date: None,
        owner: None,
        version: 1,
    };
    let follow_up = FollowUpPatch {
        follow_up: FollowUpInput {
            date: Some(today()),
            lasted: Some(true),
            ladder_rung: Some(3),
        },
        version: 1,
    };
    let decision = ExpenseDecisionInput {
        decision: ExpenseDecision::Approve,
        version: 1,
    };

    let mut refusals = Vec::new();
    for goal in [goal, missing.parse().unwrap()] {
        refusals.push((
            goal.to_string(),
            viewer.update_goal(&goal, &goal_patch).await.err(),
        ));
    }
    for action in [action, missing.parse().unwrap()] {
        refusals.push((
            action.to_string(),
            viewer.update_action(&action, &tick).await.err(),
        ));
    }
    let expense: ExpenseId = missing.parse().unwrap();
    refusals.push((
        "expense".into(),
        viewer.decide_expense(&expense, &decision).await.err(),
    ));
    let outcome: OutcomeId = missing.parse().unwrap();
    refusals.push((
        "outcome".into(),
        viewer.follow_up(&outcome, &follow_up).await.err(),
    ));

    for (record, refusal) in refusals {
        let status = refusal.map(|r| r.status);
        assert_eq!(status, Some(StatusCode::FORBIDDEN), "{record}");
    }
}

async fn version_of(app: &TestApp, id: &UserId) -> i64 {
    number(app, &format!("SELECT version FROM users WHERE id = '{id}'")).await
}

#[tokio::test]
async fn a_coordinator_disables_neither_themselves_nor_a_peer_who_serves_elsewhere() {
    let app = spawn_app_with(true).await;
    let sanne = app.signed_in("coordinator@example.org").await;
    let me = user_id(&app, "coordinator@example.org").await;
    let kees = user_id(&app, "coordinator.rotterdam@example.org").await;
    // Kees serves Rotterdam and, from now on, Utrecht too.
    let utrecht = municipality_id(&app, "GM0344").await;
    sqlx::query("INSERT INTO user_municipalities (user_id, municipality_id) VALUES ($1, $2)")
        .bind(&kees)
        .bind(&utrecht)
        .execute(&app.db)
        .await
        .unwrap();

    let myself = sanne.disable_user(&me, version_of(&app, &me).await).await;
    let peer = sanne
        .disable_user(&kees, version_of(&app, &kees).await)
        .await;

    myself.refused(ErrorKind::Validation);
    peer.refused(ErrorKind::NotFound);
    let disabled = number(&app, "SELECT COUNT(*) FROM users WHERE disabled = 1").await;
    assert_eq!(disabled, 0);
}

#[tokio::test]
async fn a_disabled_account_is_enabled_again_and_signs_in() {
    let app = spawn_app_with(true).await;
    let sanne = app.signed_in("coordinator@example.org").await;
    let coach = user_id(&app, "coach@example.org").await;
    sanne
        .disable_user(&coach, version_of(&app, &coach).await)
        .await
        .unwrap();
    let refused = app
        .post_json(
            &app.browser(),
            "/api/v1/auth/login",
            &json!({"email": "coach@example.org", "password": crate::helpers::DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);

    let enabled = sanne
        .enable_user(&coach, version_of(&app, &coach).await)
        .await
        .unwrap();

    assert!(!enabled.disabled);
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
    let sanne = app.signed_in("coordinator@example.org").await;
    let rotterdam = municipality_id(&app, "GM0599").await;
    let outsider = participant_id(&app, "Mehari").await;

    let cohort = sanne
        .create_cohort(&CohortInput {
            municipality_id: Some(rotterdam.clone()),
            name: "Najaar".into(),
            location: "Zuid".into(),
        })
        .await;
    let invite = sanne
        .invite(&InvitationInput {
            email: "m@example.net".into(),
            role: Role::Participant,
            participant_id: Some(outsider.clone()),
            organisation_id: None,
            municipality_id: None,
        })
        .await;

    cohort.refused(ErrorKind::Validation);
    let invite = invite.refused(ErrorKind::Validation);
    assert_eq!(invite.violations()[0].1, "unknown_record");
    for record in [rotterdam.as_str(), outsider.as_str()] {
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
