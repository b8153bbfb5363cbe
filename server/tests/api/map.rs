//! The MAP evidence statement, the placement rules on the internship endpoints and the
//! programme settings of a municipality's agreement.

use chrono::{Days, Months, NaiveDate};
use shared::{
    api::{
        AbsenceInput, CivicIntegrationInput, ErrorKind, MapActivityKind, ProgrammeSettingsInput,
        ScheduleMeetingInput,
    },
    ids::{CohortId, OrganisationId, ParticipantId},
    rules::{
        map::{IntegrationRoute, MapStatus},
        placement::PlacementKind,
        training::Theme,
    },
    violation::ViolationKind,
};

use crate::{
    client::{Api, Refused},
    helpers::{TestApp, internship, organisation_id, participant_id, spawn_app_with, today},
};

async fn bakery(app: &TestApp) -> OrganisationId {
    organisation_id(app, "Bakkerij De Korenbloem").await
}

/// Every meeting of the participant's cohort held in the weeks before today and attended.
async fn attend_all_meetings(app: &TestApp, participant: &ParticipantId) {
    let cohort: String = sqlx::query_scalar("SELECT cohort_id FROM participants WHERE id = $1")
        .bind(participant)
        .fetch_one(&app.db)
        .await
        .expect("the participant's cohort");
    for n in 1..=8u64 {
        let date = today() - Days::new(7 * (10 - n));
        sqlx::query("UPDATE meetings SET date = $1 WHERE cohort_id = $2 AND number = $3")
            .bind(date)
            .bind(&cohort)
            .bind(n as i64)
            .execute(&app.db)
            .await
            .expect("the meeting moved");
        sqlx::query(
            "INSERT INTO attendance (cohort_id, number, participant_id, status) \
             VALUES ($1, $2, $3, 'present') \
             ON CONFLICT (cohort_id, number, participant_id) DO UPDATE SET status = 'present'",
        )
        .bind(&cohort)
        .bind(n as i64)
        .bind(participant)
        .execute(&app.db)
        .await
        .expect("the attendance");
    }
}

/// The participant on the B1 route.
async fn on_the_b1_route(api: &Api, participant: &ParticipantId) {
    let civic = api.civic_integration(participant).await.unwrap();
    api.update_civic_integration(
        participant,
        &CivicIntegrationInput {
            route: Some(IntegrationRoute::B1),
            date_of_birth: None,
            coach_remarks: "Werkt zelfstandig, vraagt op tijd hulp.".into(),
            version: Some(civic.version),
        },
    )
    .await
    .unwrap();
}

/// All 8 meetings and an internship of 20 hours a week whose first 14 days are done: 40 hours.
async fn ready_participant(app: &TestApp, coach: &Api) -> ParticipantId {
    let amal = participant_id(app, "Amal").await;
    attend_all_meetings(app, &amal).await;
    on_the_b1_route(coach, &amal).await;
    let start = today() - Days::new(13);
    coach
        .plan_internship(&amal, &internship(&bakery(app).await, start, 56, 20))
        .await
        .unwrap();
    amal
}

#[tokio::test]
async fn eight_themes_and_40_practice_hours_are_ready_for_the_final_interview() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = ready_participant(&app, &coach).await;

    let statement = coach.map_evidence(&amal).await.unwrap();

    assert_eq!(statement.status, MapStatus::ReadyForFinalInterview);
    assert_eq!(statement.route, Some(IntegrationRoute::B1));
    assert_eq!(statement.practice_minutes, 40 * 60);
    assert_eq!(statement.practice_minutes_required, 40 * 60);
    assert_eq!(statement.missing_themes, []);
    assert_eq!(statement.missing_practice_minutes, 0);
    assert_eq!(statement.ready_on, Some(today()));
    assert_eq!(
        statement.themes.iter().map(|t| t.theme).collect::<Vec<_>>(),
        Theme::ALL
    );
    for theme in &statement.themes {
        assert!(theme.covered, "{:?}", theme.theme);
        assert_eq!(theme.minutes, 150, "{:?}: 2 h 30 a meeting", theme.theme);
        assert_eq!(theme.activities[0].kind, MapActivityKind::Attended);
    }
    assert_eq!(statement.practice.len(), 1);
    assert_eq!(
        statement.practice[0].organisation_name,
        "Bakkerij De Korenbloem"
    );
    assert_eq!(statement.practice[0].supervisor_name, "Henk de Bakker");
    assert_eq!(
        statement.coach_remarks,
        "Werkt zelfstandig, vraagt op tijd hulp."
    );
    let text = coach
        .text(&shared::api::paths::map_evidence(&amal))
        .await
        .to_lowercase();
    assert!(!text.contains("passed"), "never says passed: {text}");

    // The participant and the coordinator see the same statement.
    let own = app.signed_in("participant@example.org").await;
    assert_eq!(own.map_evidence(&amal).await.unwrap(), statement);
    let coordinator = app.signed_in("coordinator@example.org").await;
    assert_eq!(coordinator.map_evidence(&amal).await.unwrap(), statement);
}

