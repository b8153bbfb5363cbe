//! Twenty requests at once against the real server: a check on stored state and the write it
//! guards must act as one, so parallel requests never take a cohort, a caseload, an internship
//! period, a budget or a consent past what one request at a time would allow.

use std::{future::Future, sync::Arc};

use chrono::Days;
use reqwest::StatusCode;
use shared::{
    ProgrammeSettings,
    api::{
        AcceptInvitationInput, ConsentInput, ConsentPurpose, ExpenseInput, InvitationInput,
        ParticipantInput, ParticipantPatch,
    },
    ids::{CohortId, MunicipalityId, UserId},
    roles::Role,
    rules::{
        budget::ExpenseCategory,
        contact::{ContactInput, ContactKind},
    },
};
use tokio::{sync::Barrier, task::JoinSet};

use crate::{
    client::{Answer, Api},
    helpers::{
        TestApp, cohort_id, complete_training, internship, municipality_id, new_participant,
        organisation_id, participant_id, spawn_app_with, today,
    },
};

/// How many requests each test sends at once.
const PARALLEL: usize = 20;

/// Runs every call at once (all tasks wait at a barrier, then send) and answers the results in
/// the order they came back.
async fn all_at_once<I, O, F>(
    api: &Api,
    inputs: Vec<I>,
    call: impl Fn(Api, I) -> F,
) -> Vec<Answer<O>>
where
    I: Send + 'static,
    O: Send + 'static,
    F: Future<Output = Answer<O>> + Send + 'static,
{
    let start = Arc::new(Barrier::new(inputs.len()));
    let mut requests = JoinSet::new();
    for input in inputs {
        let (start, request) = (Arc::clone(&start), call(api.clone(), input));
        requests.spawn(async move {
            start.wait().await;
            request.await
        });
    }
    let mut answers = Vec::with_capacity(PARALLEL);
    while let Some(answer) = requests.join_next().await {
        answers.push(answer.expect("a request task ends without panicking"));
    }
    answers
}

/// How many calls succeeded.
fn succeeded<O>(answers: &[Answer<O>]) -> usize {
    answers.iter().filter(|a| a.is_ok()).count()
}

/// The refusals, for assertion messages.
fn refusals<O>(answers: &[Answer<O>]) -> Vec<String> {
    answers
        .iter()
        .filter_map(|a| a.as_ref().err())
        .map(ToString::to_string)
        .collect()
}

/// Whether every refusal is a 409 whose only violation is `code` on `field`.
fn all_refused_with<O>(answers: &[Answer<O>], field: &str, code: &str) -> bool {
    answers
        .iter()
        .filter_map(|a| a.as_ref().err())
        .all(|r| r.is(StatusCode::CONFLICT, field, code))
}

