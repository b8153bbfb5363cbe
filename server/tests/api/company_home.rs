//! A company's own people on its contact's home: current and upcoming interns and upcoming visits,
//! never another organisation's people, never a name without consent. Any kind of organisation
//! may host a visit.

use chrono::Days;
use shared::{
    api::{
        ConsentInput, ConsentPurpose, CreateOrganisation, ErrorKind, GoalInput, OpeningInput,
        OpeningPatch,
    },
    ids::OrganisationId,
    rules::{
        internship::InternshipProgress,
        openings::{OpeningKind, OpeningStatus, OrganisationInput, OrganisationKind},
    },
};

use crate::{
    client::Refused,
    helpers::{
        TestApp, complete_training, internship, municipality_id, organisation_id, participant_id,
        spawn_app_with, today,
    },
};

#[tokio::test]
async fn a_company_contact_sees_its_own_interns_and_visits_and_names_only_with_consent() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let coach = app.signed_in("coach@example.org").await;
    let me = app.signed_in("participant@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let bakery = organisation_id(&app, "Bakkerij De Korenbloem").await;
    let care = organisation_id(&app, "Zorggroep Het Anker").await;
    let amal = participant_id(&app, "Amal").await;
    let rasha = participant_id(&app, "Rasha").await;
    let omid = participant_id(&app, "Omid").await;
    for who in [&amal, &rasha, &omid] {
        complete_training(&app, who).await;
    }
    // A stage needs learning goals in the plan; Amal's demo plan has them.
    for who in [&rasha, &omid] {
        coordinator
            .create_goal(
                who,
                &GoalInput {
                    title: "Werken in een bakkerij leren".into(),
                    target_date: None,
                    status: None,
                },
            )
            .await
            .unwrap();
    }
    let start = today() + Days::new(7);
    let amal_at_bakery = coach
        .plan_internship(&amal, &internship(&bakery, start, 56, 24))
        .await
        .unwrap();
    let rasha_at_bakery = coordinator
        .plan_internship(&rasha, &internship(&bakery, start, 42, 16))
        .await
        .unwrap();
    let omid_elsewhere = coordinator
        .plan_internship(&omid, &internship(&care, start, 56, 24))
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
    let visit = app
        .signed_in("coordinator@example.org")
        .await
        .get::<shared::api::Page<shared::api::OpeningDetail>>(&format!(
            "{}?kind=company_visit",
            shared::api::paths::organisation_openings(&bakery)
        ))
        .await
        .unwrap()
        .items
        .remove(0);
    coach.register(&visit.id, &amal).await.unwrap();

    let people = company.organisation_people(&bakery).await.unwrap();
    let interns: Vec<_> = people
        .interns
        .iter()
        .map(|i| (i.internship_id.clone(), i.first_name.clone()))
        .collect();
    assert_eq!(interns.len(), 2);
    assert!(interns.contains(&(amal_at_bakery.id.clone(), Some("Amal".to_owned()))));
    assert!(interns.contains(&(rasha_at_bakery.id.clone(), None)));
    assert!(
        people
            .interns
            .iter()
            .all(|i| i.internship_id != omid_elsewhere.id)
    );
    let amal_row = people
        .interns
        .iter()
        .find(|i| i.internship_id == amal_at_bakery.id)
        .unwrap();
    assert_eq!(
        amal_row.progress,
        InternshipProgress::NotStarted { weeks: 8 }
    );
    assert_eq!(amal_row.supervisor_name, "Henk de Bakker");
    assert!(amal_row.evaluations_due.is_empty());
    assert_eq!(people.visits.len(), 1);
    assert_eq!(people.visits[0].opening_id, visit.id);
    assert_eq!(people.visits[0].registered, 1);

    let text = company
        .text(&shared::api::paths::organisation_people(&bakery))
        .await;
    for name in ["Rasha", "Khalil", "Omid", "Haddad"] {
        assert!(!text.contains(name), "{name} in {text}");
    }
    company
        .organisation_people(&care)
        .await
        .refused(ErrorKind::NotFound);
    coach
        .organisation_people(&bakery)
        .await
        .refused(ErrorKind::NotFound);
}

/// A coordinator opens a visit at `host`, a coach registers Amal once (a second time is
/// refused), and the host's overview counts her.
async fn hosts_a_visit(app: &TestApp, host: &OrganisationId) {
    let coordinator = app.signed_in("coordinator@example.org").await;
    let coach = app.signed_in("coach@example.org").await;
    let amal = participant_id(app, "Amal").await;
    let created = coordinator
        .create_opening(
            host,
            &OpeningInput {
                kind: Some(OpeningKind::CompanyVisit),
                title: "Open lesochtend zorg".into(),
                description: "Een ochtend meedoen met de opleiding.".into(),
                date: Some(today() + Days::new(12)),
                place: "Australiëlaan 25, Utrecht".into(),
                capacity: Some(2),
                ..OpeningInput::default()
            },
        )
        .await
        .unwrap();
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
    coach.register(&created.id, &amal).await.unwrap();
    coach.register(&created.id, &amal).await.refused_with(
        ErrorKind::Conflict,
        "participant_id",
        "already_registered",
    );

    let people = coordinator.organisation_people(host).await.unwrap();
    assert_eq!(people.visits.len(), 1);
    assert_eq!(people.visits[0].registered, 1);
    assert_eq!(people.visits[0].capacity, Some(2));
}

#[tokio::test]
async fn a_school_hosts_a_visit_like_a_company() {
    let app = spawn_app_with(true).await;
    let school = organisation_id(&app, "ROC Midden Nederland").await;
    hosts_a_visit(&app, &school).await;
}

#[tokio::test]
async fn a_volunteer_organisation_hosts_a_visit_like_a_company() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let created = coordinator
        .create_organisation(&CreateOrganisation {
            municipality_id: Some(utrecht),
            organisation: OrganisationInput {
                kind: Some(OrganisationKind::VolunteerOrganisation),
                name: "Buurthuis De Pijler".into(),
                sector: "Zorg en welzijn".into(),
                street: "Amsterdamsestraatweg 10".into(),
                postcode: "3513 AB".into(),
                city: "Utrecht".into(),
                kvk_number: String::new(),
            },
        })
        .await
        .unwrap();
    assert_eq!(created.kind, OrganisationKind::VolunteerOrganisation);
    hosts_a_visit(&app, &created.id).await;
}
