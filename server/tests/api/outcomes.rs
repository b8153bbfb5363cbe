//! Outcomes and their follow-up: success, each validation code, the route's last step.

use chrono::{Days, Months, NaiveDate};
use reqwest::StatusCode;
use shared::{
    api::{ErrorKind, FollowUpInput, FollowUpPatch, OutcomeInput},
    ids::ParticipantId,
    route::{NextStep, StepStatus},
    rules::outcome::{ContractKind, OutcomeKind},
    violation::ViolationKind,
};

use crate::{
    client::{Api, Refused},
    helpers::{TestApp, municipality_id, new_participant, spawn_app_with, today},
};

/// A participant just taken in, with no outcome yet.
async fn newcomer(app: &TestApp, coordinator: &Api) -> ParticipantId {
    let utrecht = municipality_id(app, "GM0344").await;
    let input = new_participant(&utrecht, None, None, "noor@example.org");
    coordinator.create_participant(&input).await.unwrap().id
}

fn outcome(kind: OutcomeKind, date: NaiveDate, reason: &str) -> OutcomeInput {
    OutcomeInput {
        kind: Some(kind),
        date: Some(date),
        hours_per_week: None,
        contract: None,
        reason: reason.into(),
        ladder_rung: Some(5),
    }
}

#[tokio::test]
async fn a_coordinator_records_a_paid_job_and_the_route_is_done() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let noor = newcomer(&app, &coordinator).await;
    let today = today();
    let job = |date, hours, contract| OutcomeInput {
        hours_per_week: Some(hours),
        contract,
        ..outcome(OutcomeKind::PaidJob, date, "")
    };

    let refused = coordinator
        .record_outcome(&noor, &job(today + Days::new(1), 41, None))
        .await
        .refused(ErrorKind::Validation);
    assert_eq!(
        refused.violations(),
        [
            ("date", "in_the_future"),
            ("hours_per_week", "hours_out_of_range"),
            ("contract", "required")
        ]
    );

    let created = coordinator
        .record_outcome(&noor, &job(today, 32, Some(ContractKind::Temporary)))
        .await
        .unwrap();
    assert_eq!(created.follow_up_due, today + Months::new(6));

    let route = coordinator.route(&noor).await.unwrap();
    assert_eq!(route.route.steps[5].status, StepStatus::Done);
    assert_eq!(route.route.next_step, NextStep::Done);

    let coach = app.signed_in("coach@example.org").await;
    let refused = coach
        .record_outcome(&noor, &outcome(OutcomeKind::Education, today, ""))
        .await
        .unwrap_err();
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "only a coordinator records outcomes"
    );
}

fn follow_up(date: NaiveDate, lasted: bool, ladder_rung: i64, version: i64) -> FollowUpPatch {
    FollowUpPatch {
        follow_up: FollowUpInput {
            date: Some(date),
            lasted: Some(lasted),
            ladder_rung: Some(ladder_rung),
        },
        version,
    }
}

#[tokio::test]
async fn no_outcome_needs_a_reason_and_a_follow_up_waits_six_months() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let noor = newcomer(&app, &coordinator).await;
    let today = today();

    coordinator
        .record_outcome(&noor, &outcome(OutcomeKind::None, today, ""))
        .await
        .refused_with(ErrorKind::Validation, "reason", "required");

    let created = coordinator
        .record_outcome(
            &noor,
            &outcome(
                OutcomeKind::None,
                today,
                "Verhuisd naar een andere gemeente",
            ),
        )
        .await
        .unwrap();
    coordinator
        .follow_up(&created.id, &follow_up(today, false, 3, 1))
        .await
        .refused_exactly(
            ErrorKind::Validation,
            "date",
            ViolationKind::FollowUpTooEarly {
                due_date: (today + Months::new(6)).to_string(),
            },
        );

    // An outcome from long ago can be followed up today.
    sqlx::query("UPDATE outcomes SET date = '2025-01-06' WHERE id = $1")
        .bind(&created.id)
        .execute(&app.db)
        .await
        .unwrap();
    let done = coordinator
        .follow_up(&created.id, &follow_up(today, true, 5, 1))
        .await
        .unwrap();
    assert_eq!(done.follow_up.map(|f| f.ladder_rung.get()), Some(5));
    coordinator
        .follow_up(&created.id, &follow_up(today, true, 6, 1))
        .await
        .refused_with(ErrorKind::Conflict, "version", "stale_version");
}
