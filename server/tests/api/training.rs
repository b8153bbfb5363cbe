//! Municipalities, cohorts and meetings, attendance, participants, the action plan, the contact
//! log and the participant's route: success, each validation code, conflicts, and roles.

use chrono::{Days, NaiveDate};
use reqwest::{Method, StatusCode};
use serde_json::json;
use shared::{
    api::{
        ActionInput, ActionPatch, AgreementInput, AttendanceInput, AttendanceLine, AttendanceRow,
        CohortInput, ContactInput, ErrorKind, GoalInput, GoalPatch, MunicipalityInput,
        ParticipantDetail, ParticipantInput, ParticipantPatch, ScheduleMeetingInput, paths,
    },
    ids::{CohortId, MunicipalityId, ParticipantId},
    route::{NextStep, StepFigures, StepKind, StepStatus},
    rules::{
        contact::ContactKind,
        plan::{ActionOwner, GoalStatus},
        training::{AttendanceStatus, MeetingNumber, Theme},
    },
    values::DutchLevel,
    violation::ViolationKind,
};

use crate::{
    client::{Api, Refused},
    helpers::{
        TestApp, cohort_id, municipality_id, new_participant, participant_id, scalar,
        spawn_app_with, today, user_id,
    },
};

async fn utrecht(app: &TestApp) -> MunicipalityId {
    municipality_id(app, "GM0344").await
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a date")
}

fn municipality(code: &str) -> MunicipalityInput {
    MunicipalityInput {
        cbs_code: code.into(),
        name: "Amersfoort".into(),
        version: None,
        agreement: AgreementInput {
            start_date: Some(date(2026, 1, 1)),
            end_date: Some(date(2026, 12, 31)),
            contracted_participants: Some(25),
            budget_cap_cents: Some(90000),
        },
    }
}

#[tokio::test]
async fn a_coordinator_adds_a_municipality_that_joins_their_region_and_edits_it() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;

    let created = coordinator
        .create_municipality(&municipality("gm0307"))
        .await
        .unwrap();
    assert_eq!(created.cbs_code.as_str(), "GM0307");
    assert_eq!(created.agreement.budget_cap_cents, Some(90000));
    let list = coordinator.municipalities().await.unwrap();
    assert!(list.items.iter().any(|m| m.id == created.id));

    let edited = MunicipalityInput {
        name: "Amersfoort en omgeving".into(),
        version: Some(1),
        ..municipality("GM0307")
    };
    let updated = coordinator
        .update_municipality(&created.id, &edited)
        .await
        .unwrap();
    assert_eq!(updated.version, 2);

    coordinator
        .update_municipality(&created.id, &edited)
        .await
        .refused_exactly(
            ErrorKind::Conflict,
            "version",
            ViolationKind::StaleVersion { current_version: 2 },
        );
}

#[tokio::test]
async fn a_municipality_is_refused_with_every_broken_rule_and_a_taken_code_is_a_conflict() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let broken = MunicipalityInput {
        cbs_code: "0344".into(),
        name: String::new(),
        version: None,
        agreement: AgreementInput {
            start_date: Some(date(2026, 6, 1)),
            end_date: Some(date(2026, 5, 1)),
            contracted_participants: Some(0),
            budget_cap_cents: Some(-5),
        },
    };

    let refused = coordinator
        .create_municipality(&broken)
        .await
        .refused(ErrorKind::Validation);
    assert_eq!(
        refused.violations(),
        [
            ("cbs_code", "invalid_municipality_code"),
            ("name", "required"),
            ("agreement.end_date", "invalid_format"),
            ("agreement.contracted_participants", "out_of_range"),
            ("agreement.budget_cap_cents", "amount_not_positive"),
        ]
    );

    coordinator
        .create_municipality(&municipality("GM0599"))
        .await
        .refused_with(ErrorKind::Conflict, "cbs_code", "already_registered");
}

async fn new_cohort(app: &TestApp, coordinator: &Api) -> CohortId {
    let input = CohortInput {
        municipality_id: Some(utrecht(app).await),
        name: "Utrecht najaar".into(),
        location: "Stadskantoor".into(),
    };
    let created = coordinator.create_cohort(&input).await.unwrap();
    assert_eq!(created.meetings.len(), 8);
    created.id
}

