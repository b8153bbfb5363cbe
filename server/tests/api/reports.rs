//! The municipality report (figures on a fixture with known counts, small cells, consent, scope)
//! and the nudges (each kind raised and cleared, each account's scope).

use chrono::{Datelike, Days, Months, NaiveDate};
use reqwest::StatusCode;
use shared::{
    api::{AgreementInput, ErrorKind, FollowUpInput, FollowUpPatch, MunicipalityInput, NudgeItem},
    ids::{MunicipalityId, OutcomeId, ParticipantId},
    rules::{coach::Nudge, reports::ReportCount},
};

use crate::{
    client::Refused,
    helpers::{TestApp, municipality_id, organisation_id, spawn_app_with, today, user_id},
};

async fn run(app: &TestApp, sql: &'static str, binds: &[&str]) {
    let mut query = sqlx::query(sql);
    for b in binds {
        query = query.bind(b.to_string());
    }
    query.execute(&app.db).await.expect("the fixture is stored");
}

fn day(d: NaiveDate) -> String {
    d.to_string()
}

/// A participant `id` of `municipality` in `cohort` (if any), with `coach` (if any), at rung 2.
async fn participant(
    app: &TestApp,
    id: &str,
    municipality: &str,
    cohort: Option<&str>,
    coach: Option<&str>,
) {
    sqlx::query(
        "INSERT INTO participants (id, first_name, last_name, email, languages, dutch_level, \
         municipality_id, cohort_id, coach_id, ladder_rung_at_intake) \
         VALUES ($1, 'Test', $1, $1 || '@example.org', 'ar', 'A1', $2, $3, $4, 2)",
    )
    .bind(id)
    .bind(municipality)
    .bind(cohort)
    .bind(coach)
    .execute(&app.db)
    .await
    .expect("the participant is stored");
}

/// A cohort of `municipality` whose 8 meetings are a week apart from `first`.
async fn cohort(app: &TestApp, id: &str, municipality: &str, first: NaiveDate) {
    run(
        app,
        "INSERT INTO cohorts (id, municipality_id, name, location) VALUES ($1, $2, $1, 'Zaal')",
        &[id, municipality],
    )
    .await;
    for n in 0..8u64 {
        run(
            app,
            "INSERT INTO meetings (cohort_id, number, date, start_time, place) \
             VALUES ($1, CAST($2 AS INTEGER), $3, '10:00', 'Zaal')",
            &[id, &(n + 1).to_string(), &day(first + Days::new(7 * n))],
        )
        .await;
    }
}

async fn attend(app: &TestApp, cohort: &str, number: u32, participant: &str, status: &str) {
    run(
        app,
        "INSERT INTO attendance (cohort_id, number, participant_id, status) \
         VALUES ($1, CAST($2 AS INTEGER), $3, $4) \
         ON CONFLICT (cohort_id, number, participant_id) DO UPDATE SET status = excluded.status",
        &[cohort, &number.to_string(), participant, status],
    )
    .await;
}

async fn outcome(app: &TestApp, id: &str, participant: &str, kind: &str, date: NaiveDate) {
    run(
        app,
        "INSERT INTO outcomes (id, participant_id, kind, date, hours_per_week, contract, exit_rung, \
         created_at) VALUES ($1, $2, $3, $4, \
         CASE WHEN $3 = 'paid_job' THEN 32 END, CASE WHEN $3 = 'paid_job' THEN 'permanent' END, 5, $4)",
        &[id, participant, kind, &day(date)],
    )
    .await;
}

async fn consent(app: &TestApp, participant: &str, municipality: &str, given: bool) {
    run(
        app,
        "INSERT INTO consents (id, participant_id, purpose, municipality_id, given, changed_on) \
         VALUES ('consent-' || $1, $1, 'municipality_results', $2, CAST($3 AS INTEGER), '2026-01-01')",
        &[participant, municipality, if given { "1" } else { "0" }],
    )
    .await;
}