/// Waits (at most about 5 s) until `sql` with `bind` counts `at_least`: a step sent amid parallel
/// requests acts once a few of them are stored.
async fn until_counted(db: &sqlx::SqlitePool, sql: &'static str, bind: &str, at_least: i64) {
    for _ in 0..5_000 {
        let counted = sqlx::query_scalar::<_, i64>(sql)
            .bind(bind)
            .fetch_one(db)
            .await
            .expect("the rows are counted");
        if counted >= at_least {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    }
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

async fn utrecht(app: &TestApp) -> MunicipalityId {
    municipality_id(app, "GM0344").await
}

/// Twenty intakes, each with its own email address.
fn intakes(
    municipality: &MunicipalityId,
    cohort: Option<&CohortId>,
    coach: Option<&UserId>,
    prefix: &str,
) -> Vec<ParticipantInput> {
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
async fn new_coach(app: &TestApp, coordinator: &Api, email: &str) -> UserId {
    let created = coordinator
        .invite(&InvitationInput {
            email: email.to_owned(),
            role: Role::Coach,
            participant_id: None,
            organisation_id: None,
            municipality_id: Some(utrecht(app).await),
        })
        .await
        .unwrap_or_else(|r| panic!("the invitation is made: {r}"));
    let token = created
        .link
        .split_once('#')
        .expect("a token in the fragment")
        .1;
    let me = app
        .anonymous()
        .accept_invitation(&AcceptInvitationInput {
            token: token.to_owned(),
            password: "a long and rare passphrase".into(),
        })
        .await
        .unwrap_or_else(|r| panic!("the invitation is accepted: {r}"));
    assert_eq!(me.role, Role::Coach);
    me.user_id
}

fn expense(cents: i64) -> ExpenseInput {
    ExpenseInput {
        category: Some(ExpenseCategory::Course),
        amount_cents: Some(cents),
        description: "Cursus Nederlands op de werkvloer".into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_intakes_never_put_a_cohort_over_sixteen() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let m = utrecht(&app).await;
    let cohort = cohort_id(&app, "Utrecht voorjaar").await;
    let max = i64::from(ProgrammeSettings::default().cohort_max_participants);
    let in_cohort = "SELECT COUNT(*) FROM participants WHERE cohort_id = $1";
    // One at a time, fill the demo cohort (10) until three places are left: few enough that most
    // of the twenty must be refused, enough that several race for them.
    let mut filled = count(&app, in_cohort, &[cohort.as_str()]).await;
    assert!(filled <= max - 3, "the demo cohort has room");
    while filled < max - 3 {
        let input = new_participant(
            &m,
            Some(&cohort),
            None,
            &format!("filler{filled}@example.org"),
        );
        if let Err(refusal) = coordinator.create_participant(&input).await {
            panic!("a filler is admitted: {refusal}");
        }
        filled += 1;
    }
    assert_eq!(count(&app, in_cohort, &[cohort.as_str()]).await, max - 3);
    let free = usize::try_from(max - filled).unwrap();

    let answers = all_at_once(
        &coordinator,
        intakes(&m, Some(&cohort), None, "parallel"),
        |api, input| async move { api.create_participant(&input).await },
    )
    .await;

    let stored = count(&app, in_cohort, &[cohort.as_str()]).await;
    let created = succeeded(&answers);
    assert_eq!(
        stored, max,
        "the cohort holds {stored} participants ({created} of {PARALLEL} parallel intakes created)"
    );
    assert_eq!(created, free, "created {created} with {free} place(s) free");
    assert!(
        all_refused_with(&answers, "cohort_id", "cohort_full"),
        "every refusal is 409 cohort_full: {:?}",
        refusals(&answers)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_intakes_never_give_a_coach_more_than_three() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let m = utrecht(&app).await;
    let coach = new_coach(&app, &coordinator, "fresh.coach@example.org").await;
    let max = i64::from(ProgrammeSettings::default().coach_max_caseload);
    let of_coach = "SELECT COUNT(*) FROM participants WHERE coach_id = $1";
    assert_eq!(
        count(&app, of_coach, &[coach.as_str()]).await,
        0,
        "a new coach"
    );
    let free = usize::try_from(max).unwrap();

    let answers = all_at_once(
        &coordinator,
        intakes(&m, None, Some(&coach), "caseload"),
        |api, input| async move { api.create_participant(&input).await },
    )
    .await;

    let stored = count(&app, of_coach, &[coach.as_str()]).await;
    let created = succeeded(&answers);
    assert!(
        stored <= max,
        "the coach supports {stored} participants ({created} of {PARALLEL} parallel intakes created)"
    );
    assert_eq!(
        created, free,
        "created {created} with room for {free} in the caseload"
    );
    assert_eq!(stored, max);
    assert!(
        all_refused_with(&answers, "coach_id", "caseload_full"),
        "every refusal is 409 caseload_full: {:?}",
        refusals(&answers)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_plans_for_the_same_period_make_one_internship() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let org = organisation_id(&app, "Bakkerij De Korenbloem").await;
    let amal = participant_id(&app, "Amal").await;
    complete_training(&app, &amal).await;
    let planned = "SELECT COUNT(*) FROM internships WHERE participant_id = $1 AND cancelled = 0";
    assert_eq!(
        count(&app, planned, &[amal.as_str()]).await,
        0,
        "no internship yet"
    );
    let start = today() + Days::new(7);
    let period = internship(&org, start, 56, 24);

    let answers = all_at_once(&coach, vec![period; PARALLEL], |api, input| {
        let amal = amal.clone();
        async move { api.plan_internship(&amal, &input).await }
    })
    .await;

    let stored = count(&app, planned, &[amal.as_str()]).await;
    let created = succeeded(&answers);
    assert_eq!(
        stored, 1,
        "Amal has {stored} overlapping internships ({created} of {PARALLEL} parallel plans created)"
    );
    assert_eq!(created, 1);
    assert!(
        answers.iter().filter_map(|a| a.as_ref().err()).all(|r| {
            r.status == StatusCode::CONFLICT
                && matches!(r.violations().as_slice(), [(_, "internship_overlap")])
        }),
        "every refusal is 409 internship_overlap: {:?}",
        refusals(&answers)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_expenses_never_take_the_budget_past_its_cap() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let budget = coach
        .budget(&amal)
        .await
        .unwrap_or_else(|r| panic!("the budget is shown: {r}"));
    let cap = budget.cap_cents;
    assert_eq!(budget.used_cents, 0, "nothing spent yet");
    let committed = "SELECT COALESCE(SUM(amount_cents), 0) FROM expenses \
                     WHERE participant_id = $1 AND status <> 'rejected'";
    assert_eq!(count(&app, committed, &[amal.as_str()]).await, 0);
    // Twenty requests of a tenth of the cap: twice what fits.
    let amount = cap / 10;
    assert_eq!(amount * 10, cap, "the cap divides into ten");

    let answers = all_at_once(&coach, vec![expense(amount); PARALLEL], |api, input| {
        let amal = amal.clone();
        async move { api.request_expense(&amal, &input).await }
    })
    .await;

    let stored = count(&app, committed, &[amal.as_str()]).await;
    let created = i64::try_from(succeeded(&answers)).unwrap();
    assert!(
        stored <= cap,
        "{stored} cents committed against a cap of {cap} ({created} of {PARALLEL} created)"
    );
    assert_eq!(
        stored,
        created * amount,
        "every 201 is stored, nothing else"
    );
    assert!(
        all_refused_with(&answers, "amount_cents", "budget_exceeded"),
        "every refusal is 409 budget_exceeded ({created} of {PARALLEL} created, {stored} of {cap} cents committed): {:?}",
        refusals(&answers)
    );
    // Refused only for a full budget: with equal amounts the budget ends exactly full.
    assert_eq!(stored, cap, "{created} of {PARALLEL} created");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_consents_keep_one_row_per_recipient_and_purpose() {
    let app = spawn_app_with(true).await;
    let me = app.signed_in("participant@example.org").await;
    let org = organisation_id(&app, "Bakkerij De Korenbloem").await;
    let amal = participant_id(&app, "Amal").await;
    let rows = "SELECT COUNT(*) FROM consents WHERE participant_id = $1 \
                AND purpose = 'introduction_profile' AND organisation_id = $2";
    assert_eq!(
        count(&app, rows, &[amal.as_str(), org.as_str()]).await,
        0,
        "no consent yet"
    );
    let consent = ConsentInput {
        purpose: ConsentPurpose::IntroductionProfile,
        organisation_id: Some(org.clone()),
        municipality_id: None,
        given: true,
    };

    let answers = all_at_once(&me, vec![consent; PARALLEL], |api, input| {
        let amal = amal.clone();
        async move { api.set_consent(&amal, &input).await }
    })
    .await;

    let stored = count(&app, rows, &[amal.as_str(), org.as_str()]).await;
    assert!(
        refusals(&answers).is_empty(),
        "every consent write succeeds: {:?}",
        refusals(&answers)
    );
    assert_eq!(
        stored, 1,
        "{stored} consent rows for one participant, purpose and organisation"
    );
    let consents = me
        .consents(&amal)
        .await
        .unwrap_or_else(|r| panic!("the consents are shown: {r}"));
    let shown = consents
        .iter()
        .filter(|c| {
            c.purpose == ConsentPurpose::IntroductionProfile
                && c.organisation_id.as_ref() == Some(&org)
        })
        .count();
    assert_eq!(shown, 1, "the participant sees one consent: {consents:?}");
}

/// A coordinator of two municipalities moves a participant out of the other coordinator's region
/// while that coordinator sends nineteen edits of the same participant, each with the version the
/// move will leave. The region is checked on the profile as stored inside each edit's write: no
/// edit lands outside its author's region, and every such refusal is in the audit log.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_edit_racing_a_move_out_of_the_region_is_refused_and_logged() {
    let app = spawn_app_with(true).await;
    let utrecht = utrecht(&app).await;
    let rotterdam = municipality_id(&app, "GM0599").await;
    sqlx::query(
        "INSERT INTO user_municipalities (user_id, municipality_id) \
         SELECT id, $1 FROM users WHERE email = 'coordinator.rotterdam@example.org'",
    )
    .bind(utrecht.as_str())
    .execute(&app.db)
    .await
    .expect("the Rotterdam coordinator also serves Utrecht");
    let mover = app.signed_in("coordinator.rotterdam@example.org").await;
    let editor = app.signed_in("coordinator@example.org").await;
    let id = participant_id(&app, "Amal").await;
    let before = editor.participant(&id).await.expect("Amal is in Utrecht");
    assert_eq!(before.municipality_id, utrecht);

    let mut inputs = vec![(
        mover.clone(),
        ParticipantPatch {
            municipality_id: Some(rotterdam.clone()),
            cohort_id: Some(None),
            coach_id: Some(None),
            version: before.version,
            ..ParticipantPatch::default()
        },
    )];
    inputs.extend((1..PARALLEL).map(|_| {
        (
            editor.clone(),
            ParticipantPatch {
                phone: Some("+31600000000".to_owned()),
                version: before.version + 1,
                ..ParticipantPatch::default()
            },
        )
    }));
    let logged_before = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'access.outside_scope' \
         AND record_type = 'municipality'",
        &[],
    )
    .await;
    let answers = all_at_once(&mover, inputs, |_, (api, patch)| {
        let id = id.clone();
        async move { api.update_participant(&id, &patch).await }
    })
    .await;

    let moved: Vec<_> = answers.iter().filter_map(|a| a.as_ref().ok()).collect();
    assert_eq!(
        moved.len(),
        1,
        "only the move succeeds: {:?}",
        refusals(&answers)
    );
    assert_eq!(moved[0].municipality_id, rotterdam);
    let outside = answers
        .iter()
        .filter_map(|a| a.as_ref().err())
        .filter(|r| {
            r.is(
                StatusCode::UNPROCESSABLE_ENTITY,
                "municipality_id",
                "unknown_record",
            )
        })
        .count();
    let others_allowed = answers.iter().filter_map(|a| a.as_ref().err()).all(|r| {
        r.status == StatusCode::NOT_FOUND
            || r.is(StatusCode::CONFLICT, "version", "stale_version")
            || r.is(
                StatusCode::UNPROCESSABLE_ENTITY,
                "municipality_id",
                "unknown_record",
            )
    });
    assert!(others_allowed, "{:?}", refusals(&answers));
    let after = mover.participant(&id).await.expect("the mover sees Amal");
    assert_eq!(after.municipality_id, rotterdam);
    assert_eq!(
        after.phone, before.phone,
        "no edit from outside the region landed"
    );
    assert_eq!(after.version, before.version + 1);
    let logged = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'access.outside_scope' \
         AND record_type = 'municipality'",
        &[],
    )
    .await;
    assert_eq!(
        usize::try_from(logged - logged_before).expect("a count"),
        outside,
        "every refusal outside the region is in the audit log"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_registrations_never_take_an_event_past_its_capacity() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let utrecht = utrecht(&app).await;
    let event = coordinator
        .create_event(&crate::events::expert_meeting(&[&utrecht], 5))
        .await
        .unwrap();
    let names: Vec<String> = (b'a'..)
        .take(PARALLEL)
        .map(|letter| format!("Collega {}", char::from(letter).to_ascii_uppercase()))
        .collect();
    let id = event.id.clone();
    let answers = all_at_once(&company, names, move |api, name| {
        let id = id.clone();
        async move { api.register_for_event(&id, &name, "Begeleider").await }
    })
    .await;
    assert_eq!(succeeded(&answers), 5, "{:?}", refusals(&answers));
    assert!(all_refused_with(&answers, "", "capacity_full"));
    let stored = coordinator.event(&event.id).await.unwrap();
    assert_eq!(stored.registrations.len(), 5);
    assert_eq!(stored.places_left, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_parallel_placements_with_benefit_never_pass_the_24_months_together() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let org = organisation_id(&app, "Bakkerij De Korenbloem").await;
    let amal = participant_id(&app, "Amal").await;
    complete_training(&app, &amal).await;
    // An earlier work-experience placement of 650 days: 56 more days fit in the 24 months
    // (about 730 days), twice 56 do not.
    let earlier_start = today() - Days::new(800);
    sqlx::query(
        "INSERT INTO internships (id, participant_id, organisation_id, start_date, end_date, \
         original_end_date, hours_per_week, supervisor_name, kind) \
         VALUES ('earlier-placement', $1, $2, $3, $4, $4, 24, 'Henk de Bakker', 'werkervaringsplaats')",
    )
    .bind(amal.as_str())
    .bind(org.as_str())
    .bind(earlier_start)
    .bind(earlier_start + Days::new(649))
    .execute(&app.db)
    .await
    .expect("the earlier placement is stored");
    let with_benefit = "SELECT COUNT(*) FROM internships \
                        WHERE participant_id = $1 AND kind = 'werkervaringsplaats' AND cancelled = 0";
    assert_eq!(count(&app, with_benefit, &[amal.as_str()]).await, 1);
    // Twenty plans of 8 weeks each, none overlapping another: each alone fits.
    let plans: Vec<_> = (0..PARALLEL as u64)
        .map(|i| shared::api::InternshipInput {
            kind: shared::rules::placement::PlacementKind::Werkervaringsplaats,
            ..internship(&org, today() + Days::new(7 + 60 * i), 56, 24)
        })
        .collect();

    let answers = all_at_once(&coach, plans, |api, input| {
        let amal = amal.clone();
        async move { api.plan_internship(&amal, &input).await }
    })
    .await;

    let created = succeeded(&answers);
    assert_eq!(
        count(&app, with_benefit, &[amal.as_str()]).await,
        2,
        "{created} of {PARALLEL} parallel placements were created; refusals: {:?}",
        refusals(&answers)
    );
    assert_eq!(created, 1);
    // The total is one of the placement rules, refused as they are: 422 with its code.
    assert!(
        answers
            .iter()
            .filter_map(|a| a.as_ref().err())
            .all(|r| r.is(
                StatusCode::UNPROCESSABLE_ENTITY,
                "end_date",
                "placement_total_exceeded"
            )),
        "every refusal is 422 placement_total_exceeded: {:?}",
        refusals(&answers)
    );
}

/// One of twenty registrations for a company visit, or the visit's closing.
#[derive(Clone)]
enum VisitStep {
    Register(shared::ids::ParticipantId),
    Close(shared::ids::OpeningId, i64),
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visit_closed_while_twenty_register_takes_no_one_after_it_closed() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let m = utrecht(&app).await;
    let mut people = Vec::new();
    for input in intakes(&m, None, None, "visitor") {
        let created = coordinator.create_participant(&input).await;
        people.push(created.unwrap_or_else(|r| panic!("an intake: {r}")).id);
    }
    let visit: String = sqlx::query_scalar(
        "SELECT o.id FROM openings o JOIN organisations g ON g.id = o.organisation_id \
         WHERE o.kind = 'company_visit' AND o.status = 'open' AND g.municipality_id = $1 LIMIT 1",
    )
    .bind(m.as_str())
    .fetch_one(&app.db)
    .await
    .expect("an open company visit in Utrecht");
    sqlx::query("UPDATE openings SET capacity = 25 WHERE id = $1")
        .bind(&visit)
        .execute(&app.db)
        .await
        .expect("room for everyone");
    let visit = shared::ids::OpeningId::parse(visit).unwrap();
    let version = coordinator.opening(&visit).await.unwrap().version;
    let mut steps: Vec<VisitStep> = people.into_iter().map(VisitStep::Register).collect();
    steps.insert(PARALLEL / 2, VisitStep::Close(visit.clone(), version));

    let answers = all_at_once(&coordinator, steps, |api, step| {
        let (visit, db) = (visit.clone(), app.db.clone());
        async move {
            match step {
                VisitStep::Register(p) => api.register(&visit, &p).await.map(|_| ()),
                // The visit closes amid the registrations: once a few are stored.
                VisitStep::Close(id, version) => {
                    until_counted(
                        &db,
                        "SELECT COUNT(*) FROM registrations WHERE opening_id = $1",
                        id.as_str(),
                        3,
                    )
                    .await;
                    api.update_opening(
                        &id,
                        &shared::api::OpeningPatch {
                            status: Some(shared::rules::openings::OpeningStatus::Closed),
                            opening: None,
                            version,
                        },
                    )
                    .await
                    .map(|_| ())
                }
            }
        }
    })
    .await;

    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM openings WHERE id = $1 AND status = 'closed'",
            &[visit.as_str()]
        )
        .await,
        1,
        "the visit closed: {:?}",
        refusals(&answers)
    );
    // Writes commit one at a time, each with its audit entry: the audit log's order is the
    // order of the commits.
    let after_closing = count(
        &app,
        "SELECT COUNT(*) FROM audit_log r WHERE r.action = 'registration.create' \
         AND r.outcome = 'success' AND r.rowid > \
         (SELECT c.rowid FROM audit_log c WHERE c.action = 'opening.update' AND c.record_id = $1)",
        &[visit.as_str()],
    )
    .await;
    assert_eq!(
        after_closing, 0,
        "registrations stored after the visit closed"
    );
    let registered = count(
        &app,
        "SELECT COUNT(*) FROM registrations WHERE opening_id = $1",
        &[visit.as_str()],
    )
    .await;
    assert!(
        registered >= 3,
        "{registered} registered: {:?}",
        refusals(&answers)
    );
    assert_eq!(
        usize::try_from(registered).unwrap(),
        succeeded(&answers) - 1,
        "every registration answered 201 is stored"
    );
}

/// One of twenty budget requests, or the coordinator lowering the municipality's cap.
#[derive(Clone)]
enum BudgetStep {
    Request,
    LowerCap(shared::api::MunicipalityDetail, i64),
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cap_lowered_while_twenty_request_takes_no_request_past_it() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let municipality_id = coach.participant(&amal).await.unwrap().municipality_id;
    let municipality = coordinator
        .municipalities()
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|m| m.id == municipality_id)
        .expect("Amal's municipality in the coordinator's region");
    let cap = coach.budget(&amal).await.unwrap().cap_cents;
    // Twenty requests of a fortieth of the cap fit; the cap then falls to what three take.
    let amount = cap / 40;
    let lowered = 3 * amount;
    let mut steps = vec![BudgetStep::Request; PARALLEL];
    steps.insert(PARALLEL / 2, BudgetStep::LowerCap(municipality, lowered));

    let answers = all_at_once(&coach, steps, |api, step| {
        let (amal, coordinator, db) = (amal.clone(), coordinator.clone(), app.db.clone());
        async move {
            match step {
                BudgetStep::Request => api
                    .request_expense(&amal, &expense(amount))
                    .await
                    .map(|_| ()),
                // The cap falls amid the requests: once a few are stored.
                BudgetStep::LowerCap(m, cents) => {
                    until_counted(
                        &db,
                        "SELECT COUNT(*) FROM expenses WHERE participant_id = $1",
                        amal.as_str(),
                        3,
                    )
                    .await;
                    let input = shared::api::MunicipalityInput {
                        cbs_code: m.cbs_code.to_string(),
                        name: m.name.clone(),
                        agreement: shared::api::AgreementInput {
                            start_date: Some(m.agreement.start_date),
                            end_date: Some(m.agreement.end_date),
                            contracted_participants: Some(m.agreement.contracted_participants),
                            budget_cap_cents: Some(cents),
                        },
                        version: Some(m.version),
                    };
                    coordinator
                        .update_municipality(&m.id, &input)
                        .await
                        .map(|_| ())
                }
            }
        }
    })
    .await;

    assert_eq!(
        coach.budget(&amal).await.unwrap().cap_cents,
        lowered,
        "the cap fell: {:?}",
        refusals(&answers)
    );
    // Writes commit one at a time, each with its audit entry: the audit log's order is the
    // order of the commits.
    let after_lowering = count(
        &app,
        "SELECT COUNT(*) FROM audit_log r WHERE r.action = 'expense.create' \
         AND r.outcome = 'success' AND r.rowid > \
         (SELECT c.rowid FROM audit_log c WHERE c.action = 'municipality.update' \
          AND c.outcome = 'success')",
        &[],
    )
    .await;
    assert_eq!(after_lowering, 0, "requests stored past the lowered cap");
    let stored = count(
        &app,
        "SELECT COUNT(*) FROM expenses WHERE participant_id = $1",
        &[amal.as_str()],
    )
    .await;
    assert!(stored >= 3, "{stored} stored: {:?}", refusals(&answers));
    assert_eq!(
        usize::try_from(stored).unwrap(),
        succeeded(&answers) - 1,
        "every request answered 201 is stored"
    );
}

/// An invited account accepting its invitation, or a coordinator disabling it.
enum InvitedStep {
    Accept(String),
    Disable(UserId, i64),
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_disabled_while_its_invitation_is_accepted_gets_no_password_after() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let mut steps = Vec::new();
    for n in 0..PARALLEL / 2 {
        let email = format!("invited-coach-{n}@example.org");
        let created = coordinator
            .invite(&InvitationInput {
                email: email.clone(),
                role: Role::Coach,
                participant_id: None,
                organisation_id: None,
                municipality_id: Some(utrecht(&app).await),
            })
            .await
            .unwrap_or_else(|r| panic!("the invitation is made: {r}"));
        let token = created.link.split_once('#').expect("a token").1.to_owned();
        let (id, version): (String, i64) =
            sqlx::query_as("SELECT id, version FROM users WHERE email = $1")
                .bind(&email)
                .fetch_one(&app.db)
                .await
                .expect("the invited account");
        steps.push(InvitedStep::Accept(token));
        steps.push(InvitedStep::Disable(UserId::parse(id).unwrap(), version));
    }
    let anonymous = app.anonymous();

    let answers = all_at_once(&coordinator, steps, |api, step| {
        let anonymous = anonymous.clone();
        async move {
            match step {
                InvitedStep::Accept(token) => anonymous
                    .accept_invitation(&AcceptInvitationInput {
                        token,
                        password: "a long and rare passphrase".into(),
                    })
                    .await
                    .map(|_| ()),
                InvitedStep::Disable(id, version) => {
                    api.disable_user(&id, version).await.map(|_| ())
                }
            }
        }
    })
    .await;

    // A disabling sent after an acceptance committed finds a newer version (409); every other
    // one disables the account.
    let disabled = count(
        &app,
        "SELECT COUNT(*) FROM users WHERE email LIKE 'invited-coach-%' AND disabled = 1",
        &[],
    )
    .await;
    assert!(disabled > 0, "none disabled: {:?}", refusals(&answers));
    assert_eq!(
        disabled,
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'user.disable' AND outcome = 'success'",
            &[],
        )
        .await
    );
    // Writes commit one at a time, each with its audit entry: the audit log's order is the
    // order of the commits.
    let accepted_after = count(
        &app,
        "SELECT COUNT(*) FROM audit_log a JOIN audit_log d ON d.action = 'user.disable' \
         AND d.outcome = 'success' AND d.record_id = a.actor_user_id \
         WHERE a.action = 'invitation.accept' AND a.outcome = 'success' AND a.rowid > d.rowid",
        &[],
    )
    .await;
    assert_eq!(
        accepted_after, 0,
        "passwords set on accounts already disabled"
    );
}

/// An invitation for a participant's account, or the participant's erasure.
enum InviteStep {
    Invite(String),
    Erase,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitations_sent_while_a_participant_is_erased_copy_nothing_of_them() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let mut steps: Vec<InviteStep> = (1..PARALLEL)
        .map(|n| InviteStep::Invite(format!("amal-{n}@example.org")))
        .collect();
    steps.insert(PARALLEL / 2, InviteStep::Erase);

    let answers = all_at_once(&coordinator, steps, |api, step| {
        let amal = amal.clone();
        async move {
            match step {
                InviteStep::Invite(email) => api
                    .invite(&InvitationInput {
                        email,
                        role: Role::Participant,
                        participant_id: Some(amal),
                        organisation_id: None,
                        municipality_id: None,
                    })
                    .await
                    .map(|_| ()),
                InviteStep::Erase => api.erase(&amal, "Amal Haddad").await,
            }
        }
    })
    .await;

    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM participants WHERE id = $1 AND first_name = 'Amal'",
            &[amal.as_str()],
        )
        .await,
        0,
        "the participant is erased: {:?}",
        refusals(&answers)
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM users WHERE participant_id = $1 AND first_name = 'Amal'",
            &[amal.as_str()],
        )
        .await,
        0,
        "an account keeps the first name of an erased participant: {:?}",
        refusals(&answers)
    );
}

