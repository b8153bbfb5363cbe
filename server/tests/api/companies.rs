//! Organisations and openings, company visits, internships, the training budget and warm
//! introductions: success, each validation and conflict code, and who may do what.

use chrono::Days;
use reqwest::StatusCode;
use shared::{
    api::{
        ConsentInput, ConsentPurpose, ErrorKind, EvaluationInput, ExpenseDecisionInput,
        ExpenseInput, InternshipPatch, IntroductionDetail, IntroductionInput, IntroductionPatch,
        OpeningCandidate, OpeningInput, OpeningPatch, OrganisationInput, OrganisationPatch,
        SharedProfile, paths,
    },
    ids::OrganisationId,
    route::StepFigures,
    rules::{
        budget::{ExpenseCategory, ExpenseDecision, ExpenseStatus},
        internship::{EvaluationMoment, Evaluator, InternshipProgress},
        introduction::IntroductionStatus,
        openings::{OpeningKind, OpeningStatus, OrganisationKind},
    },
    values::{DutchLevel, LanguageCode},
    violation::ViolationKind,
};

use crate::{
    client::Refused,
    helpers::{
        TestApp, complete_training, internship, organisation_id, participant_id, spawn_app_with,
        today,
    },
};

async fn bakery(app: &TestApp) -> OrganisationId {
    organisation_id(app, "Bakkerij De Korenbloem").await
}

fn opening(kind: OpeningKind) -> OpeningInput {
    OpeningInput {
        kind: Some(kind),
        title: "Stage in de bakkerij".into(),
        description: "Meedraaien in de bakkerij.".into(),
        ..OpeningInput::default()
    }
}

/// A change of an opening's state, from `version`.
fn to(status: OpeningStatus, version: i64) -> OpeningPatch {
    OpeningPatch {
        status: Some(status),
        opening: None,
        version,
    }
}

#[tokio::test]
async fn a_company_contact_registers_an_internship_opening_and_opens_it() {
    let app = spawn_app_with(true).await;
    let company = app.signed_in("company@example.org").await;
    let org = bakery(&app).await;
    let start = today() + Days::new(14);
    let mut input = OpeningInput {
        start_date: Some(start),
        end_date: Some(start + Days::new(76)), // 11 weeks
        hours_per_week: Some(24),
        dutch_level: Some(DutchLevel::A2),
        ..opening(OpeningKind::Internship)
    };

    company.create_opening(&org, &input).await.refused_exactly(
        ErrorKind::Validation,
        "end_date",
        ViolationKind::InternshipTooLong { max_weeks: 10 },
    );

    input.end_date = Some(start + Days::new(55)); // 8 weeks
    let created = company.create_opening(&org, &input).await.unwrap();
    assert_eq!(created.status, OpeningStatus::Draft);

    company
        .update_opening(&created.id, &to(OpeningStatus::Filled, 1))
        .await
        .refused_exactly(
            ErrorKind::Validation,
            "status",
            ViolationKind::InvalidTransition {
                from: "draft".into(),
                to: "filled".into(),
            },
        );

    let opened = company
        .update_opening(&created.id, &to(OpeningStatus::Open, 1))
        .await
        .unwrap();
    assert_eq!(opened.status, OpeningStatus::Open);
    company
        .update_opening(&created.id, &to(OpeningStatus::Closed, 1))
        .await
        .refused_with(ErrorKind::Conflict, "version", "stale_version");
}

#[tokio::test]
async fn a_company_visit_takes_1_to_25_and_refuses_a_second_registration_and_a_full_house() {
    let app = spawn_app_with(true).await;
    let company = app.signed_in("company@example.org").await;
    let org = bakery(&app).await;
    let mut visit = OpeningInput {
        date: Some(today() + Days::new(5)),
        place: "Oudegracht 112".into(),
        capacity: Some(26),
        ..opening(OpeningKind::CompanyVisit)
    };
    company.create_opening(&org, &visit).await.refused_exactly(
        ErrorKind::Validation,
        "capacity",
        ViolationKind::OutOfRange { min: 1, max: 25 },
    );

    visit.capacity = Some(1);
    let created = company.create_opening(&org, &visit).await.unwrap();
    company
        .update_opening(&created.id, &to(OpeningStatus::Open, 1))
        .await
        .unwrap();

    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let yonas = participant_id(&app, "Yonas").await;
    coach.register(&created.id, &amal).await.unwrap();
    coach.register(&created.id, &amal).await.refused_with(
        ErrorKind::Conflict,
        "participant_id",
        "already_registered",
    );
    coach.register(&created.id, &yonas).await.refused_exactly(
        ErrorKind::Conflict,
        "participant_id",
        ViolationKind::CapacityFull { capacity: 1 },
    );

    let seen = company.opening(&created.id).await.unwrap();
    assert_eq!(seen.places_left, Some(0));
    assert_eq!(
        seen.candidates,
        [OpeningCandidate { first_name: None }],
        "no consent, no name"
    );
}

