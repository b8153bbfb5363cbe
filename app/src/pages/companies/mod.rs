//! Organisations and their openings, company visits, internships with their agreement and
//! evaluations, warm introductions as the organisation sees them, and expert meetings and
//! trainings for organisations.

mod agreement;
mod event;
mod events;
pub(crate) mod internship;
mod introductions;
pub(crate) mod keys;
mod opening;
pub(crate) mod opening_form;
mod openings;
mod organisation;
mod organisation_form;
mod organisations;
mod people;
mod registration;
mod suggested;

use leptos::prelude::*;
use leptos_router::{
    Lazy,
    any_nested_route::IntoAnyNestedRoute,
    components::{A, Route},
    path,
};
use shared::roles::Role;

use crate::{
    access::Screen,
    components::{RequireAuth, text},
    screens::lazy_screen,
};

pub use events::UpcomingEvents;
pub use introductions::IntroductionList;
pub use organisation::OrganisationOverview;

use agreement::AgreementPage;
use event::EventPage;
use events::EventsPage;
use internship::InternshipPage;
use opening::OpeningPage;
use openings::OpeningsPage;
use organisation::OrganisationPage;
use organisations::OrganisationsPage;

/// The routes of these screens, each behind its entry in the access table and loaded on demand.
#[component(transparent)]
pub fn CompanyRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/organisations") view={Lazy::<OrganisationsScreen>::new()} />
        <Route path=path!("/organisations/:id") view={Lazy::<OrganisationScreen>::new()} />
        <Route path=path!("/openings") view={Lazy::<OpeningsScreen>::new()} />
        <Route path=path!("/openings/:id") view={Lazy::<OpeningScreen>::new()} />
        <Route path=path!("/internships/:id") view={Lazy::<InternshipScreen>::new()} />
        <Route path=path!("/internships/:id/agreement") view={Lazy::<AgreementScreen>::new()} />
        <Route path=path!("/events") view={Lazy::<EventsScreen>::new()} />
        <Route path=path!("/events/:id") view={Lazy::<EventScreen>::new()} />
    }
    .into_inner()
    .into_any_nested_route()
}

lazy_screen! {
    /// `/internships/:id`, loaded on demand.
    InternshipScreen => view! {
        <RequireAuth screen=Screen::Internship><InternshipPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/internships/:id/agreement`, loaded on demand.
    AgreementScreen => view! {
        <RequireAuth screen=Screen::Internship><AgreementPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/events`, loaded on demand.
    EventsScreen => view! { <RequireAuth screen=Screen::Events><EventsPage /></RequireAuth> }
}

lazy_screen! {
    /// `/events/:id`, loaded on demand.
    EventScreen => view! { <RequireAuth screen=Screen::Events><EventPage /></RequireAuth> }
}

lazy_screen! {
    /// `/organisations`, loaded on demand.
    OrganisationsScreen => view! {
        <RequireAuth screen=Screen::Organisations><OrganisationsPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/organisations/:id`, loaded on demand.
    OrganisationScreen => view! {
        <RequireAuth screen=Screen::Organisation><OrganisationPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/openings`, loaded on demand.
    OpeningsScreen => view! { <RequireAuth screen=Screen::Openings><OpeningsPage /></RequireAuth> }
}

lazy_screen! {
    /// `/openings/:id`, loaded on demand.
    OpeningScreen => view! { <RequireAuth screen=Screen::Opening><OpeningPage /></RequireAuth> }
}

/// The main menu's entries of these screens for the role.
#[component]
pub fn CompanyNavItems(role: Role) -> impl IntoView {
    let organisations = Screen::Organisations.allows(role).then(|| {
        view! {
            <li>
                <A href="/organisations">{text("nav-organisations")}</A>
            </li>
        }
    });
    let openings = Screen::Openings.allows(role).then(|| {
        view! {
            <li>
                <A href="/openings">{text("nav-openings")}</A>
            </li>
        }
    });
    let events = Screen::Events.allows(role).then(|| {
        view! {
            <li>
                <A href="/events">{text("nav-events")}</A>
            </li>
        }
    });
    view! {
        {organisations}
        {openings}
        {events}
    }
}
