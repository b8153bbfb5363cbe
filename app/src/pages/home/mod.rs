//! `/`: each role's own home page.

mod coach;
mod company;
mod coordinator;
mod municipality;
mod participant;

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};
use shared::{api::Me, roles::Role};

use crate::{auth::use_auth, screens::lazily};

use coach::CoachHome;
use company::CompanyHome;
use coordinator::CoordinatorHome;
use municipality::MunicipalityHome;
use participant::ParticipantHome;

/// The home page of the role signed in (the route waits for the session). A participant's is in
/// the main module; the others are loaded on demand.
#[component]
pub fn HomePage() -> impl IntoView {
    let auth = use_auth();
    // Built from who is signed in, not from the account's language: a first login stores the
    // language on the account, and the page (and what it fetched) stays as it is.
    let me = Memo::new(move |_| {
        auth.me().map(|me| Me {
            interface_language: None,
            ..me
        })
    });
    move || {
        me.get().map(|me| match me.role {
            Role::Participant => view! { <ParticipantHome me=me /> }.into_any(),
            Role::Coach => lazily(CoachHomeScreen::view(CoachHomeScreen)).into_any(),
            Role::CompanyContact => {
                lazily(CompanyHomeScreen::view(CompanyHomeScreen(Some(me)))).into_any()
            }
            Role::Coordinator => {
                lazily(CoordinatorHomeScreen::view(CoordinatorHomeScreen)).into_any()
            }
            Role::MunicipalityViewer => lazily(MunicipalityHomeScreen::view(
                MunicipalityHomeScreen(Some(me)),
            ))
            .into_any(),
        })
    }
}

/// A coach's home, loaded on demand.
pub struct CoachHomeScreen;

#[lazy_route]
impl LazyRoute for CoachHomeScreen {
    fn data() -> Self {
        CoachHomeScreen
    }

    fn view(_this: Self) -> AnyView {
        view! { <CoachHome /> }.into_any()
    }
}

/// A coordinator's home, loaded on demand.
pub struct CoordinatorHomeScreen;

#[lazy_route]
impl LazyRoute for CoordinatorHomeScreen {
    fn data() -> Self {
        CoordinatorHomeScreen
    }

    fn view(_this: Self) -> AnyView {
        view! { <CoordinatorHome /> }.into_any()
    }
}

/// A company contact's home, loaded on demand.
pub struct CompanyHomeScreen(Option<Me>);

#[lazy_route]
impl LazyRoute for CompanyHomeScreen {
    fn data() -> Self {
        CompanyHomeScreen(use_auth().me())
    }

    fn view(this: Self) -> AnyView {
        this.0.map(|me| view! { <CompanyHome me=me /> }).into_any()
    }
}

/// A municipality viewer's home, loaded on demand.
pub struct MunicipalityHomeScreen(Option<Me>);

#[lazy_route]
impl LazyRoute for MunicipalityHomeScreen {
    fn data() -> Self {
        MunicipalityHomeScreen(use_auth().me())
    }

    fn view(this: Self) -> AnyView {
        this.0
            .map(|me| view! { <MunicipalityHome me=me /> })
            .into_any()
    }
}