/// Groningen, in the demo coordinator's region: 8 participants who started 150 days ago and
/// completed their training; 6 consent to results for the municipality, one withdrew and one was
/// never asked. Of the 6, 3 found a paid job and 2 went into education, 100 days after the start;
/// the one who withdrew found a job too.
async fn groningen(app: &TestApp) -> MunicipalityId {
    let coordinator = app.signed_in("coordinator@example.org").await;
    let today = today();
    let created = coordinator
        .create_municipality(&MunicipalityInput {
            cbs_code: "GM0014".into(),
            name: "Groningen".into(),
            version: None,
            agreement: AgreementInput {
                start_date: Some(today - Days::new(365)),
                end_date: Some(today + Days::new(365)),
                contracted_participants: Some(20),
                budget_cap_cents: None,
            },
        })
        .await
        .unwrap();
    let m = created.id.to_string();
    let first = today - Days::new(150);
    cohort(app, "cohort-g", &m, first).await;
    for n in 1..=8 {
        let id = format!("pg{n}");
        participant(app, &id, &m, Some("cohort-g"), None).await;
        for meeting in 1..=6 {
            attend(app, "cohort-g", meeting, &id, "present").await;
        }
        match n {
            1..=6 => consent(app, &id, &m, true).await,
            7 => consent(app, &id, &m, false).await,
            _ => {}
        }
    }
    let on = first + Days::new(100);
    for (n, kind) in [
        (1, "paid_job"),
        (2, "paid_job"),
        (3, "paid_job"),
        (4, "education"),
    ] {
        outcome(app, &format!("og{n}"), &format!("pg{n}"), kind, on).await;
    }
    outcome(app, "og5", "pg5", "education", on).await;
    outcome(app, "og7", "pg7", "paid_job", on).await;
    created.id
}

#[tokio::test]
async fn the_report_counts_who_became_ready_for_the_final_interview_per_month() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let groningen = groningen(&app).await;
    let bakery = organisation_id(&app, "Bakkerij De Korenbloem").await;
    let start = today() - Days::new(90);
    // Everyone of Groningen attends the last two meetings too and, on the B1 route, does an
    // internship of 20 hours a week: its first 14 days make the 40 practice hours. The one on
    // the education route is never counted; pg7 withdrew their results consent.
    for n in 1..=8 {
        let id = format!("pg{n}");
        for meeting in 7..=8 {
            attend(&app, "cohort-g", meeting, &id, "present").await;
        }
        let route = if n == 2 { "education" } else { "b1" };
        run(
            &app,
            "UPDATE participants SET integration_route = $1 WHERE id = $2",
            &[route, &id],
        )
        .await;
        run(
            &app,
            "INSERT INTO internships (id, participant_id, organisation_id, start_date, end_date, \
             original_end_date, hours_per_week, supervisor_name) \
             VALUES ('i-' || $1, $1, $2, $3, $4, $4, 20, 'Henk de Bakker')",
            &[
                &id,
                bakery.as_str(),
                &day(start),
                &day(start + Days::new(55)),
            ],
        )
        .await;
    }
    let ready_on = coordinator
        .map_evidence(&ParticipantId::parse("pg1").unwrap())
        .await
        .unwrap()
        .ready_on
        .expect("pg1 is ready for the final interview");
    let from = today() - Days::new(200);

    let report = coordinator
        .report(&groningen, &format!("from={from}&to={}", today()))
        .await
        .unwrap();

    // pg1 and pg3..pg6: five with consent on the B1 route, all ready on the same day.
    assert_eq!(report.ready_for_final_interview, ReportCount::Exact(5));
    let months: Vec<NaiveDate> = report.ready_per_month.iter().map(|m| m.month).collect();
    assert_eq!(months.first(), from.with_day(1).as_ref());
    assert_eq!(months.last(), today().with_day(1).as_ref());
    assert!(months.windows(2).all(|w| w[0] + Months::new(1) == w[1]));
    for month in &report.ready_per_month {
        let expected = if month.month == ready_on.with_day(1).unwrap() {
            ReportCount::Exact(5)
        } else {
            ReportCount::FewerThanFive
        };
        assert_eq!(month.count, expected, "{}", month.month);
    }
    // A period that ends before that day counts none of them.
    let before = coordinator
        .report(
            &groningen,
            &format!("from={from}&to={}", ready_on - Days::new(1)),
        )
        .await
        .unwrap();
    assert_eq!(before.ready_for_final_interview, ReportCount::FewerThanFive);
}