fn meeting(date: NaiveDate, version: i64) -> ScheduleMeetingInput {
    ScheduleMeetingInput {
        date: Some(date),
        start_time: "09:30".into(),
        place: "Stadskantoor, zaal 3".into(),
        duration_minutes: None,
        version: Some(version),
    }
}

#[tokio::test]
async fn meetings_are_scheduled_in_order_within_the_gaps() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let cohort = new_cohort(&app, &coordinator).await;
    let start = today() + Days::new(7);
    let schedule = |n: u8, date: NaiveDate, version: i64| {
        let coordinator = coordinator.clone();
        let cohort = cohort.clone();
        async move {
            coordinator
                .schedule_meeting(&cohort, n, &meeting(date, version))
                .await
        }
    };

    let scheduled = schedule(1, start, 0).await.unwrap();
    assert_eq!(scheduled.meetings[0].date, Some(start));
    assert_eq!(scheduled.meetings[0].theme, Theme::CareerOrientation);

    // The same day as meeting 1: out of order.
    schedule(2, start, 0).await.refused_with(
        ErrorKind::Validation,
        "date",
        "meetings_out_of_order",
    );

    // 22 days later: too far apart; 21 days: accepted.
    schedule(2, start + Days::new(22), 0).await.refused_exactly(
        ErrorKind::Validation,
        "date",
        ViolationKind::MeetingsTooFarApart { max_days: 21 },
    );
    schedule(2, start + Days::new(21), 0).await.unwrap();

    // Meeting 9 does not exist.
    schedule(9, start, 0).await.refused_with(
        ErrorKind::Validation,
        "number",
        "meeting_number_out_of_range",
    );

    // Moving meeting 1 from a stale version.
    schedule(1, start + Days::new(1), 0).await.refused_exactly(
        ErrorKind::Conflict,
        "version",
        ViolationKind::StaleVersion { current_version: 1 },
    );
}

#[tokio::test]
async fn a_meeting_needs_a_date_a_time_and_a_place_and_only_a_coordinator_schedules() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let cohort = new_cohort(&app, &coordinator).await;
    let blank = ScheduleMeetingInput {
        date: None,
        start_time: "9:30".into(),
        place: String::new(),
        duration_minutes: None,
        version: Some(0),
    };

    let refused = coordinator
        .schedule_meeting(&cohort, 1, &blank)
        .await
        .refused(ErrorKind::Validation);
    assert_eq!(
        refused.violations(),
        [
            ("date", "required"),
            ("start_time", "invalid_format"),
            ("place", "required")
        ]
    );

    let coach = app.signed_in("coach@example.org").await;
    coach
        .schedule_meeting(&cohort, 1, &meeting(today(), 0))
        .await
        .refused(ErrorKind::Forbidden);
}

/// An attendance list of meeting lines.
fn lines(entries: &[(&ParticipantId, AttendanceStatus)]) -> AttendanceInput {
    AttendanceInput(
        entries
            .iter()
            .map(|(participant, status)| AttendanceLine {
                participant_id: (*participant).clone(),
                status: *status,
            })
            .collect(),
    )
}

fn first_names(rows: &[AttendanceRow]) -> Vec<&str> {
    rows.iter().map(|r| r.first_name.as_str()).collect()
}

#[tokio::test]
async fn a_coach_takes_the_attendance_of_their_own_participants_only() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let cohort = demo_cohort(&app).await;
    // Rasha's coach is coach2.
    let rasha = participant_id(&app, "Rasha").await;

    let coach_view = coach.attendance(&cohort, 1).await.unwrap();
    let coordinator_view = coordinator.attendance(&cohort, 1).await.unwrap();
    let refused = coach
        .record_attendance(&cohort, 1, &lines(&[(&rasha, AttendanceStatus::Absent)]))
        .await
        .unwrap_err();

    assert_eq!(coach_view.len(), 3);
    assert!(
        !first_names(&coach_view).contains(&"Rasha"),
        "another coach's participant"
    );
    assert_eq!(
        coordinator_view.len(),
        10,
        "the coordinator sees the whole cohort"
    );
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{refused}"
    );
    assert_eq!(refused.violations()[0].0, "lines.0.participant_id");
    let stored = scalar(
        &app,
        &format!("SELECT status FROM attendance WHERE participant_id = '{rasha}' AND number = 1"),
    )
    .await;
    assert_eq!(stored, "present", "the other coach's record is unchanged");
}

async fn demo_cohort(app: &TestApp) -> CohortId {
    cohort_id(app, "Utrecht voorjaar").await
}