/// The coach logging a contact, or the coordinator's step that ends the coach's access.
#[derive(Clone)]
enum CoachStep {
    Log,
    Reassign(UserId, i64),
    Disable(UserId, i64),
}

/// The demo coach logs twenty contacts for Amal at once while the coordinator takes `step` once
/// three are stored. Answers every answer; the audit log holds the commit order.
async fn contacts_racing(app: &TestApp, coordinator: &Api, step: CoachStep) -> Vec<Answer<()>> {
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(app, "Amal").await;
    let mut steps = vec![CoachStep::Log; PARALLEL];
    steps.insert(PARALLEL / 2, step);
    all_at_once(&coach, steps, |api, step| {
        let (amal, coordinator, db) = (amal.clone(), coordinator.clone(), app.db.clone());
        async move {
            if matches!(step, CoachStep::Log) {
                return api
                    .log_contact(
                        &amal,
                        &ContactInput {
                            date: Some(today()),
                            kind: Some(ContactKind::Call),
                            minutes: Some(15),
                            note: String::new(),
                            summary: "Gebeld over de stage.".into(),
                        },
                    )
                    .await
                    .map(|_| ());
            }
            // The coordinator acts amid the entries: once a few are stored.
            until_counted(
                &db,
                "SELECT COUNT(*) FROM contacts WHERE participant_id = $1",
                amal.as_str(),
                3,
            )
            .await;
            match step {
                CoachStep::Log => unreachable!("answered above"),
                CoachStep::Reassign(next, version) => coordinator
                    .update_participant(
                        &amal,
                        &ParticipantPatch {
                            coach_id: Some(Some(next)),
                            version,
                            ..ParticipantPatch::default()
                        },
                    )
                    .await
                    .map(|_| ()),
                CoachStep::Disable(coach, version) => {
                    coordinator.disable_user(&coach, version).await.map(|_| ())
                }
            }
        }
    })
    .await
}

