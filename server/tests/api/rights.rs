//! The participant's rights: the download of everything stored about them.

use chrono::NaiveDate;
use shared::{
    api::{
        CivicIntegrationInput, CompetencesInput, ConsentInput, ConsentPurpose, ErasureInput,
        ErrorKind, EvaluationInput, ExpenseInput, GoalInput, IntroductionInput, OutcomeInput,
        ParticipantExport, paths,
    },
    ids::ParticipantId,
    rules::{
        budget::ExpenseCategory,
        contact::{ContactInput, ContactKind},
        internship::{EvaluationMoment, Evaluator},
        map::IntegrationRoute,
        outcome::OutcomeKind,
    },
};

use crate::{
    client::{Answer, Api, Refused},
    helpers::{
        TestApp, complete_training, internship, organisation_id, participant_id, scalar,
        spawn_app_with, today,
    },
};

/// The text of a note only coaches and coordinators read, on Amal's file.
const COACH_NOTE: &str = "Wil graag in de zorg werken; zorgen over kinderopvang.";

impl Api {
    /// `POST /participants/{id}/erasure`.
    pub async fn erase(&self, participant: &ParticipantId, confirm_name: &str) -> Answer<()> {
        let input = ErasureInput {
            confirm_name: confirm_name.into(),
        };
        self.no_content(
            reqwest::Method::POST,
            &paths::participant_erasure(participant),
            &input,
        )
        .await
    }

    /// `GET /participants/{id}/export`.
    pub async fn export(&self, participant: &ParticipantId) -> Answer<ParticipantExport> {
        self.get(&paths::participant_export(participant)).await
    }
}

/// Amal's file with a record of every kind: attendance, plan and a contact come with the demo;
/// a visit, an internship with an evaluation, a consent, an introduction, a budget request and
/// an outcome are added here. Yonas, another participant of the same coach, gets a goal and a
/// contact of his own.
async fn full_file(app: &TestApp) -> ParticipantId {
    let coach = app.signed_in("coach@example.org").await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let me = app.signed_in("participant@example.org").await;
    let amal = participant_id(app, "Amal").await;
    let yonas = participant_id(app, "Yonas").await;
    let bakery = organisation_id(app, "Bakkerij De Korenbloem").await;

    let visit: shared::ids::OpeningId = crate::helpers::id_of(
        app,
        "SELECT id FROM openings WHERE title = $1",
        "Kijkje in de bakkerij",
    )
    .await;
    coach.register(&visit, &amal).await.unwrap();
    complete_training(app, &amal).await;
    let planned = coach
        .plan_internship(&amal, &internship(&bakery, today(), 56, 24))
        .await
        .unwrap();
    coach
        .evaluate(
            &planned.id,
            &EvaluationInput {
                moment: EvaluationMoment::Midterm,
                evaluator: Evaluator::Coach,
                punctuality: Some(4),
                cooperation: Some(4),
                dutch_at_work: Some(3),
                professional_skills: Some(4),
                remarks: "Leert snel.".into(),
            },
        )
        .await
        .unwrap();
    me.set_consent(
        &amal,
        &ConsentInput {
            purpose: ConsentPurpose::IntroductionProfile,
            organisation_id: Some(bakery.clone()),
            municipality_id: None,
            given: true,
        },
    )
    .await
    .unwrap();
    coach
        .propose_introduction(
            &amal,
            &IntroductionInput {
                organisation_id: Some(bakery.clone()),
                opening_id: None,
                motivation: "Amal bakt graag en leert snel.".into(),
            },
        )
        .await
        .unwrap();
    coach
        .request_expense(
            &amal,
            &ExpenseInput {
                category: Some(ExpenseCategory::Course),
                amount_cents: Some(12_500),
                description: "Cursus Nederlands op de werkvloer".into(),
            },
        )
        .await
        .unwrap();
    coordinator
        .record_outcome(
            &amal,
            &OutcomeInput {
                kind: Some(OutcomeKind::Education),
                date: Some(today()),
                hours_per_week: None,
                contract: None,
                reason: String::new(),
                ladder_rung: Some(4),
            },
        )
        .await
        .unwrap();
    // Her competences and the facts of her civic integration.
    coach
        .put_competences(
            &amal,
            &CompetencesInput {
                education_field: "Voedingsleer in Damascus".into(),
                skills: vec!["taarten versieren".into()],
                postcode_area: "3511".into(),
                ..CompetencesInput::default()
            },
        )
        .await
        .unwrap();
    let civic = coach.civic_integration(&amal).await.unwrap();
    coach
        .update_civic_integration(
            &amal,
            &CivicIntegrationInput {
                route: Some(IntegrationRoute::B1),
                date_of_birth: NaiveDate::from_ymd_opt(1990, 4, 17),
                coach_remarks: "Werkt nauwkeurig en vraagt door.".into(),
                version: Some(civic.version),
            },
        )
        .await
        .unwrap();

    coach
        .create_goal(
            &yonas,
            &GoalInput {
                title: "Rijbewijs halen voor de bezorging".into(),
                target_date: None,
                status: None,
            },
        )
        .await
        .unwrap();
    coach
        .log_contact(
            &yonas,
            &ContactInput {
                date: Some(today()),
                kind: Some(ContactKind::Call),
                minutes: Some(20),
                note: "Yonas slaapt slecht sinds de verhuizing.".into(),
                summary: "Gebeld over de bezorging.".into(),
            },
        )
        .await
        .unwrap();
    amal
}