#[tokio::test]
async fn a_coach_records_a_held_meeting_in_one_request() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let cohort = demo_cohort(&app).await;
    let amal = participant_id(&app, "Amal").await;
    let yonas = participant_id(&app, "Yonas").await;

    let rows = coach
        .record_attendance(
            &cohort,
            1,
            &lines(&[
                (&amal, AttendanceStatus::Present),
                (&yonas, AttendanceStatus::MadeUp),
            ]),
        )
        .await
        .unwrap();

    assert_eq!(
        rows.len(),
        3,
        "the coach's own three participants are listed"
    );
    let status_of = |id: &ParticipantId| {
        rows.iter()
            .find(|r| &r.participant_id == id)
            .expect("listed")
            .status
    };
    assert_eq!(status_of(&amal), Some(AttendanceStatus::Present));
    assert_eq!(status_of(&yonas), Some(AttendanceStatus::MadeUp));
}

#[tokio::test]
async fn attendance_is_refused_for_a_future_or_unscheduled_meeting_and_for_outsiders_saving_nothing()
 {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let cohort = demo_cohort(&app).await;
    let amal = participant_id(&app, "Amal").await;
    let mehari = participant_id(&app, "Mehari").await;
    let present = |who: &[&ParticipantId]| {
        lines(
            &who.iter()
                .map(|p| (*p, AttendanceStatus::Present))
                .collect::<Vec<_>>(),
        )
    };
    let before: (i64, i64) = sqlx::query_as("SELECT COUNT(*), SUM(version) FROM attendance")
        .fetch_one(&app.db)
        .await
        .unwrap();

    // Meeting 5 is two weeks ahead in the demo.
    coordinator
        .record_attendance(&cohort, 5, &present(&[&amal]))
        .await
        .refused_with(ErrorKind::Validation, "", "attendance_in_the_future");

    let other = new_cohort(&app, &coordinator).await;
    coordinator
        .record_attendance(&other, 1, &present(&[&amal]))
        .await
        .refused_with(ErrorKind::Validation, "", "meeting_not_scheduled");

    let twice = lines(&[
        (&amal, AttendanceStatus::Present),
        (&mehari, AttendanceStatus::Present),
        (&amal, AttendanceStatus::Absent),
    ]);
    coordinator
        .record_attendance(&cohort, 1, &twice)
        .await
        .refused_with(
            ErrorKind::Validation,
            "lines.2.participant_id",
            "already_registered",
        );

    coordinator
        .record_attendance(&cohort, 1, &present(&[&amal, &mehari]))
        .await
        .refused_with(
            ErrorKind::Validation,
            "lines.1.participant_id",
            "not_in_cohort",
        );
    let after: (i64, i64) = sqlx::query_as("SELECT COUNT(*), SUM(version) FROM attendance")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(after, before, "nothing was saved");

    // A status the API does not know is refused while decoding, on its field.
    coordinator
        .send::<Vec<AttendanceRow>>(
            Method::PUT,
            &paths::attendance(&cohort, 1),
            Some(&json!([{"participant_id": amal, "status": "sleeping"}])),
        )
        .await
        .refused_with(ErrorKind::Validation, "lines.0.status", "invalid_choice");
}

#[tokio::test]
async fn the_minimum_participant_body_of_the_api_leaves_out_every_optional_field() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let m = utrecht(&app).await;

    // Raw bodies: what decodes when fields are left out is the point.
    let created = coordinator
        .create::<ParticipantDetail>(
            paths::PARTICIPANTS,
            &json!({"first_name": "Noor", "last_name": "Ali", "email": "noor@example.org",
                    "languages": ["ar"], "dutch_level": "A1", "municipality_id": m,
                    "ladder_rung_at_intake": 2}),
        )
        .await;
    let missing = coordinator
        .create::<ParticipantDetail>(
            paths::PARTICIPANTS,
            &json!({"languages": ["ar"], "dutch_level": "A1", "municipality_id": m,
                    "ladder_rung_at_intake": 2}),
        )
        .await;

    let created = created.unwrap();
    assert_eq!(created.phone, None);
    assert_eq!(created.cohort_id, None);
    let missing = missing.unwrap_err();
    assert_eq!(
        missing.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a missing name is named: {missing}"
    );
    assert_eq!(
        missing.violations()[..3],
        [
            ("first_name", "required"),
            ("last_name", "required"),
            ("email", "required"),
        ]
    );
}

