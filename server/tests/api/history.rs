//! The history of records: each change to a participant, their plan, an internship, an
//! organisation, an opening, a budget request and a consent keeps who, when, and which fields
//! changed (old and new), in the transaction of the change; who may read it.

use chrono::Days;
use shared::{
    api::{
        ActionInput, ConsentInput, ConsentPurpose, ErrorKind, ExpenseDecisionInput, ExpenseInput,
        GoalPatch, HistoryEntry, InternshipPatch, OpeningInput, OpeningPatch, OrganisationPatch,
        ParticipantPatch,
    },
    rules::{
        budget::{ExpenseCategory, ExpenseDecision},
        openings::{OpeningKind, OpeningStatus},
        plan::ActionOwner,
    },
    values::DutchLevel,
};

use crate::{
    client::Refused,
    helpers::{
        TestApp, complete_training, internship, organisation_id, participant_id, scalar,
        spawn_app_with, today,
    },
};

/// The one entry of `record_type` made by `action`, or a failure naming what there is.
fn entry<'a>(history: &'a [HistoryEntry], record_type: &str, action: &str) -> &'a HistoryEntry {
    history
        .iter()
        .find(|e| e.record_type == record_type && e.action.as_deref() == Some(action))
        .unwrap_or_else(|| panic!("no {record_type} entry of {action} in {history:#?}"))
}

/// The old and new value of `field` in an entry.
fn change(entry: &HistoryEntry, field: &str) -> (Option<String>, Option<String>) {
    entry
        .changes
        .iter()
        .find(|c| c.field == field)
        .map(|c| (c.old.clone(), c.new.clone()))
        .unwrap_or_else(|| panic!("{field} is not among the changes of {entry:#?}"))
}

async fn history_rows(app: &TestApp) -> String {
    scalar(app, "SELECT CAST(COUNT(*) AS TEXT) FROM record_history").await
}