#[tokio::test]
async fn an_internship_waits_for_the_training_keeps_its_window_and_never_overlaps() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let org = bakery(&app).await;
    let amal = participant_id(&app, "Amal").await;
    let start = today() + Days::new(7);
    assert_eq!(
        coach.internships(&amal).await.unwrap(),
        [],
        "no internship yet"
    );

    coach
        .plan_internship(&amal, &internship(&org, start, 56, 24))
        .await
        .refused_exactly(
            ErrorKind::Conflict,
            "",
            ViolationKind::TrainingNotComplete {
                attended: 3,
                required: 6,
            },
        );

    complete_training(&app, &amal).await;
    for (days, hours, field, code) in [
        (41, 24, "end_date", "internship_too_short"),
        (71, 24, "end_date", "internship_too_long"),
        (56, 7, "hours_per_week", "hours_out_of_range"),
    ] {
        let refused = coach
            .plan_internship(&amal, &internship(&org, start, days, hours))
            .await
            .unwrap_err();
        assert!(
            refused.is(StatusCode::UNPROCESSABLE_ENTITY, field, code),
            "{days} days {hours} hours: {refused}"
        );
    }
    let created = coach
        .plan_internship(&amal, &internship(&org, start, 56, 24))
        .await
        .unwrap();
    assert_eq!(
        created.progress,
        InternshipProgress::NotStarted { weeks: 8 }
    );
    assert_eq!(created.participant_first_name, "Amal");
    assert_eq!(created.learning_goals, ["Stage in de zorg vinden"]);

    // Sharing the last day is an overlap.
    coach
        .plan_internship(&amal, &internship(&org, start + Days::new(55), 42, 24))
        .await
        .refused_with(ErrorKind::Conflict, "start_date", "internship_overlap");

    // Extending: only a coordinator, once, by at most 4 weeks.
    let end = start + Days::new(55);
    let extend = |days: u64, version: i64| InternshipPatch::Extend {
        end_date: end + Days::new(days),
        version,
    };
    coach
        .change_internship(&created.id, &extend(28, 1))
        .await
        .refused(ErrorKind::Forbidden);
    let coordinator = app.signed_in("coordinator@example.org").await;
    coordinator
        .change_internship(&created.id, &extend(29, 1))
        .await
        .refused_exactly(
            ErrorKind::Validation,
            "end_date",
            ViolationKind::ExtensionTooLong { max_weeks: 4 },
        );
    let extended = coordinator
        .change_internship(&created.id, &extend(28, 1))
        .await
        .unwrap();
    assert!(extended.extended);
    assert_eq!(
        extended.progress,
        InternshipProgress::NotStarted { weeks: 12 }
    );
    let refused = coordinator
        .change_internship(&created.id, &extend(35, 2))
        .await
        .refused(ErrorKind::Validation);
    assert!(
        refused
            .violations()
            .iter()
            .any(|(_, code)| *code == "extension_already_used"),
        "{refused}"
    );
}

fn evaluation(evaluator: Evaluator, punctuality: i64) -> EvaluationInput {
    EvaluationInput {
        moment: EvaluationMoment::Midterm,
        evaluator,
        punctuality: Some(punctuality),
        cooperation: Some(4),
        dutch_at_work: Some(3),
        professional_skills: Some(4),
        remarks: "Leert snel.".into(),
    }
}