#[tokio::test]
async fn the_report_counts_the_fixture_hides_small_cells_and_leaves_out_who_did_not_consent() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let before = coordinator.report(&utrecht, "").await.unwrap();
    let groningen = groningen(&app).await;
    let today = today();
    let from = today - Days::new(200);

    let report = coordinator
        .report(&groningen, &format!("from={from}&to={today}"))
        .await
        .unwrap();
    assert_eq!((report.from, report.to), (from, today));
    // 8 started; the one who withdrew and the one never asked are not counted.
    assert_eq!(report.started, ReportCount::Exact(6));
    assert_eq!(report.in_training, ReportCount::Exact(6));
    assert_eq!(report.training_completed, ReportCount::Exact(6));
    // A cell of 3 (and of 2, and of none) leaves the server as `<5`.
    assert_eq!(report.outcomes.paid_job, ReportCount::FewerThanFive);
    assert_eq!(report.outcomes.education, ReportCount::FewerThanFive);
    assert_eq!(report.outcomes.none, ReportCount::FewerThanFive);
    assert_eq!(report.outcomes.total, ReportCount::Exact(5));
    assert_eq!(report.visits, ReportCount::FewerThanFive);
    assert_eq!(report.median_days_to_outcome, Some(100));
    assert_eq!(report.ladder.intake_to_exit.up, ReportCount::Exact(5));
    let agreement = report
        .agreement
        .clone()
        .expect("Groningen has an agreement");
    assert_eq!(
        (agreement.contracted, agreement.started),
        (20, ReportCount::Exact(6))
    );
    // The whole programme counts every participant who started, the 8 of Groningen included.
    assert_eq!(report.programme_started, before.programme_started + 8);
    assert_eq!(report.programme_aim, 1500);

    // The same figures as JSON: `<5` is the text, never the number.
    let raw: serde_json::Value = app
        .get_with(
            &app.demo("coordinator@example.org").await,
            &format!("/api/v1/reports/municipalities/{groningen}?from={from}&to={today}"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(raw["outcomes"]["paid_job"], "<5");
    assert_eq!(raw["started"], 6);

    // A period before anyone started shows no count at all.
    let early = coordinator
        .report(
            &groningen,
            &format!(
                "from={}&to={}",
                today - Days::new(400),
                today - Days::new(300)
            ),
        )
        .await
        .unwrap();
    assert_eq!(early.started, ReportCount::FewerThanFive);
    assert_eq!(early.median_days_to_outcome, None);

    // One more withdrawal: 5 started remain, still shown; the job of the one who withdrew was
    // never counted.
    run(
        &app,
        "UPDATE consents SET given = 0 WHERE participant_id = 'pg6'",
        &[],
    )
    .await;
    let fewer = coordinator.report(&groningen, "").await.unwrap();
    assert_eq!(fewer.started, ReportCount::Exact(5));
    assert_eq!(fewer.outcomes.total, ReportCount::Exact(5));
}

#[tokio::test]
async fn a_period_that_ends_before_it_starts_is_refused() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let refused = coordinator
        .report(&utrecht, "from=2026-03-01&to=2026-02-28")
        .await
        .refused(ErrorKind::Validation);
    assert_eq!(refused.violations(), [("to", "end_before_start")]);
    let refused = coordinator
        .report(&utrecht, "from=someday")
        .await
        .refused(ErrorKind::BadRequest);
    assert!(refused.violations().is_empty());
}

