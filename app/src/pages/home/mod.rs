//! `/`: each role's own home page.

mod coach;
mod company;
mod coordinator;
mod municipality;
mod participant;

use leptos::prelude::*;
use shared::roles::Role;

use crate::auth::use_auth;

use coach::CoachHome;
use company::CompanyHome;
use coordinator::CoordinatorHome;
use municipality::MunicipalityHome;
use participant::ParticipantHome;

/// The home page of the role signed in (the route waits for the session).
#[component]
pub fn HomePage() -> impl IntoView {
    let auth = use_auth();
    let me = Memo::new(move |_| auth.me());
    move || {
        me.get().map(|me| match me.role {
            Role::Participant => view! { <ParticipantHome me=me /> }.into_any(),
            Role::Coach => view! { <CoachHome /> }.into_any(),
            Role::CompanyContact => view! { <CompanyHome me=me /> }.into_any(),
            Role::Coordinator => view! { <CoordinatorHome /> }.into_any(),
            Role::MunicipalityViewer => view! { <MunicipalityHome me=me /> }.into_any(),
        })
    }
}