#[tokio::test]
async fn thirty_nine_practice_hours_are_not_ready_and_say_what_is_missing() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = ready_participant(&app, &coach).await;
    let placed = coach.internships(&amal).await.unwrap().remove(0);

    let after = coach
        .record_absence(
            &placed.id,
            &AbsenceInput {
                hours: Some(1),
                version: Some(placed.version),
            },
        )
        .await
        .unwrap();
    assert_eq!(after.absence_hours, 1);
    let statement = coach.map_evidence(&amal).await.unwrap();

    assert_eq!(statement.status, MapStatus::InProgress);
    assert_eq!(statement.practice_minutes, 39 * 60);
    assert_eq!(statement.missing_practice_minutes, 60);
    assert_eq!(statement.missing_themes, []);
    assert_eq!(statement.ready_on, None);
}

#[tokio::test]
async fn a_missing_theme_is_named_and_the_education_route_is_not_applicable() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = ready_participant(&app, &coach).await;
    sqlx::query("UPDATE attendance SET status = 'absent' WHERE participant_id = $1 AND number = 6")
        .bind(&amal)
        .execute(&app.db)
        .await
        .unwrap();

    let statement = coach.map_evidence(&amal).await.unwrap();
    assert_eq!(statement.status, MapStatus::InProgress);
    assert_eq!(statement.missing_themes, [Theme::Networking]);

    let civic = coach.civic_integration(&amal).await.unwrap();
    coach
        .update_civic_integration(
            &amal,
            &CivicIntegrationInput {
                route: Some(IntegrationRoute::Education),
                version: Some(civic.version),
                ..CivicIntegrationInput::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        coach.map_evidence(&amal).await.unwrap().status,
        MapStatus::NotApplicable
    );
}

#[tokio::test]
async fn a_company_contact_and_a_municipality_viewer_do_not_see_the_statement() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    for email in ["company@example.org", "municipality@example.org"] {
        app.signed_in(email)
            .await
            .map_evidence(&amal)
            .await
            .refused(ErrorKind::Forbidden);
    }
    app.signed_in("coach2@example.org")
        .await
        .map_evidence(&amal)
        .await
        .refused(ErrorKind::NotFound);
}

/// Amal with her training complete, planning from a week ahead.
async fn planning(app: &TestApp) -> (Api, ParticipantId, OrganisationId, NaiveDate) {
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(app, "Amal").await;
    crate::helpers::complete_training(app, &amal).await;
    (coach, amal, bakery(app).await, today() + Days::new(7))
}

#[tokio::test]
async fn a_stage_without_learning_goals_is_refused() {
    let app = spawn_app_with(true).await;
    let (coach, amal, org, start) = planning(&app).await;
    sqlx::query("UPDATE goals SET status = 'dropped' WHERE participant_id = $1")
        .bind(&amal)
        .execute(&app.db)
        .await
        .unwrap();
    coach
        .plan_internship(&amal, &internship(&org, start, 56, 24))
        .await
        .refused_exactly(
            ErrorKind::Validation,
            "learning_goals",
            ViolationKind::LearningPlanMissing {},
        );
    assert_eq!(coach.internships(&amal).await.unwrap(), []);
}

#[tokio::test]
async fn a_paid_stage_is_refused() {
    let app = spawn_app_with(true).await;
    let (coach, amal, org, start) = planning(&app).await;
    let mut input = internship(&org, start, 56, 24);
    input.monthly_allowance_cents = 21_001;
    coach.plan_internship(&amal, &input).await.refused_exactly(
        ErrorKind::Validation,
        "monthly_allowance_cents",
        ViolationKind::StagePaid { max_cents: 21_000 },
    );
    input.monthly_allowance_cents = 21_000;
    let placed = coach.plan_internship(&amal, &input).await.unwrap();
    assert_eq!(placed.kind, PlacementKind::Stage);
    assert_eq!(placed.monthly_allowance_cents, 21_000);
}