#[tokio::test]
async fn a_municipality_viewer_reaches_only_their_own_municipalitys_report() {
    let app = spawn_app_with(true).await;
    let groningen = groningen(&app).await;
    let viewer = app.signed_in("municipality@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let rotterdam = municipality_id(&app, "GM0599").await;
    let own = viewer.report(&utrecht, "").await.unwrap();
    assert_eq!(own.municipality_id, utrecht);
    for other in [&rotterdam, &groningen] {
        viewer.report(other, "").await.refused(ErrorKind::NotFound);
    }
    // The coordinator of Rotterdam does not reach Utrecht either; a coach has no reports.
    let rotterdam_coordinator = app.signed_in("coordinator.rotterdam@example.org").await;
    rotterdam_coordinator
        .report(&utrecht, "")
        .await
        .refused(ErrorKind::NotFound);
    let coach = app.signed_in("coach@example.org").await;
    coach
        .report(&utrecht, "")
        .await
        .refused(ErrorKind::Forbidden);
}

fn about<'a>(items: &'a [NudgeItem], participant: &str) -> Vec<&'a Nudge> {
    items
        .iter()
        .filter(|i| i.participant_id.as_ref().map(ParticipantId::as_str) == Some(participant))
        .map(|i| &i.nudge)
        .collect()
}