#[tokio::test]
async fn each_kind_of_record_keeps_who_changed_which_field_when() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let coach = app.signed_in("coach@example.org").await;
    let me = app.signed_in("participant@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let bakery = organisation_id(&app, "Bakkerij De Korenbloem").await;

    // The participant.
    let profile = coordinator.participant(&amal).await.unwrap();
    coordinator
        .update_participant(
            &amal,
            &ParticipantPatch {
                dutch_level: Some(DutchLevel::B1),
                version: profile.version,
                ..ParticipantPatch::default()
            },
        )
        .await
        .unwrap();
    // The plan: a goal renamed, an action added, by the coach.
    let goal = coach.goals(&amal).await.unwrap().remove(0);
    coach
        .update_goal(
            &goal.id,
            &GoalPatch {
                title: Some("Stage in de ouderenzorg vinden".into()),
                version: goal.version,
                ..GoalPatch::default()
            },
        )
        .await
        .unwrap();
    coach
        .create_action(
            &goal.id,
            &ActionInput {
                text: "Oefenen voor het gesprek".into(),
                due_date: None,
                owner: Some(ActionOwner::Participant),
            },
        )
        .await
        .unwrap();
    // A budget request, then the coordinator's decision.
    let budget = coach
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
    let expense = &budget.expenses[0];
    coordinator
        .decide_expense(
            &expense.id,
            &ExpenseDecisionInput {
                decision: ExpenseDecision::Approve,
                version: expense.version,
            },
        )
        .await
        .unwrap();
    // A consent, given by the participant themself.
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

    let history = coordinator.participant_history(&amal).await.unwrap();
    let profile_change = entry(&history, "participant", "participant.update");
    assert_eq!(profile_change.actor_name.as_deref(), Some("Sanne"));
    assert!(!profile_change.created);
    assert_eq!(
        change(profile_change, "dutch_level"),
        (Some("A2".into()), Some("B1".into()))
    );
    assert_eq!(
        profile_change.changes.len(),
        1,
        "only the field that changed"
    );
    let renamed = entry(&history, "goal", "goal.update");
    assert_eq!(renamed.actor_name.as_deref(), Some("Marieke"));
    assert_eq!(
        change(renamed, "title"),
        (
            Some("Stage in de zorg vinden".into()),
            Some("Stage in de ouderenzorg vinden".into())
        )
    );
    let added = entry(&history, "action", "action.create");
    assert!(added.created);
    assert_eq!(
        change(added, "text"),
        (None, Some("Oefenen voor het gesprek".into()))
    );
    let requested = entry(&history, "expense", "expense.create");
    assert_eq!(requested.record_id, expense.id.to_string());
    assert_eq!(
        change(requested, "amount_cents"),
        (None, Some("12500".into()))
    );
    let decided = entry(&history, "expense", "expense.decide");
    assert_eq!(
        change(decided, "status"),
        (Some("pending".into()), Some("approved".into()))
    );
    let consent = entry(&history, "consent", "consent.give");
    assert_eq!(consent.actor_name.as_deref(), Some("Amal"));
    assert_eq!(change(consent, "given"), (None, Some("1".into())));
    // Newest first.
    assert_eq!(history[0].record_type, "consent");

    // An internship, planned by the coach and extended by the coordinator.
    complete_training(&app, &amal).await;
    let start = today() + Days::new(7);
    let planned = coach
        .plan_internship(&amal, &internship(&bakery, start, 56, 24))
        .await
        .unwrap();
    let new_end = start + Days::new(55 + 14);
    coordinator
        .change_internship(
            &planned.id,
            &InternshipPatch::Extend {
                end_date: new_end,
                version: planned.version,
            },
        )
        .await
        .unwrap();
    let internship_history = coach.internship_history(&planned.id).await.unwrap();
    assert_eq!(internship_history.len(), 2, "{internship_history:#?}");
    assert!(internship_history[1].created);
    assert_eq!(
        change(&internship_history[0], "end_date"),
        (
            Some((start + Days::new(55)).to_string()),
            Some(new_end.to_string())
        )
    );
    assert_eq!(
        change(&internship_history[0], "extended"),
        (Some("0".into()), Some("1".into()))
    );
    assert_eq!(internship_history[0].actor_name.as_deref(), Some("Sanne"));

    // An organisation and an opening, changed by the coordinator.
    let organisation = coordinator.organisation(&bakery).await.unwrap();
    coordinator
        .update_organisation(
            &bakery,
            &OrganisationPatch {
                sector: Some("Bakkerij en banket".into()),
                version: organisation.version,
                ..OrganisationPatch::default()
            },
        )
        .await
        .unwrap();
    let history = coordinator.organisation_history(&bakery).await.unwrap();
    let changed = &history[0];
    assert_eq!(changed.action.as_deref(), Some("organisation.update"));
    assert_eq!(
        change(changed, "sector"),
        (Some("Food".into()), Some("Bakkerij en banket".into()))
    );
    let opening = coordinator
        .create_opening(
            &bakery,
            &OpeningInput {
                kind: Some(OpeningKind::Job),
                title: "Verkoper".into(),
                description: "In de winkel.".into(),
                ..OpeningInput::default()
            },
        )
        .await
        .unwrap();
    coordinator
        .update_opening(
            &opening.id,
            &OpeningPatch {
                status: Some(OpeningStatus::Open),
                opening: None,
                version: opening.version,
            },
        )
        .await
        .unwrap();
    let history = coordinator.opening_history(&opening.id).await.unwrap();
    assert_eq!(history.len(), 2, "{history:#?}");
    assert_eq!(
        change(&history[0], "status"),
        (Some("draft".into()), Some("open".into()))
    );
    assert!(history[1].created);
}

#[tokio::test]
async fn a_refused_change_leaves_no_history() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let before = history_rows(&app).await;
    let stale = ParticipantPatch {
        dutch_level: Some(DutchLevel::B2),
        version: 99,
        ..ParticipantPatch::default()
    };
    coordinator
        .update_participant(&amal, &stale)
        .await
        .refused(ErrorKind::Conflict);
    assert_eq!(history_rows(&app).await, before);
}