#[tokio::test]
async fn a_coordinator_registers_a_participant_and_every_field_is_checked() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let m = utrecht(&app).await;

    let created = coordinator
        .create_participant(&new_participant(&m, None, None, "noor@example.org"))
        .await
        .unwrap();
    assert_eq!(
        created.phone.as_ref().map(|p| p.as_str()),
        Some("+31612345678")
    );
    let languages: Vec<&str> = created.languages.iter().map(|l| l.as_str()).collect();
    assert_eq!(languages, ["ar", "en"]);

    let broken = ParticipantInput {
        first_name: "N0or".into(),
        last_name: String::new(),
        email: "noor".into(),
        phone: "12".into(),
        languages: vec!["xx".into()],
        dutch_level: None,
        municipality_id: None,
        cohort_id: None,
        coach_id: None,
        ladder_rung_at_intake: Some(9),
    };
    let refused = coordinator
        .create_participant(&broken)
        .await
        .refused(ErrorKind::Validation);
    assert_eq!(
        refused.violations(),
        [
            ("first_name", "invalid_format"),
            ("last_name", "required"),
            ("email", "invalid_email"),
            ("phone", "invalid_phone"),
            ("languages.0", "invalid_format"),
            ("dutch_level", "required"),
            ("municipality_id", "required"),
            ("ladder_rung_at_intake", "out_of_range"),
        ]
    );

    let rotterdam_cohort = cohort_id(&app, "Rotterdam najaar").await;
    coordinator
        .create_participant(&new_participant(
            &m,
            Some(&rotterdam_cohort),
            None,
            "x@example.org",
        ))
        .await
        .refused_with(ErrorKind::Validation, "cohort_id", "unknown_record");
}

#[tokio::test]
async fn a_full_cohort_and_a_full_caseload_are_conflicts() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let m = utrecht(&app).await;
    let cohort = demo_cohort(&app).await;
    // The demo cohort holds 10: six more fill it to 16.
    for i in 0..6 {
        coordinator
            .create_participant(&new_participant(
                &m,
                Some(&cohort),
                None,
                &format!("p{i}@example.org"),
            ))
            .await
            .unwrap();
    }
    coordinator
        .create_participant(&new_participant(
            &m,
            Some(&cohort),
            None,
            "seventeen@example.org",
        ))
        .await
        .refused_exactly(
            ErrorKind::Conflict,
            "cohort_id",
            ViolationKind::CohortFull { max: 16 },
        );

    // The demo coach has 3 participants already.
    let coach = user_id(&app, "coach@example.org").await;
    coordinator
        .create_participant(&new_participant(
            &m,
            None,
            Some(&coach),
            "fourth@example.org",
        ))
        .await
        .refused_exactly(
            ErrorKind::Conflict,
            "coach_id",
            ViolationKind::CaseloadFull { max: 3 },
        );
}

/// The profile as the edit form starts from it: the stored values and their version.
fn as_patch(profile: &ParticipantDetail) -> ParticipantPatch {
    ParticipantPatch::whole(
        ParticipantInput {
            first_name: profile.first_name.clone(),
            last_name: profile.last_name.clone(),
            email: profile.email.as_str().into(),
            phone: profile
                .phone
                .as_ref()
                .map_or_else(String::new, |p| p.as_str().into()),
            languages: profile
                .languages
                .iter()
                .map(|l| l.as_str().into())
                .collect(),
            dutch_level: Some(profile.dutch_level),
            municipality_id: Some(profile.municipality_id.clone()),
            cohort_id: profile.cohort_id.clone(),
            coach_id: profile.coach_id.clone(),
            ladder_rung_at_intake: Some(profile.ladder_rung_at_intake.into()),
        },
        profile.version,
    )
}

#[tokio::test]
async fn a_coach_edits_a_profile_but_may_not_move_the_participant_and_stale_edits_conflict() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let mut edit = as_patch(&coach.participant(&amal).await.unwrap());
    edit.dutch_level = Some(DutchLevel::B1);

    let updated = coach.update_participant(&amal, &edit).await.unwrap();
    assert_eq!(updated.dutch_level, DutchLevel::B1);
    assert_eq!(updated.version, 2);

    coach
        .update_participant(&amal, &edit)
        .await
        .refused_exactly(
            ErrorKind::Conflict,
            "version",
            ViolationKind::StaleVersion { current_version: 2 },
        );

    let mut moved = as_patch(&coach.participant(&amal).await.unwrap());
    moved.cohort_id = Some(None);
    coach.update_participant(&amal, &moved).await.refused_with(
        ErrorKind::Validation,
        "cohort_id",
        "not_allowed_for_role",
    );
}

