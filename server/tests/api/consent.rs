//! Consent as the participant gives it: a coach's proposal waits for it, a consent the coach
//! gave is marked for the participant to confirm, and a withdrawal hides the profile at once.

use shared::{
    api::{
        ConsentGiver, ConsentInput, ConsentPurpose, ErrorKind, IntroductionInput, IntroductionPatch,
    },
    ids::{OrganisationId, ParticipantId},
    rules::introduction::IntroductionStatus,
};

use crate::{
    client::{Api, Refused},
    helpers::{TestApp, organisation_id, participant_id, spawn_app_with},
};

async fn bakery(app: &TestApp) -> OrganisationId {
    organisation_id(app, "Bakkerij De Korenbloem").await
}

fn consent(org: &OrganisationId, given: bool) -> ConsentInput {
    ConsentInput {
        purpose: ConsentPurpose::IntroductionProfile,
        organisation_id: Some(org.clone()),
        municipality_id: None,
        given,
    }
}

async fn propose(coach: &Api, participant: &ParticipantId, org: &OrganisationId) -> bool {
    coach
        .propose_introduction(
            participant,
            &IntroductionInput {
                organisation_id: Some(org.clone()),
                opening_id: None,
                motivation: "Bakt graag en leert snel.".into(),
            },
        )
        .await
        .unwrap()
        .waiting_for_consent
}

#[tokio::test]
async fn a_proposal_waits_for_the_participants_consent_before_the_company_sees_it() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let me = app.signed_in("participant@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let org = bakery(&app).await;

    assert!(propose(&coach, &amal, &org).await, "waits for consent");
    assert_eq!(company.organisation_introductions(&org).await.unwrap(), []);

    // The participant sees the proposal waiting for them, with the organisation's name.
    let mine = me.introductions(&amal).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert!(mine[0].waiting_for_consent);
    assert_eq!(mine[0].organisation_name, "Bakkerij De Korenbloem");

    let consents = me.set_consent(&amal, &consent(&org, true)).await.unwrap();
    assert_eq!(consents[0].given_by, ConsentGiver::Participant);
    assert!(!me.introductions(&amal).await.unwrap()[0].waiting_for_consent);

    let seen = company.organisation_introductions(&org).await.unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        seen[0].participant.as_ref().map(|p| p.first_name.as_str()),
        Some("Amal")
    );
    assert!(!seen[0].waiting_for_consent);
    company
        .answer_introduction(
            &seen[0].id,
            &IntroductionPatch {
                status: IntroductionStatus::Accepted,
                version: seen[0].version,
            },
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn consent_a_coach_gave_is_marked_until_the_participant_confirms_it() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let me = app.signed_in("participant@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let org = bakery(&app).await;

    let by_coach = coach
        .set_consent(&amal, &consent(&org, true))
        .await
        .unwrap();
    assert_eq!(by_coach[0].given_by, ConsentGiver::Coach);
    assert!(by_coach[0].needs_confirmation);
    // The participant is asked to confirm it: their own list says so.
    let asked = me.consents(&amal).await.unwrap();
    assert!(asked[0].needs_confirmation);

    let confirmed = me.set_consent(&amal, &consent(&org, true)).await.unwrap();
    assert_eq!(confirmed.len(), 1, "still one consent per recipient");
    assert_eq!(confirmed[0].given_by, ConsentGiver::Participant);
    assert!(!confirmed[0].needs_confirmation);

    // A withdrawal by the coach needs no confirmation.
    let withdrawn = coach
        .set_consent(&amal, &consent(&org, false))
        .await
        .unwrap();
    assert!(!withdrawn[0].given);
    assert!(!withdrawn[0].needs_confirmation);
}

#[tokio::test]
async fn a_withdrawal_hides_the_profile_from_the_company_at_once() {
    let app = spawn_app_with(true).await;
    let coach = app.signed_in("coach@example.org").await;
    let me = app.signed_in("participant@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let amal = participant_id(&app, "Amal").await;
    let org = bakery(&app).await;

    me.set_consent(&amal, &consent(&org, true)).await.unwrap();
    assert!(
        !propose(&coach, &amal, &org).await,
        "consent was given first"
    );
    let seen = company.organisation_introductions(&org).await.unwrap();
    assert!(seen[0].participant.is_some());

    me.set_consent(&amal, &consent(&org, false)).await.unwrap();
    let text = company
        .text(&format!("/organisations/{org}/introductions"))
        .await;
    assert!(
        !text.contains("Amal"),
        "no name after the withdrawal: {text}"
    );
    assert_eq!(company.organisation_introductions(&org).await.unwrap(), []);
    company
        .answer_introduction(
            &seen[0].id,
            &IntroductionPatch {
                status: IntroductionStatus::Accepted,
                version: seen[0].version,
            },
        )
        .await
        .refused_with(ErrorKind::Conflict, "status", "consent_missing");
}