#[tokio::test]
async fn coordinators_of_the_region_and_the_own_coach_read_a_history() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let bakery = organisation_id(&app, "Bakkerij De Korenbloem").await;

    let coach = app.signed_in("coach@example.org").await;
    let own = coach.participant_history(&amal).await.unwrap();
    assert!(
        own.iter()
            .any(|e| e.record_type == "participant" && e.created),
        "the intake is the first entry: {own:#?}"
    );
    app.signed_in("coach2@example.org")
        .await
        .participant_history(&amal)
        .await
        .refused(ErrorKind::NotFound);
    app.signed_in("coordinator.rotterdam@example.org")
        .await
        .participant_history(&amal)
        .await
        .refused(ErrorKind::NotFound);
    app.signed_in("participant@example.org")
        .await
        .participant_history(&amal)
        .await
        .refused(ErrorKind::Forbidden);
    coach
        .organisation_history(&bakery)
        .await
        .refused(ErrorKind::NotFound);
    app.signed_in("company@example.org")
        .await
        .organisation_history(&bakery)
        .await
        .refused(ErrorKind::Forbidden);
}

/// The names given for the old and new value of `field` in an entry.
fn names(entry: &HistoryEntry, field: &str) -> (Option<String>, Option<String>) {
    entry
        .changes
        .iter()
        .find(|c| c.field == field)
        .map(|c| (c.old_name.clone(), c.new_name.clone()))
        .unwrap_or_else(|| panic!("{field} is not among the changes of {entry:#?}"))
}

#[tokio::test]
async fn a_history_names_the_coach_cohort_and_municipality_a_reader_may_see() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let joost = crate::helpers::user_id(&app, "coach2@example.org").await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    // Joost's caseload is full: one of his participants waits for another coach first.
    let waiting: shared::ids::ParticipantId = scalar(
        &app,
        &format!("SELECT id FROM participants WHERE coach_id = '{joost}' ORDER BY id LIMIT 1"),
    )
    .await
    .parse()
    .unwrap();
    let profile = coordinator.participant(&waiting).await.unwrap();
    coordinator
        .update_participant(
            &waiting,
            &ParticipantPatch {
                coach_id: Some(None),
                version: profile.version,
                ..ParticipantPatch::default()
            },
        )
        .await
        .unwrap();
    let profile = coordinator.participant(&amal).await.unwrap();
    coordinator
        .update_participant(
            &amal,
            &ParticipantPatch {
                coach_id: Some(Some(joost.clone())),
                version: profile.version,
                ..ParticipantPatch::default()
            },
        )
        .await
        .unwrap();
    let municipality = scalar(
        &app,
        &format!(
            "SELECT m.name FROM municipalities m JOIN participants p ON p.municipality_id = m.id \
             WHERE p.id = '{amal}'"
        ),
    )
    .await;

    let rows = history_rows(&app).await;
    let history = coordinator.participant_history(&amal).await.unwrap();
    let moved = entry(&history, "participant", "participant.update");
    assert_eq!(change(moved, "coach_id").1, Some(joost.to_string()));
    assert_eq!(
        names(moved, "coach_id"),
        (Some("Marieke".to_owned()), Some("Joost".to_owned()))
    );
    let intake = history
        .iter()
        .find(|e| e.record_type == "participant" && e.created)
        .expect("the intake");
    assert_eq!(
        names(intake, "cohort_id").1.as_deref(),
        Some("Utrecht voorjaar")
    );
    assert_eq!(names(intake, "municipality_id").1, Some(municipality));
    assert_eq!(
        names(intake, "dutch_level"),
        (None, None),
        "a value, not an id"
    );
    assert_eq!(history_rows(&app).await, rows, "a read writes nothing");

    // Her new coach reads his own name, not his colleague's.
    let history = app
        .signed_in("coach2@example.org")
        .await
        .participant_history(&amal)
        .await
        .unwrap();
    let moved = entry(&history, "participant", "participant.update");
    assert_eq!(names(moved, "coach_id"), (None, Some("Joost".to_owned())));
}