fn goal(title: &str, target_date: Option<NaiveDate>) -> GoalInput {
    GoalInput {
        title: title.into(),
        target_date,
        status: None,
    }
}

fn action(text: &str, owner: Option<ActionOwner>) -> ActionInput {
    ActionInput {
        text: text.into(),
        due_date: None,
        owner,
    }
}

/// A tick (or untick) of an action, as a participant sends it.
fn tick(done: bool, version: i64) -> ActionPatch {
    ActionPatch {
        done: Some(done),
        text: None,
        due_date: None,
        owner: None,
        version,
    }
}

#[tokio::test]
async fn a_coach_builds_the_plan_and_the_participant_ticks_off_only_their_own_actions() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await;

    let refused = coach
        .create_goal(&amal, &goal("ab", Some(today() - Days::new(1))))
        .await
        .refused(ErrorKind::Validation);
    assert_eq!(
        refused.violations(),
        [("title", "too_short"), ("target_date", "in_the_past")]
    );

    let created = coach
        .create_goal(
            &amal,
            &goal("Stage in de zorg", Some(today() + Days::new(60))),
        )
        .await
        .unwrap();
    assert_eq!(created.status, GoalStatus::Open);

    let own = coach
        .create_action(
            &created.id,
            &action("Cv maken", Some(ActionOwner::Participant)),
        )
        .await
        .unwrap();
    let coachs = coach
        .create_action(
            &created.id,
            &action("Bedrijf bellen", Some(ActionOwner::Coach)),
        )
        .await
        .unwrap();
    let refused = coach
        .create_action(&created.id, &action("x", None))
        .await
        .refused(ErrorKind::Validation);
    assert_eq!(
        refused.violations(),
        [("text", "too_short"), ("owner", "required")]
    );

    let me = app.signed_in("participant@example.org").await;
    let ticked = me.update_action(&own.id, &tick(true, 1)).await.unwrap();
    assert!(ticked.done);
    assert_eq!(ticked.version, 2);

    me.update_action(&coachs.id, &tick(true, 1))
        .await
        .refused_with(ErrorKind::Validation, "done", "not_allowed_for_role");

    let rewritten = ActionPatch {
        text: Some("Anders".into()),
        ..tick(false, 2)
    };
    let refused = me.update_action(&own.id, &rewritten).await.unwrap_err();
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "a participant does not edit the text"
    );

    me.update_action(&own.id, &tick(false, 1))
        .await
        .refused_exactly(
            ErrorKind::Conflict,
            "version",
            ViolationKind::StaleVersion { current_version: 2 },
        );

    let plan = me.goals(&amal).await.unwrap();
    assert_eq!(plan[0].actions.len(), 2);

    let other_coach = app.signed_in("coach2@example.org").await;
    other_coach.goals(&amal).await.refused(ErrorKind::NotFound);
}

#[tokio::test]
async fn a_goal_is_edited_from_its_version_and_a_passed_target_date_may_stay() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let created = coach
        .create_goal(&amal, &goal("Taal leren", None))
        .await
        .unwrap();
    let past = today() - Days::new(3);
    sqlx::query("UPDATE goals SET target_date = $1 WHERE id = $2")
        .bind(past)
        .bind(&created.id)
        .execute(&app.db)
        .await
        .unwrap();
    let edit = |target_date: NaiveDate, status: GoalStatus, version: i64| {
        GoalPatch::whole(
            GoalInput {
                status: Some(status),
                ..goal("Taal leren", Some(target_date))
            },
            version,
        )
    };

    let reached = coach
        .update_goal(&created.id, &edit(past, GoalStatus::Reached, 1))
        .await
        .unwrap();

    assert_eq!(reached.status, GoalStatus::Reached);
    coach
        .update_goal(
            &created.id,
            &edit(today() - Days::new(1), GoalStatus::Open, 2),
        )
        .await
        .refused_with(ErrorKind::Validation, "target_date", "in_the_past");
}

fn contact(
    date: NaiveDate,
    kind: ContactKind,
    minutes: u32,
    note: &str,
    summary: &str,
) -> ContactInput {
    ContactInput {
        date: Some(date),
        kind: Some(kind),
        minutes: Some(minutes),
        note: note.into(),
        summary: summary.into(),
    }
}

