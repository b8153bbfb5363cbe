//! Competences and wishes on the profile, and the suggestions that rank openings for a
//! participant and participants for an opening.

use chrono::Days;
use shared::{
    api::{CompetencesInput, ErrorKind, OpeningInput, OpeningPatch},
    ids::{OpeningId, OrganisationId},
    rules::{
        competences::{EducationLevel, KnownSector},
        matching::{MatchConcern, MatchReason},
        openings::{OpeningKind, OpeningStatus},
    },
    values::DutchLevel,
};

use crate::{
    client::{Api, Refused},
    helpers::{
        TestApp, complete_training, organisation_id, participant_id, scalar, spawn_app_with, today,
    },
};

fn wishes() -> CompetencesInput {
    CompetencesInput {
        education_level: Some(EducationLevel::Secondary),
        education_country: "SY".into(),
        diploma_recognised: Some(false),
        work_sector: "hospitality".into(),
        work_years: Some(4),
        skills: vec!["baking".into(), "customer service".into()],
        sectors_of_interest: vec!["hospitality".into(), "care".into()],
        hours_available: Some(24),
        travel_km: Some(20),
        postcode_area: "3511".into(),
        ..CompetencesInput::default()
    }
}

#[tokio::test]
async fn a_participant_fills_in_competences_and_the_coach_changes_them() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let participant = app.signed_in("participant@example.org").await;
    let coach = app.signed_in("coach@example.org").await;

    let empty = participant.competences(&amal).await.unwrap();
    assert_eq!(empty.version, 0);
    assert!(empty.competences.sectors_of_interest.is_empty());

    let saved = participant.put_competences(&amal, &wishes()).await.unwrap();
    assert_eq!(saved.version, 1);
    assert_eq!(
        saved.competences.sectors_of_interest,
        [KnownSector::Hospitality, KnownSector::Care]
    );
    assert_eq!(saved.competences.skills.len(), 2);

    let mut change = wishes();
    change.hours_available = Some(32);
    change.version = 1;
    let changed = coach.put_competences(&amal, &change).await.unwrap();
    assert_eq!(changed.version, 2);
    assert_eq!(changed.competences.hours_available, Some(32));
    // The participant sees the coach's change.
    assert_eq!(
        participant.competences(&amal).await.unwrap().competences,
        changed.competences
    );
}

#[tokio::test]
async fn competences_out_of_their_ranges_are_refused_and_change_nothing() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let coach = app.signed_in("coach@example.org").await;
    coach.put_competences(&amal, &wishes()).await.unwrap();

    let bad = CompetencesInput {
        sectors_of_interest: vec!["care".into(), "astrology".into()],
        hours_available: Some(60),
        travel_km: Some(0),
        work_years: Some(-1),
        skills: vec!["x".into()],
        education_country: "Syria".into(),
        postcode_area: "0999".into(),
        version: 1,
        ..CompetencesInput::default()
    };
    let refusal = coach
        .put_competences(&amal, &bad)
        .await
        .refused(ErrorKind::Validation);
    let mut found = refusal.violations();
    found.sort_unstable();
    assert_eq!(
        found,
        [
            ("education_country", "invalid_format"),
            ("hours_available", "out_of_range"),
            ("postcode_area", "invalid_postcode"),
            ("sectors_of_interest.1", "invalid_choice"),
            ("skills.0", "too_short"),
            ("travel_km", "out_of_range"),
            ("work_years", "out_of_range"),
        ]
    );
    let stored = coach.competences(&amal).await.unwrap();
    assert_eq!(stored.version, 1);
    assert_eq!(stored.competences.hours_available, Some(24));
}

#[tokio::test]
async fn a_stale_save_of_competences_is_a_conflict() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let coach = app.signed_in("coach@example.org").await;
    coach.put_competences(&amal, &wishes()).await.unwrap();
    // A second first save: someone else saved in between.
    coach.put_competences(&amal, &wishes()).await.refused_with(
        ErrorKind::Conflict,
        "version",
        "stale_version",
    );
}