#[tokio::test]
async fn every_nudge_kind_is_raised_and_cleared() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let coach = app.signed_in("coach@example.org").await;
    let today = today();
    let utrecht = municipality_id(&app, "GM0344").await.to_string();
    let coach_id = user_id(&app, "coach@example.org").await.to_string();
    let coach3 = user_id(&app, "coach3@example.org").await.to_string();
    // Amira's cohort began 20 days ago; two meetings are held, she was absent at both.
    cohort(&app, "cohort-n", &utrecht, today - Days::new(20)).await;
    run(
        &app,
        "DELETE FROM meetings WHERE cohort_id = 'cohort-n' AND number > 3",
        &[],
    )
    .await;
    run(
        &app,
        "UPDATE meetings SET date = $1 WHERE cohort_id = 'cohort-n' AND number = 3",
        &[&day(today + Days::new(1))],
    )
    .await;
    participant(&app, "amira", &utrecht, Some("cohort-n"), Some(&coach_id)).await;
    attend(&app, "cohort-n", 1, "amira", "absent").await;
    attend(&app, "cohort-n", 2, "amira", "absent").await;
    // Her internship ends in 5 days without a final evaluation; a budget request waits.
    let organisation: String = sqlx::query_scalar(
        "SELECT id FROM organisations WHERE municipality_id = $1 ORDER BY id LIMIT 1",
    )
    .bind(&utrecht)
    .fetch_one(&app.db)
    .await
    .unwrap();
    run(
        &app,
        "INSERT INTO internships (id, participant_id, organisation_id, start_date, end_date, \
         original_end_date, hours_per_week, supervisor_name) \
         VALUES ('int-a', 'amira', $1, $2, $3, $3, 24, 'Henk')",
        &[
            &organisation,
            &day(today - Days::new(50)),
            &day(today + Days::new(5)),
        ],
    )
    .await;
    run(
        &app,
        "INSERT INTO expenses (id, participant_id, category, amount_cents, description, status, \
         requested_on, created_at) VALUES ('exp-a', 'amira', 'course', 10000, 'Course', 'pending', $1, $1)",
        &[&day(today - Days::new(3))],
    )
    .await;
    // Bilal's job began six months ago today: the follow-up is due.
    participant(&app, "bilal", &utrecht, None, Some(&coach_id)).await;
    let job_date = today - Months::new(6);
    outcome(&app, "out-b", "bilal", "paid_job", job_date).await;
    // Coach 3 takes a fourth participant.
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM participants WHERE coach_id = $1")
        .bind(&coach3)
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(existing <= 3);
    for n in existing..4 {
        participant(&app, &format!("load{n}"), &utrecht, None, Some(&coach3)).await;
    }
    let coach3_over = |items: &[NudgeItem]| {
        items
            .iter()
            .any(|i| i.coach_id.as_ref().map(|c| c.as_str()) == Some(coach3.as_str()))
    };

    let items = coordinator.nudges().await.unwrap();
    let amira = about(&items, "amira");
    assert!(amira.contains(&&Nudge::NoContact { days: 20 }), "{amira:?}");
    assert!(amira.contains(&&Nudge::TwoAbsencesInARow));
    assert!(amira.contains(&&Nudge::InternshipEndingWithoutEvaluation {
        ends_on: today + Days::new(5)
    }));
    assert!(amira.contains(&&Nudge::BudgetRequestWaiting {
        requested_on: today - Days::new(3)
    }));
    assert_eq!(amira.len(), 4);
    assert_eq!(
        about(&items, "bilal"),
        [&Nudge::FollowUpDue {
            due: shared::rules::outcome::follow_up_due(job_date)
        }]
    );
    let over: Vec<_> = items
        .iter()
        .filter(|i| i.coach_id.as_ref().map(|c| c.as_str()) == Some(coach3.as_str()))
        .collect();
    assert_eq!(over.len(), 1);
    assert_eq!(
        over[0].nudge,
        Nudge::CoachOverCaseload { active: 4, max: 3 }
    );
    assert_eq!(over[0].participant_id, None);

    // The coach sees the nudges of their own participants, and no caseload of others.
    let own = coach.nudges().await.unwrap();
    assert_eq!(about(&own, "amira").len(), 4);
    assert_eq!(about(&own, "bilal").len(), 1);
    assert!(own.iter().all(|i| i.coach_id.is_none()));
    assert!(about(&own, "load3").is_empty());

    // Each is cleared by the fact it asks for.
    run(
        &app,
        "INSERT INTO contacts (id, participant_id, coach_id, date, kind, minutes, note, summary, \
         created_at) VALUES ('contact-a', 'amira', $1, $2, 'call', 15, '', 'Spoken', $2)",
        &[&coach_id, &day(today)],
    )
    .await;
    attend(&app, "cohort-n", 2, "amira", "made_up").await;
    run(
        &app,
        "INSERT INTO evaluations (id, internship_id, moment, evaluator, punctuality, cooperation, \
         dutch_at_work, professional_skills, remarks) VALUES ('ev-a', 'int-a', 'final', 'coach', 4, 4, 3, 4, '')",
        &[],
    )
    .await;
    run(
        &app,
        "UPDATE expenses SET status = 'approved' WHERE id = 'exp-a'",
        &[],
    )
    .await;
    let outcome_id: OutcomeId = "out-b".parse().unwrap();
    coordinator
        .follow_up(
            &outcome_id,
            &FollowUpPatch {
                follow_up: FollowUpInput {
                    date: Some(today),
                    lasted: Some(true),
                    ladder_rung: Some(6),
                },
                version: 1,
            },
        )
        .await
        .unwrap();
    run(
        &app,
        "UPDATE participants SET coach_id = NULL WHERE id = 'load3'",
        &[],
    )
    .await;

    let items = coordinator.nudges().await.unwrap();
    assert_eq!(about(&items, "amira"), Vec::<&Nudge>::new());
    assert_eq!(about(&items, "bilal"), Vec::<&Nudge>::new());
    assert!(!coach3_over(&items));
}

#[tokio::test]
async fn only_coordinators_and_coaches_have_nudges() {
    let app = spawn_app_with(true).await;
    for account in [
        "municipality@example.org",
        "participant@example.org",
        "company@example.org",
    ] {
        let api = app.signed_in(account).await;
        api.nudges().await.refused(ErrorKind::Forbidden);
    }
    let unauthenticated = app.get("/api/v1/nudges").await;
    assert_eq!(unauthenticated.status(), StatusCode::UNAUTHORIZED);
}