/// How many contacts were stored after the coordinator's step `action` committed (writes commit
/// one at a time, each with its audit entry: the audit log's order is the order of the commits).
async fn contacts_after(app: &TestApp, action: &str) -> i64 {
    count(
        app,
        "SELECT COUNT(*) FROM audit_log r WHERE r.action = 'contact.create' \
         AND r.outcome = 'success' AND r.rowid > (SELECT c.rowid FROM audit_log c \
         WHERE c.action = $1 AND c.outcome = 'success')",
        &[action],
    )
    .await
}

/// A coordinator gives a participant another coach while the old coach logs twenty contacts.
/// The coach's tie to the participant is checked on the participant as stored inside each
/// entry's write: no entry of the old coach lands after the reassignment, and every refusal is
/// in the audit log.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coach_replaced_while_logging_twenty_contacts_logs_none_after() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let before = coordinator.participant(&amal).await.unwrap();
    let next_coach = new_coach(&app, &coordinator, "coach.next@example.org").await;
    assert_ne!(before.coach_id.as_ref(), Some(&next_coach));
    let refusals_logged = "SELECT COUNT(*) FROM audit_log \
        WHERE action = 'access.outside_scope' AND record_type = 'contact'";
    let refused_before = count(&app, refusals_logged, &[]).await;

    let answers = contacts_racing(
        &app,
        &coordinator,
        CoachStep::Reassign(next_coach.clone(), before.version),
    )
    .await;

    let after = coordinator.participant(&amal).await.unwrap();
    assert_eq!(
        after.coach_id,
        Some(next_coach),
        "the coach was replaced: {:?}",
        refusals(&answers)
    );
    assert_eq!(
        contacts_after(&app, "participant.update").await,
        0,
        "entries of the old coach stored after the reassignment"
    );
    let stored = count(
        &app,
        "SELECT COUNT(*) FROM contacts WHERE participant_id = $1",
        &[amal.as_str()],
    )
    .await;
    assert!(stored >= 3, "{stored} stored: {:?}", refusals(&answers));
    let not_found = answers
        .iter()
        .filter_map(|a| a.as_ref().err())
        .filter(|r| r.status == StatusCode::NOT_FOUND)
        .count();
    assert_eq!(
        not_found + succeeded(&answers),
        PARALLEL + 1,
        "every entry is stored or refused as out of reach: {:?}",
        refusals(&answers)
    );
    assert_eq!(
        usize::try_from(count(&app, refusals_logged, &[]).await - refused_before).expect("a count"),
        not_found,
        "every refusal is in the audit log"
    );
}

/// A coordinator disables a coach's account while the coach logs twenty contacts: the account
/// is checked as stored inside each entry's write, so none lands after the disabling.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coach_disabled_while_logging_twenty_contacts_logs_none_after() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let (coach, version): (String, i64) =
        sqlx::query_as("SELECT id, version FROM users WHERE email = 'coach@example.org'")
            .fetch_one(&app.db)
            .await
            .expect("the demo coach");

    let answers = contacts_racing(
        &app,
        &coordinator,
        CoachStep::Disable(UserId::parse(coach).unwrap(), version),
    )
    .await;

    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM users WHERE email = 'coach@example.org' AND disabled = 1",
            &[],
        )
        .await,
        1,
        "the coach was disabled: {:?}",
        refusals(&answers)
    );
    assert_eq!(
        contacts_after(&app, "user.disable").await,
        0,
        "entries stored after the coach's account was disabled"
    );
    let unauthenticated = answers
        .iter()
        .filter_map(|a| a.as_ref().err())
        .filter(|r| r.status == StatusCode::UNAUTHORIZED)
        .count();
    assert_eq!(
        unauthenticated + succeeded(&answers),
        PARALLEL + 1,
        "every entry is stored or refused as signed out: {:?}",
        refusals(&answers)
    );
}