#[tokio::test]
async fn a_proefplaats_needs_consent_and_lasts_at_most_two_months() {
    let app = spawn_app_with(true).await;
    let (coach, amal, org, start) = planning(&app).await;
    let two_months = start.checked_add_months(Months::new(2)).unwrap() - Days::new(1);
    let days = |end: NaiveDate| u64::try_from((end - start).num_days() + 1).unwrap();
    let mut input = internship(&org, start, days(two_months), 24);
    input.kind = PlacementKind::Proefplaats;
    coach.plan_internship(&amal, &input).await.refused_exactly(
        ErrorKind::Validation,
        "municipal_consent",
        ViolationKind::MunicipalConsentMissing {},
    );
    input.municipal_consent = true;
    let longer = crate::helpers::internship(&org, start, days(two_months) + 1, 24);
    let too_long = shared::api::InternshipInput {
        kind: PlacementKind::Proefplaats,
        municipal_consent: true,
        ..longer
    };
    coach
        .plan_internship(&amal, &too_long)
        .await
        .refused_exactly(
            ErrorKind::Validation,
            "end_date",
            ViolationKind::PlacementTooLong { max_months: 2 },
        );
    let placed = coach.plan_internship(&amal, &input).await.unwrap();
    assert_eq!(placed.kind, PlacementKind::Proefplaats);
    assert!(placed.municipal_consent);
}

#[tokio::test]
async fn a_participatieplaats_needs_a_date_of_birth_and_someone_of_27() {
    let app = spawn_app_with(true).await;
    let (coach, amal, org, start) = planning(&app).await;
    let mut input = internship(&org, start, 56, 24);
    input.kind = PlacementKind::Participatieplaats;
    coach.plan_internship(&amal, &input).await.refused_exactly(
        ErrorKind::Validation,
        "date_of_birth",
        ViolationKind::Required {},
    );

    let set_birth = async |birth: NaiveDate| {
        let civic = coach.civic_integration(&amal).await.unwrap();
        coach
            .update_civic_integration(
                &amal,
                &CivicIntegrationInput {
                    date_of_birth: Some(birth),
                    version: Some(civic.version),
                    ..CivicIntegrationInput::default()
                },
            )
            .await
            .unwrap();
    };
    // 27 the day after the start.
    set_birth(start.checked_sub_months(Months::new(27 * 12)).unwrap() + Days::new(1)).await;
    coach.plan_internship(&amal, &input).await.refused_exactly(
        ErrorKind::Validation,
        "date_of_birth",
        ViolationKind::ParticipantTooYoung { min_age: 27 },
    );
    set_birth(start.checked_sub_months(Months::new(27 * 12)).unwrap()).await;
    let placed = coach.plan_internship(&amal, &input).await.unwrap();
    assert_eq!(placed.kind, PlacementKind::Participatieplaats);
}

#[tokio::test]
async fn placements_with_benefit_over_24_months_together_are_refused() {
    let app = spawn_app_with(true).await;
    let (coach, amal, org, start) = planning(&app).await;
    // An earlier werkervaringsplaats of 23 months, ended before this one.
    let earlier_end = start - Days::new(1);
    let earlier_start = earlier_end.checked_sub_months(Months::new(23)).unwrap();
    sqlx::query(
        "INSERT INTO internships (id, participant_id, organisation_id, start_date, end_date, \
         original_end_date, hours_per_week, supervisor_name, kind) \
         VALUES ('earlier', $1, $2, $3, $4, $4, 24, 'Henk de Bakker', 'werkervaringsplaats')",
    )
    .bind(&amal)
    .bind(&org)
    .bind(earlier_start)
    .bind(earlier_end)
    .execute(&app.db)
    .await
    .unwrap();
    let mut input = internship(&org, start, 56, 24);
    input.kind = PlacementKind::Werkervaringsplaats;
    coach.plan_internship(&amal, &input).await.refused_exactly(
        ErrorKind::Validation,
        "end_date",
        ViolationKind::PlacementTotalExceeded { max_months: 24 },
    );
    // A stage does not count towards the total.
    input.kind = PlacementKind::Stage;
    coach.plan_internship(&amal, &input).await.unwrap();
}