#[tokio::test]
async fn the_supervisor_and_the_coach_each_evaluate_once_per_moment() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let org = bakery(&app).await;
    let amal = participant_id(&app, "Amal").await;
    complete_training(&app, &amal).await;
    let planned = coach
        .plan_internship(&amal, &internship(&org, today(), 56, 24))
        .await
        .unwrap();
    let id = &planned.id;

    company
        .evaluate(id, &evaluation(Evaluator::Supervisor, 6))
        .await
        .refused_exactly(
            ErrorKind::Validation,
            "punctuality",
            ViolationKind::OutOfRange { min: 1, max: 5 },
        );
    company
        .evaluate(id, &evaluation(Evaluator::Coach, 5))
        .await
        .refused_with(ErrorKind::Validation, "evaluator", "not_allowed_for_role");
    let done = company
        .evaluate(id, &evaluation(Evaluator::Supervisor, 5))
        .await
        .unwrap();
    assert_eq!(done.evaluations[0].punctuality, 5);
    company
        .evaluate(id, &evaluation(Evaluator::Supervisor, 4))
        .await
        .refused_with(ErrorKind::Conflict, "moment", "already_registered");
    coach
        .evaluate(id, &evaluation(Evaluator::Coach, 4))
        .await
        .unwrap();
}

fn expense(cents: i64) -> ExpenseInput {
    ExpenseInput {
        category: Some(ExpenseCategory::Course),
        amount_cents: Some(cents),
        description: "Cursus Nederlands op de werkvloer".into(),
    }
}

fn decide(decision: ExpenseDecision, version: i64) -> ExpenseDecisionInput {
    ExpenseDecisionInput { decision, version }
}

#[tokio::test]
async fn the_budget_is_never_exceeded_and_only_a_coordinator_decides() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await;

    coach
        .request_expense(&amal, &expense(0))
        .await
        .refused_with(ErrorKind::Validation, "amount_cents", "amount_not_positive");

    let first = coach
        .request_expense(&amal, &expense(60_000))
        .await
        .unwrap();
    assert_eq!(first.remaining_cents, 40_000);
    // One cent over.
    coach
        .request_expense(&amal, &expense(40_001))
        .await
        .refused_exactly(
            ErrorKind::Conflict,
            "amount_cents",
            ViolationKind::BudgetExceeded {
                remaining_cents: 40_000,
            },
        );
    let exact = coach
        .request_expense(&amal, &expense(40_000))
        .await
        .unwrap();
    assert_eq!(exact.remaining_cents, 0, "leaving exactly nothing");

    let id = &first.expenses[0].id;
    coach
        .decide_expense(id, &decide(ExpenseDecision::Approve, 1))
        .await
        .refused(ErrorKind::Forbidden);
    let coordinator = app.signed_in("coordinator@example.org").await;
    coordinator
        .decide_expense(id, &decide(ExpenseDecision::MarkPaid, 1))
        .await
        .refused_with(ErrorKind::Validation, "decision", "invalid_transition");
    let approved = coordinator
        .decide_expense(id, &decide(ExpenseDecision::Approve, 1))
        .await
        .unwrap();
    assert_eq!(approved.used_cents, 60_000);
    let paid = coordinator
        .decide_expense(id, &decide(ExpenseDecision::MarkPaid, 2))
        .await
        .unwrap();
    assert_eq!(paid.expenses[0].status, ExpenseStatus::Paid);

    // Rejecting the second frees its amount.
    let rejected = coordinator
        .decide_expense(&exact.expenses[1].id, &decide(ExpenseDecision::Reject, 1))
        .await
        .unwrap();
    assert_eq!(rejected.remaining_cents, 40_000);

    let me = app.signed_in("participant@example.org").await;
    let route = me.route(&amal).await.unwrap();
    assert_eq!(route.route.budget.used_cents, 60_000);
    assert_eq!(route.route.budget.cap_cents, 100_000);
}

#[tokio::test]
async fn an_agreement_sets_its_own_cap() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator.rotterdam@example.org").await;
    let mehari = participant_id(&app, "Mehari").await;

    coordinator
        .request_expense(&mehari, &expense(120_001))
        .await
        .refused_exactly(
            ErrorKind::Conflict,
            "amount_cents",
            ViolationKind::BudgetExceeded {
                remaining_cents: 120_000,
            },
        );
}