#[tokio::test]
async fn a_participant_downloads_every_kind_of_record_and_nothing_of_anyone_else() {
    let app = spawn_app_with(true).await;
    let amal = full_file(&app).await;
    let me = app.signed_in("participant@example.org").await;

    let text = me.text(&paths::participant_export(&amal)).await;
    let export: ParticipantExport = serde_json::from_str(&text).unwrap();
    assert_eq!(export.profile.id, amal);
    assert_eq!(export.profile.first_name, "Amal");
    assert_eq!(
        export.attendance.len(),
        6,
        "three meetings held, three more"
    );
    assert_eq!(export.plan[0].title, "Stage in de zorg vinden");
    assert_eq!(export.plan[0].actions.len(), 2);
    assert_eq!(export.contacts.len(), 1);
    assert_eq!(export.visits[0].title, "Kijkje in de bakkerij");
    assert_eq!(export.internships.len(), 1);
    assert_eq!(export.internships[0].evaluations.len(), 1);
    assert_eq!(export.introductions.len(), 1);
    assert_eq!(export.consents.len(), 1);
    assert_eq!(export.consent_history.len(), 1);
    assert_eq!(export.budget.expenses.len(), 1);
    assert_eq!(export.outcomes.len(), 1);
    assert_eq!(export.competences.skills.len(), 1);
    assert_eq!(
        export.civic_integration.date_of_birth,
        NaiveDate::from_ymd_opt(1990, 4, 17)
    );
    assert!(!export.includes_coach_notes);
    assert_eq!(export.contacts[0].coach_only_note, None);
    assert!(
        !text.contains(COACH_NOTE),
        "no coach's note for the participant"
    );

    // Nothing of anyone else: no other participant's id, name or email, none of Yonas's records.
    let others: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT id, first_name, last_name, email FROM participants WHERE id <> $1")
            .bind(&amal)
            .fetch_all(&app.db)
            .await
            .unwrap();
    assert_eq!(others.len(), 11);
    for (id, first, last, email) in &others {
        for value in [id, first, last, email] {
            assert!(!text.contains(value.as_str()), "{value} is someone else's");
        }
    }
    for theirs in [
        "Rijbewijs halen",
        "slaapt slecht",
        "Gebeld over de bezorging",
    ] {
        assert!(!text.contains(theirs), "{theirs} is Yonas's");
    }

    // Audited, with ids only.
    let audited = scalar(
        &app,
        "SELECT record_id FROM audit_log WHERE action = 'participant.export'",
    )
    .await;
    assert_eq!(audited, amal.to_string());
}