#[tokio::test]
async fn the_coordinator_sets_the_hours_per_week_and_more_are_refused() {
    let app = spawn_app_with(true).await;
    let (coach, amal, org, start) = planning(&app).await;
    let municipality = coach.participant(&amal).await.unwrap().municipality_id;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let defaults = coordinator.programme_settings(&municipality).await.unwrap();
    assert_eq!(defaults.version, 0);
    assert_eq!(defaults.meeting_minutes, 150);
    assert_eq!(defaults.practice_hours_required, 40);

    let mut input = ProgrammeSettingsInput::from(&defaults);
    input.placement_max_hours_per_week = Some(20);
    input.meeting_minutes = Some(180);
    input.insurance_note = "WA- en ongevallenverzekering via de gemeente.".into();
    let saved = coordinator
        .update_programme_settings(&municipality, &input)
        .await
        .unwrap();
    assert_eq!(saved.version, 1);
    assert_eq!(saved.placement_max_hours_per_week, 20);
    // A second edit from the same version is stale.
    coordinator
        .update_programme_settings(&municipality, &input)
        .await
        .refused_exactly(
            ErrorKind::Conflict,
            "version",
            ViolationKind::StaleVersion { current_version: 1 },
        );
    // A coach may not change them.
    coach
        .update_programme_settings(&municipality, &ProgrammeSettingsInput::from(&saved))
        .await
        .refused(ErrorKind::Forbidden);
    // Fewer than 40 practice hours is below the law.
    coordinator
        .update_programme_settings(
            &municipality,
            &ProgrammeSettingsInput {
                practice_hours_required: Some(39),
                ..ProgrammeSettingsInput::from(&saved)
            },
        )
        .await
        .refused_with(
            ErrorKind::Validation,
            "practice_hours_required",
            "out_of_range",
        );

    coach
        .plan_internship(&amal, &internship(&org, start, 56, 24))
        .await
        .refused_exactly(
            ErrorKind::Validation,
            "hours_per_week",
            ViolationKind::PlacementHoursExceeded { max: 20 },
        );
    coach
        .plan_internship(&amal, &internship(&org, start, 56, 20))
        .await
        .unwrap();
    assert_eq!(
        coach
            .programme_settings(&municipality)
            .await
            .unwrap_err()
            .status,
        reqwest::StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_meeting_duration_setting_counts_in_the_statement() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = ready_participant(&app, &coach).await;
    let municipality = coach.participant(&amal).await.unwrap().municipality_id;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let defaults = coordinator.programme_settings(&municipality).await.unwrap();
    coordinator
        .update_programme_settings(
            &municipality,
            &ProgrammeSettingsInput {
                meeting_minutes: Some(180),
                ..ProgrammeSettingsInput::from(&defaults)
            },
        )
        .await
        .unwrap();
    let statement = coach.map_evidence(&amal).await.unwrap();
    assert!(statement.themes.iter().all(|t| t.minutes == 180));
}

#[tokio::test]
async fn a_meeting_s_own_duration_counts_in_the_statement_and_a_wrong_one_changes_nothing() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = ready_participant(&app, &coach).await;
    let cohort: CohortId = sqlx::query_scalar("SELECT cohort_id FROM participants WHERE id = $1")
        .bind(&amal)
        .fetch_one(&app.db)
        .await
        .expect("her cohort");
    let coordinator = app.signed_in("coordinator@example.org").await;
    let third = coordinator.cohort(&cohort).await.unwrap().meetings[2].clone();
    let at = |duration_minutes| ScheduleMeetingInput {
        date: third.date,
        start_time: third.start_time.clone().unwrap(),
        place: third.place.clone().unwrap(),
        duration_minutes,
        version: Some(third.version),
    };

    let scheduled = coordinator
        .schedule_meeting(&cohort, 3, &at(Some(120)))
        .await
        .unwrap();
    assert_eq!(scheduled.meetings[2].duration_minutes, Some(120));
    assert_eq!(scheduled.meetings[3].duration_minutes, None);
    let minutes_of = |statement: &shared::api::MapEvidence, number: u8| {
        statement
            .themes
            .iter()
            .flat_map(|t| &t.activities)
            .find(|a| a.meeting_number == Some(number))
            .map(|a| a.minutes)
    };
    let statement = coach.map_evidence(&amal).await.unwrap();
    assert_eq!(minutes_of(&statement, 3), Some(120));
    assert_eq!(minutes_of(&statement, 4), Some(150), "the setting");

    let stored = coordinator.cohort(&cohort).await.unwrap();
    for wrong in [29, 481, -1] {
        coordinator
            .schedule_meeting(
                &cohort,
                3,
                &ScheduleMeetingInput {
                    version: Some(stored.meetings[2].version),
                    ..at(Some(wrong))
                },
            )
            .await
            .refused_exactly(
                ErrorKind::Validation,
                "duration_minutes",
                ViolationKind::OutOfRange { min: 30, max: 480 },
            );
    }
    assert_eq!(coordinator.cohort(&cohort).await.unwrap(), stored);
    let statement = coach.map_evidence(&amal).await.unwrap();
    assert_eq!(minutes_of(&statement, 3), Some(120));
}