#[tokio::test]
async fn only_the_participant_their_coach_and_the_coordinator_reach_the_competences() {
    let app = spawn_app_with(true).await;
    let amal = participant_id(&app, "Amal").await;
    let rasha = participant_id(&app, "Rasha").await;
    let coach = app.signed_in("coach@example.org").await;
    let participant = app.signed_in("participant@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let rotterdam = app.signed_in("coordinator.rotterdam@example.org").await;

    coach.competences(&rasha).await.refused(ErrorKind::NotFound);
    coach
        .put_competences(&rasha, &wishes())
        .await
        .refused(ErrorKind::NotFound);
    participant
        .competences(&rasha)
        .await
        .refused(ErrorKind::NotFound);
    company
        .competences(&amal)
        .await
        .refused(ErrorKind::Forbidden);
    rotterdam
        .competences(&amal)
        .await
        .refused(ErrorKind::NotFound);
    app.signed_in("coordinator@example.org")
        .await
        .put_competences(&rasha, &wishes())
        .await
        .unwrap();
    assert_eq!(
        scalar(&app, "SELECT participant_id FROM competences").await,
        rasha.to_string()
    );
}

/// An opening of the coordinator's, opened at once.
async fn open_opening(coordinator: &Api, org: &OrganisationId, input: OpeningInput) -> OpeningId {
    let created = coordinator.create_opening(org, &input).await.unwrap();
    coordinator
        .update_opening(
            &created.id,
            &OpeningPatch {
                status: Some(OpeningStatus::Open),
                opening: None,
                version: created.version,
            },
        )
        .await
        .unwrap();
    created.id
}

fn placement(kind: OpeningKind, title: &str, dutch_level: Option<DutchLevel>) -> OpeningInput {
    let start = today() + Days::new(21);
    OpeningInput {
        kind: Some(kind),
        title: title.into(),
        description: "Meedraaien in het team.".into(),
        start_date: (kind == OpeningKind::Internship).then_some(start),
        end_date: (kind == OpeningKind::Internship).then_some(start + Days::new(55)),
        hours_per_week: (kind == OpeningKind::Internship).then_some(24),
        dutch_level,
        ..OpeningInput::default()
    }
}

struct Fixture {
    app: TestApp,
    care_internship_b1: OpeningId,
    care_volunteering: OpeningId,
}

async fn fixture() -> Fixture {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let care = organisation_id(&app, "Zorggroep Het Anker").await;
    let care_internship_b1 = open_opening(
        &coordinator,
        &care,
        placement(OpeningKind::Internship, "Stage zorg", Some(DutchLevel::B1)),
    )
    .await;
    let care_volunteering = open_opening(
        &coordinator,
        &care,
        placement(OpeningKind::Volunteer, "Vrijwilliger activiteiten", None),
    )
    .await;
    Fixture {
        app,
        care_internship_b1,
        care_volunteering,
    }
}

#[tokio::test]
async fn a_participant_in_training_is_offered_company_visits_only() {
    let Fixture { app, .. } = fixture().await;
    let amal = participant_id(&app, "Amal").await;
    let coach = app.signed_in("coach@example.org").await;

    let suggestions = coach.participant_suggestions(&amal).await.unwrap();
    let kinds: Vec<OpeningKind> = suggestions.items.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [OpeningKind::CompanyVisit]);
    assert_eq!(suggestions.items[0].title, "Kijkje in de bakkerij");
    assert!(
        suggestions.items[0]
            .reasons
            .contains(&MatchReason::NextStepOnRoute)
    );
}