#[tokio::test]
async fn a_coordinator_gets_the_coaches_notes_labelled_and_others_get_nothing() {
    let app = spawn_app_with(true).await;
    let amal = full_file(&app).await;

    let coordinator = app.signed_in("coordinator@example.org").await;
    let export = coordinator.export(&amal).await.unwrap();
    assert!(export.includes_coach_notes);
    assert_eq!(
        export.contacts[0].coach_only_note.as_deref(),
        Some(COACH_NOTE)
    );

    app.signed_in("coordinator.rotterdam@example.org")
        .await
        .export(&amal)
        .await
        .refused(ErrorKind::NotFound);
    app.signed_in("coach@example.org")
        .await
        .export(&amal)
        .await
        .refused(ErrorKind::Forbidden);
    let yonas = participant_id(&app, "Yonas").await;
    app.signed_in("participant@example.org")
        .await
        .export(&yonas)
        .await
        .refused(ErrorKind::NotFound);
}

/// The figures reports count, as one line: participants per municipality, attendance,
/// registrations, internships, evaluations, budget requests and their sum, consents,
/// introductions, outcomes.
async fn figures(app: &TestApp) -> String {
    scalar(
        app,
        "SELECT (SELECT group_concat(n) FROM (SELECT COUNT(*) AS n FROM participants \
                 GROUP BY municipality_id ORDER BY municipality_id)) \
             || ',' || (SELECT COUNT(*) FROM attendance WHERE status IN ('present', 'made_up')) \
             || ',' || (SELECT COUNT(*) FROM registrations) \
             || ',' || (SELECT COUNT(*) FROM internships) \
             || ',' || (SELECT COUNT(*) FROM evaluations) \
             || ',' || (SELECT COUNT(*) || ':' || SUM(amount_cents) FROM expenses) \
             || ',' || (SELECT COUNT(*) FROM consents WHERE given = 1) \
             || ',' || (SELECT COUNT(*) FROM introductions) \
             || ',' || (SELECT group_concat(kind) FROM outcomes)",
    )
    .await
}

/// Whether the database's files (the file and its write-ahead log) hold `text` anywhere.
fn stored_anywhere(app: &TestApp, text: &str) -> bool {
    let path = crate::helpers::database_path(&app.dir);
    let mut wal = path.clone().into_os_string();
    wal.push("-wal");
    [path, wal.into()].iter().any(|file| {
        std::fs::read(file)
            .map(|bytes| bytes.windows(text.len()).any(|w| w == text.as_bytes()))
            .unwrap_or(false)
    })
}

#[tokio::test]
async fn an_erased_participant_is_nowhere_and_the_figures_stay() {
    let app = spawn_app_with(true).await;
    let amal = full_file(&app).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let personal = [
        "Haddad",
        "amal.haddad@example.org",
        "participant@example.org",
        "kinderopvang",
        "Amal bakt graag",
        "Voedingsleer in Damascus",
        "taarten versieren",
        "1990-04-17",
        "Werkt nauwkeurig en vraagt door.",
    ];
    for text in personal {
        assert!(stored_anywhere(&app, text), "{text} is stored before");
    }
    let before = figures(&app).await;

    coordinator.erase(&amal, "Amal Hadad").await.refused_with(
        ErrorKind::Validation,
        "confirm_name",
        "confirmation_mismatch",
    );
    assert_eq!(
        coordinator.participant(&amal).await.unwrap().last_name,
        "Haddad"
    );
    app.signed_in("coach@example.org")
        .await
        .erase(&amal, "Amal Haddad")
        .await
        .refused(ErrorKind::Forbidden);

    coordinator.erase(&amal, " Amal Haddad ").await.unwrap();

    assert_eq!(figures(&app).await, before, "the figures do not change");
    let profile = coordinator.participant(&amal).await.unwrap();
    assert_eq!(profile.first_name, "Gewist");
    assert_eq!(profile.phone, None);
    let everything = [
        coordinator.text(paths::PARTICIPANTS).await,
        coordinator.text(&paths::participant_export(&amal)).await,
        coordinator.text(&paths::participant_history(&amal)).await,
        coordinator.text(paths::USERS).await,
    ]
    .join("\n");
    for text in personal.iter().chain(&["Amal"]) {
        assert!(!everything.contains(text), "{text} is still answered");
    }
    let login = app
        .post_json(
            &app.browser(),
            "/api/v1/auth/login",
            &serde_json::json!({
                "email": "participant@example.org",
                "password": crate::helpers::DEMO_PASSWORD
            }),
        )
        .await;
    assert_eq!(login.status(), reqwest::StatusCode::UNAUTHORIZED);
    for text in personal {
        assert!(
            !stored_anywhere(&app, text),
            "{text} is still in the database file"
        );
    }
    let audited = scalar(
        &app,
        "SELECT record_id FROM audit_log WHERE action = 'participant.erase'",
    )
    .await;
    assert_eq!(audited, amal.to_string());

    // No account is made for her again.
    let refused = coordinator
        .invite(&shared::api::InvitationInput {
            email: "amal.opnieuw@example.org".into(),
            role: shared::roles::Role::Participant,
            participant_id: Some(amal.clone()),
            organisation_id: None,
            municipality_id: None,
        })
        .await
        .unwrap_err();
    assert!(refused.status.is_client_error(), "{refused}");
    let accounts = scalar(
        &app,
        "SELECT CAST(COUNT(*) AS TEXT) FROM users WHERE email = 'amal.opnieuw@example.org'",
    )
    .await;
    assert_eq!(accounts, "0");
}

