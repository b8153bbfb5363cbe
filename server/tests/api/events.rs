//! Expert meetings and trainings for organisations: publishing, the municipalities they are for,
//! registrations of colleagues within capacity and never twice, cancelling, and the host's
//! attendance.

use chrono::Days;
use shared::{
    api::{AcceptInvitationInput, ErrorKind, EventAttendanceLine, EventInput, InvitationInput},
    ids::{MunicipalityId, OrganisationId},
    roles::Role,
    rules::events::EventKind,
};

use crate::{
    client::{Api, Refused},
    helpers::{TestApp, municipality_id, organisation_id, spawn_app_with, today},
};

/// Invites a company contact for `organisation` and signs them in.
pub async fn new_company_contact(
    app: &TestApp,
    coordinator: &Api,
    organisation: &OrganisationId,
    municipality: &MunicipalityId,
    email: &str,
) -> Api {
    let created = coordinator
        .invite(&InvitationInput {
            email: email.to_owned(),
            role: Role::CompanyContact,
            participant_id: None,
            organisation_id: Some(organisation.clone()),
            municipality_id: Some(municipality.clone()),
        })
        .await
        .unwrap_or_else(|r| panic!("the invitation is made: {r}"));
    let token = created.link.split_once('#').expect("a token").1;
    let password = "a long and rare passphrase";
    app.anonymous()
        .accept_invitation(&AcceptInvitationInput {
            token: token.to_owned(),
            password: password.into(),
        })
        .await
        .unwrap_or_else(|r| panic!("the invitation is accepted: {r}"));
    app.api(&app.login(email, password).await)
}

pub fn expert_meeting(municipalities: &[&MunicipalityId], capacity: i64) -> EventInput {
    EventInput {
        kind: Some(EventKind::ExpertMeeting),
        title: "Nieuwkomers begeleiden op de werkvloer".into(),
        date: Some(today() + Days::new(14)),
        start_time: "15:30".into(),
        place: "Stadskantoor, Utrecht".into(),
        online_link: String::new(),
        capacity: Some(capacity),
        municipality_ids: municipalities.iter().map(|m| (*m).clone()).collect(),
    }
}

#[tokio::test]
async fn a_company_contact_registers_two_colleagues_within_capacity_and_never_twice() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let care = organisation_id(&app, "Zorggroep Het Anker").await;
    let care_contact =
        new_company_contact(&app, &coordinator, &care, &utrecht, "anker@example.org").await;

    let event = coordinator
        .create_event(&expert_meeting(&[&utrecht], 3))
        .await
        .unwrap();
    assert_eq!(event.places_left, 3);
    assert_eq!(event.host_organisation_id, None);
    let listed = company.events().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, event.id);

    company
        .register_for_event(&event.id, "Henk de Bakker", "Eigenaar")
        .await
        .unwrap();
    let two = company
        .register_for_event(&event.id, "Els Jansen", "Werkbegeleider")
        .await
        .unwrap();
    assert_eq!(two.registrations.len(), 2);
    assert_eq!(two.places_left, 1);
    company
        .register_for_event(&event.id, "els jansen", "Werkbegeleider")
        .await
        .refused_with(ErrorKind::Conflict, "name", "already_registered");

    // The care home fills the last place, sees only its own registration, and finds it full.
    let three = care_contact
        .register_for_event(&event.id, "Sanne de Vries", "Teamleider")
        .await
        .unwrap();
    assert_eq!(three.registrations.len(), 1);
    assert_eq!(three.registrations[0].name, "Sanne de Vries");
    assert_eq!(three.places_left, 0);
    care_contact
        .register_for_event(&event.id, "Piet Smit", "Begeleider")
        .await
        .refused_with(ErrorKind::Conflict, "", "capacity_full");

    // Cancelling frees the place; another organisation's registration cannot be cancelled.
    let els = two
        .registrations
        .iter()
        .find(|r| r.name == "Els Jansen")
        .unwrap();
    care_contact
        .cancel_event_registration(&els.id)
        .await
        .refused(ErrorKind::NotFound);
    let after = company.cancel_event_registration(&els.id).await.unwrap();
    assert_eq!(after.places_left, 1);
    assert_eq!(after.registrations.len(), 1);
    let all = coordinator.event(&event.id).await.unwrap();
    assert_eq!(all.registrations.len(), 2, "the coordinator sees every one");
}