#[tokio::test]
async fn the_contact_note_reaches_coaches_and_coordinators_never_the_participant() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(&app, "Amal").await;

    let refused = coach
        .log_contact(
            &amal,
            &contact(today() + Days::new(1), ContactKind::Call, 0, "", ""),
        )
        .await
        .refused(ErrorKind::Validation);
    assert_eq!(
        refused.violations(),
        [("date", "in_the_future"), ("minutes", "out_of_range")]
    );

    let created = coach
        .log_contact(
            &amal,
            &contact(
                today(),
                ContactKind::Meeting,
                45,
                "Zorgen over huisvesting.",
                "Stage besproken.",
            ),
        )
        .await
        .unwrap();
    assert_eq!(created.note.as_deref(), Some("Zorgen over huisvesting."));

    let me = app.signed_in("participant@example.org").await;
    let seen = me.contacts(&amal).await.unwrap();
    let newest = seen.iter().find(|c| c.id == created.id).expect("listed");
    assert_eq!(newest.summary, "Stage besproken.");
    assert!(seen.iter().all(|c| c.note.is_none()), "{seen:?}");
    let raw = me
        .text(&paths::participant_sub(
            &amal,
            paths::ParticipantSub::Contacts,
        ))
        .await;
    assert!(!raw.contains("huisvesting"));
    assert!(!raw.contains("\"note\""), "no note field at all: {raw}");

    let coordinator = app.signed_in("coordinator@example.org").await;
    let for_coordinator = coordinator.contacts(&amal).await.unwrap();
    let newest = for_coordinator
        .iter()
        .find(|c| c.id == created.id)
        .expect("listed");
    assert_eq!(newest.note.as_deref(), Some("Zorgen over huisvesting."));

    me.log_contact(&amal, &contact(today(), ContactKind::Call, 5, "", ""))
        .await
        .refused(ErrorKind::Forbidden);
}

#[tokio::test]
async fn the_route_counts_a_newly_recorded_meeting() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let cohort = demo_cohort(&app).await;
    let hassan = participant_id(&app, "Hassan").await;
    let before = coordinator.route(&hassan).await.unwrap();
    assert!(
        matches!(
            before.route.steps[0].figures,
            StepFigures::Training { attended: 0, .. }
        ),
        "{before:?}"
    );

    coordinator
        .record_attendance(&cohort, 1, &lines(&[(&hassan, AttendanceStatus::Present)]))
        .await
        .unwrap();
    let after = coordinator.route(&hassan).await.unwrap();

    let training = &after.route.steps[0];
    assert_eq!(training.kind, StepKind::Training);
    assert_eq!(training.status, StepStatus::UnderWay);
    assert_eq!(
        training.figures,
        StepFigures::Training {
            attended: 1,
            total: 8,
            required: 6
        }
    );
    assert_eq!(after.coach, None);
    assert_eq!(after.route.steps[1].status, StepStatus::NotStarted);
}

#[tokio::test]
async fn the_participant_sees_their_route_with_the_next_meeting_their_coach_and_open_actions() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let me = app.signed_in("participant@example.org").await;

    let seen = me.route(&amal).await.unwrap();

    assert_eq!(seen.first_name, "Amal");
    assert!(
        matches!(
            seen.route.steps[0].figures,
            StepFigures::Training { attended: 3, .. }
        ),
        "two present and one made up: {:?}",
        seen.route.steps[0]
    );
    let coach = seen.coach.expect("her coach");
    assert_eq!(coach.first_name, "Marieke");
    assert_eq!(
        coach.phone.as_ref().map(|p| p.as_str()),
        Some("+31612345678")
    );
    let next = seen.next_meeting.expect("a next meeting");
    assert_eq!(
        next.number,
        MeetingNumber::new(4).unwrap(),
        "three meetings were held"
    );
    assert_eq!(next.theme, Theme::JobOpportunities);
    assert_eq!(next.start_time.as_deref(), Some("13:30"));
    let open: Vec<&str> = seen.open_actions.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(open, ["Cv maken met de coach"], "only her own open actions");
    assert_eq!(seen.route.budget.cap_cents, 100000);
    assert!(
        matches!(seen.route.next_step, NextStep::Meeting { .. }),
        "{:?}",
        seen.route.next_step
    );
}