/// `vip-server --database <the test's> retention [--dry-run]`, as the command line gives it.
async fn retention(app: &TestApp, dry_run: bool) -> Vec<String> {
    use clap::Parser;
    let database = crate::helpers::database_path(&app.dir);
    let mut args = vec![
        "vip-server".to_owned(),
        "--database".to_owned(),
        database.display().to_string(),
        "retention".to_owned(),
    ];
    if dry_run {
        args.push("--dry-run".to_owned());
    }
    let config = server::Config::parse_from(args);
    let Some(server::Command::Retention { dry_run: parsed }) = config.command else {
        panic!("the retention command");
    };
    assert_eq!(parsed, dry_run);
    server::retention(&config, dry_run).await.unwrap()
}

#[tokio::test]
async fn retention_erases_after_the_set_months_and_a_dry_run_changes_nothing() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let yonas = participant_id(&app, "Yonas").await;
    // The command runs on the machine's clock.
    let today = chrono::Utc::now().date_naive();
    for (who, months) in [(&amal, 25), (&yonas, 23)] {
        let follow_up = today - chrono::Months::new(months);
        sqlx::query(
            "INSERT INTO outcomes (id, participant_id, kind, date, follow_up_date, \
             follow_up_lasted, follow_up_rung, created_at) \
             VALUES ($1, $2, 'education', $3, $4, 1, 4, $4)",
        )
        .bind(format!("retention{months}"))
        .bind(who)
        .bind((follow_up - chrono::Months::new(6)).to_string())
        .bind(follow_up.to_string())
        .execute(&app.db)
        .await
        .unwrap();
    }

    let lines = retention(&app, true).await;
    assert_eq!(
        lines,
        [
            "1 participants due for erasure (dry run: nothing changed)".to_owned(),
            amal.to_string()
        ]
    );
    let coordinator = app.signed_in("coordinator@example.org").await;
    assert_eq!(
        coordinator.participant(&amal).await.unwrap().last_name,
        "Haddad"
    );

    let lines = retention(&app, false).await;
    assert_eq!(
        lines,
        ["1 participants erased".to_owned(), amal.to_string()]
    );
    assert_eq!(
        coordinator.participant(&amal).await.unwrap().last_name,
        "Gewist"
    );
    assert_eq!(
        coordinator.participant(&yonas).await.unwrap().last_name,
        "Tesfay"
    );
    assert!(!stored_anywhere(&app, "Haddad"));
    let audited = scalar(
        &app,
        "SELECT record_id || ':' || COALESCE(actor_user_id, 'system') FROM audit_log \
         WHERE action = 'participant.erase_retention'",
    )
    .await;
    assert_eq!(audited, format!("{amal}:system"));
    assert_eq!(
        retention(&app, true).await[0],
        "0 participants due for erasure (dry run: nothing changed)"
    );
}