#[tokio::test]
async fn an_event_reaches_only_the_municipalities_it_is_for() {
    let app = spawn_app_with(true).await;
    let utrecht_coordinator = app.signed_in("coordinator@example.org").await;
    let rotterdam_coordinator = app.signed_in("coordinator.rotterdam@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let rotterdam = municipality_id(&app, "GM0599").await;

    // A coordinator publishes only for their own region.
    utrecht_coordinator
        .create_event(&expert_meeting(&[&utrecht, &rotterdam], 10))
        .await
        .refused_with(ErrorKind::Validation, "municipality_ids", "unknown_record");
    let in_rotterdam = rotterdam_coordinator
        .create_event(&expert_meeting(&[&rotterdam], 10))
        .await
        .unwrap();

    // The Utrecht bakery neither lists, reads nor registers for it.
    assert_eq!(company.events().await.unwrap(), []);
    company
        .event(&in_rotterdam.id)
        .await
        .refused(ErrorKind::NotFound);
    company
        .register_for_event(&in_rotterdam.id, "Henk de Bakker", "Eigenaar")
        .await
        .refused(ErrorKind::NotFound);
    utrecht_coordinator
        .event(&in_rotterdam.id)
        .await
        .refused(ErrorKind::NotFound);
    app.signed_in("coach@example.org")
        .await
        .events()
        .await
        .refused(ErrorKind::Forbidden);

    let bad = EventInput {
        capacity: Some(0),
        start_time: "9 uur".into(),
        ..expert_meeting(&[&rotterdam], 10)
    };
    let refusal = rotterdam_coordinator
        .create_event(&bad)
        .await
        .refused(ErrorKind::Validation);
    assert_eq!(
        refusal.violations(),
        [
            ("start_time", "invalid_format"),
            ("capacity", "out_of_range")
        ]
    );
}

#[tokio::test]
async fn a_company_hosts_a_training_and_marks_who_attended() {
    let app = spawn_app_with(true).await;
    let coordinator = app.signed_in("coordinator@example.org").await;
    let company = app.signed_in("company@example.org").await;
    let utrecht = municipality_id(&app, "GM0344").await;
    let care = organisation_id(&app, "Zorggroep Het Anker").await;
    let bakery = organisation_id(&app, "Bakkerij De Korenbloem").await;
    let care_contact =
        new_company_contact(&app, &coordinator, &care, &utrecht, "anker@example.org").await;

    let training = company
        .create_event(&EventInput {
            kind: Some(EventKind::SupervisorTraining),
            title: "Training werkbegeleiders".into(),
            date: Some(today()),
            place: String::new(),
            online_link: "https://meet.example.org/werkbegeleiders".into(),
            ..expert_meeting(&[&utrecht], 8)
        })
        .await
        .unwrap();
    assert_eq!(training.host_organisation_id, Some(bakery));
    let registered = care_contact
        .register_for_event(&training.id, "Sanne de Vries", "Teamleider")
        .await
        .unwrap();
    let sanne = registered.registrations[0].id.clone();

    // Only the host marks attendance, and it sees every registration.
    care_contact
        .mark_event_attendance(
            &training.id,
            &[EventAttendanceLine {
                registration_id: sanne.clone(),
                attended: true,
            }],
        )
        .await
        .refused(ErrorKind::NotFound);
    let marked = company
        .mark_event_attendance(
            &training.id,
            &[EventAttendanceLine {
                registration_id: sanne,
                attended: true,
            }],
        )
        .await
        .unwrap();
    assert_eq!(marked.registrations.len(), 1);
    assert_eq!(marked.registrations[0].attended, Some(true));

    // Not before the day.
    let later = coordinator
        .create_event(&expert_meeting(&[&utrecht], 8))
        .await
        .unwrap();
    coordinator
        .mark_event_attendance(&later.id, &[])
        .await
        .refused_with(ErrorKind::Validation, "", "attendance_in_the_future");
}