#[tokio::test]
async fn the_openings_for_a_participant_come_ranked_by_fit_with_their_reasons() {
    let Fixture {
        app,
        care_volunteering,
        care_internship_b1,
    } = fixture().await;
    let amal = participant_id(&app, "Amal").await;
    complete_training(&app, &amal).await;
    let coach = app.signed_in("coach@example.org").await;
    coach.put_competences(&amal, &wishes()).await.unwrap();

    let suggestions = coach.participant_suggestions(&amal).await.unwrap();
    let titles: Vec<&str> = suggestions.items.iter().map(|s| s.title.as_str()).collect();
    // The job is a step too far; the B1 internship asks more Dutch than Amal's A2.
    assert_eq!(
        titles,
        [
            "Stage bakkerij",
            "Vrijwilliger activiteiten",
            "Kijkje in de bakkerij"
        ]
    );
    assert!(
        suggestions
            .items
            .iter()
            .all(|s| s.opening_id != care_internship_b1)
    );
    let best = &suggestions.items[0];
    assert_eq!(
        best.reasons,
        [
            MatchReason::NextStepOnRoute,
            MatchReason::SectorOfInterest,
            MatchReason::ExperienceInSector,
            MatchReason::DutchLevelMet,
            MatchReason::SpeaksEnglish,
            MatchReason::HoursFit,
            MatchReason::SamePostcodeArea,
        ]
    );
    let second = &suggestions.items[1];
    assert_eq!(second.opening_id, care_volunteering);
    assert!(second.reasons.contains(&MatchReason::WithinTravelDistance));
    assert!(second.concerns.is_empty());
    assert!(best.score > second.score && second.score > suggestions.items[2].score);

    // Less travel: the care home in the next postcode area is now beyond it.
    let mut nearer = wishes();
    nearer.travel_km = Some(5);
    nearer.version = 1;
    coach.put_competences(&amal, &nearer).await.unwrap();
    let again = coach.participant_suggestions(&amal).await.unwrap();
    let volunteering = again
        .items
        .iter()
        .find(|s| s.opening_id == care_volunteering)
        .unwrap();
    assert_eq!(volunteering.concerns, [MatchConcern::BeyondTravelDistance]);
}

#[tokio::test]
async fn an_opening_is_offered_only_to_participants_with_the_dutch_it_asks_for() {
    let Fixture {
        app,
        care_internship_b1,
        ..
    } = fixture().await;
    let amal = participant_id(&app, "Amal").await;
    let rasha = participant_id(&app, "Rasha").await;
    let omid = participant_id(&app, "Omid").await;
    for who in [&amal, &rasha, &omid] {
        complete_training(&app, who).await;
    }
    let coordinator = app.signed_in("coordinator@example.org").await;
    coordinator
        .put_competences(
            &omid,
            &CompetencesInput {
                sectors_of_interest: vec!["care".into()],
                ..CompetencesInput::default()
            },
        )
        .await
        .unwrap();

    let suggestions = coordinator
        .opening_suggestions(&care_internship_b1)
        .await
        .unwrap();
    let names: Vec<&str> = suggestions
        .items
        .iter()
        .map(|s| s.first_name.as_str())
        .collect();
    // Rasha and Omid have B1; Omid wants to work in care. Amal (A2) is not offered it, nor
    // anyone whose training is not complete.
    assert_eq!(names, ["Omid", "Rasha"]);
    assert!(
        suggestions.items[0]
            .reasons
            .contains(&MatchReason::SectorOfInterest)
    );
    assert!(suggestions.items.iter().all(|s| s.participant_id != amal));
}

#[tokio::test]
async fn suggestions_stay_within_the_accounts_reach() {
    let Fixture {
        app,
        care_internship_b1,
        ..
    } = fixture().await;
    let rasha = participant_id(&app, "Rasha").await;
    let coach = app.signed_in("coach@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let rotterdam = app.signed_in("coordinator.rotterdam@example.org").await;

    coach
        .participant_suggestions(&rasha)
        .await
        .refused(ErrorKind::NotFound);
    coach
        .opening_suggestions(&care_internship_b1)
        .await
        .refused(ErrorKind::NotFound);
    company
        .opening_suggestions(&care_internship_b1)
        .await
        .refused(ErrorKind::Forbidden);
    rotterdam
        .opening_suggestions(&care_internship_b1)
        .await
        .refused(ErrorKind::NotFound);
}