#[tokio::test]
async fn an_introduction_waits_for_consent_and_the_company_sees_only_what_was_shared() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let me = app.signed_in("participant@example.org").await;
    let org = bakery(&app).await;
    let amal = participant_id(&app, "Amal").await;
    let propose = IntroductionInput {
        organisation_id: Some(org.clone()),
        opening_id: None,
        motivation: "Amal bakt graag en leert snel.".into(),
    };

    // The proposal waits for Amal's consent: the bakery does not see it, nor can it answer.
    let created = coach.propose_introduction(&amal, &propose).await.unwrap();
    assert!(created.waiting_for_consent);
    assert_eq!(company.organisation_introductions(&org).await.unwrap(), []);
    company
        .answer_introduction(
            &created.id,
            &IntroductionPatch {
                status: IntroductionStatus::Accepted,
                version: 1,
            },
        )
        .await
        .refused_with(ErrorKind::Conflict, "status", "consent_missing");

    let consent = |given: bool| ConsentInput {
        purpose: ConsentPurpose::IntroductionProfile,
        organisation_id: Some(org.clone()),
        municipality_id: None,
        given,
    };
    let consents = me.set_consent(&amal, &consent(true)).await.unwrap();
    assert_eq!(consents[0].recipient_name, "Bakkerij De Korenbloem");
    assert!(consents[0].given);
    assert!(!consents[0].needs_confirmation);

    let text = company
        .text(&format!("{}/introductions", paths::organisation(&org)))
        .await;
    assert!(!text.contains("Haddad"), "no last name: {text}");
    assert!(!text.contains(amal.as_str()), "no participant id: {text}");
    assert!(!text.contains("example.org"), "no email: {text}");
    let seen: Vec<IntroductionDetail> = serde_json::from_str(&text).unwrap();
    assert_eq!(
        serde_json::to_value(&seen).unwrap(),
        serde_json::from_str::<serde_json::Value>(&text).unwrap(),
        "nothing beyond the documented fields"
    );
    let languages = ["ar", "en"].map(|l| LanguageCode::parse(l).unwrap());
    assert_eq!(
        seen[0].participant,
        Some(SharedProfile {
            first_name: "Amal".into(),
            languages: languages.to_vec(),
            dutch_level: DutchLevel::A2
        })
    );
    assert_eq!(seen[0].motivation, "Amal bakt graag en leert snel.");

    let answer = |status| IntroductionPatch { status, version: 1 };
    coach
        .answer_introduction(&created.id, &answer(IntroductionStatus::Accepted))
        .await
        .refused_with(ErrorKind::Validation, "status", "not_allowed_for_role");
    company
        .answer_introduction(&created.id, &answer(IntroductionStatus::Hired))
        .await
        .refused_with(ErrorKind::Validation, "status", "invalid_transition");
    let accepted = company
        .answer_introduction(&created.id, &answer(IntroductionStatus::Accepted))
        .await
        .unwrap();
    assert_eq!(accepted.status, IntroductionStatus::Accepted);

    // Withdrawn consent hides the profile again.
    me.set_consent(&amal, &consent(false)).await.unwrap();
    let hidden = company.organisation_introductions(&org).await.unwrap();
    assert_eq!(hidden[0].participant, None);
    assert_eq!(hidden[0].motivation, "");

    let route = me.route(&amal).await.unwrap();
    assert_eq!(
        route.route.steps[4].figures,
        StepFigures::Introduction {
            proposed: 1,
            accepted: 1,
            placed: false
        }
    );
}

#[tokio::test]
async fn a_company_contact_edits_only_their_own_organisation_with_a_valid_kvk_number() {
    let app = spawn_app_with(true).await;
    let company = app.signed_in("company@example.org").await;
    let org = bakery(&app).await;
    let edit = |kvk: &str, version: i64| {
        OrganisationPatch::whole(
            OrganisationInput {
                kind: Some(OrganisationKind::Company),
                name: "Bakkerij De Korenbloem".into(),
                sector: "Food".into(),
                street: "Oudegracht 112".into(),
                postcode: "3511ax".into(),
                city: "Utrecht".into(),
                kvk_number: kvk.into(),
            },
            version,
        )
    };

    company
        .update_organisation(&org, &edit("1234", 1))
        .await
        .refused_with(ErrorKind::Validation, "kvk_number", "invalid_kvk_number");
    let saved = company
        .update_organisation(&org, &edit("87654321", 1))
        .await
        .unwrap();
    assert_eq!(saved.postcode.as_str(), "3511 AX");
    assert_eq!(
        saved.kvk_number.as_ref().map(|k| k.as_str()),
        Some("87654321")
    );

    let care = organisation_id(&app, "Zorggroep Het Anker").await;
    company
        .update_organisation(&care, &edit("87654321", 1))
        .await
        .refused(ErrorKind::NotFound);
}
