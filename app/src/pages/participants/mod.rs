//! A participant's file.

mod actions;
mod budget;
mod competences;
mod consent;
mod contacts;
mod intake;
mod internships;
mod introductions;
mod map;
mod outcome;
mod plan;
mod profile;
mod rights;
mod route;
pub(crate) mod suggestions;

pub use rights::ERASED_QUERY;
pub use route::RouteView;

use budget::ParticipantBudgetPage;
use competences::ParticipantCompetencesPage;
use consent::ParticipantConsentPage;
use contacts::ParticipantContactsPage;
use intake::NewParticipantPage;
use internships::ParticipantInternshipsPage;
use introductions::ParticipantIntroductionsPage;
use map::MapStatementPage;
use outcome::ParticipantOutcomePage;
use plan::ParticipantPlanPage;
use profile::ParticipantPage;
use route::ParticipantRoutePage;
use suggestions::ParticipantSuggestionsPage;

use leptos::prelude::*;
use leptos_router::{Lazy, any_nested_route::IntoAnyNestedRoute, components::Route, path};

use crate::{access::Screen, components::RequireAuth, screens::lazy_screen};

/// Every route of a participant's file, each behind its entry in the access table and loaded on
/// demand. `/participants/new` comes before `/participants/:id`, so that it is the intake.
#[component(transparent)]
pub fn ParticipantRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/participants/new") view={Lazy::<NewParticipantScreen>::new()} />
        <Route path=path!("/participants/:id") view={Lazy::<ParticipantProfileScreen>::new()} />
        <Route path=path!("/participants/:id/route") view={Lazy::<ParticipantRouteScreen>::new()} />
        <Route path=path!("/participants/:id/plan") view={Lazy::<ParticipantPlanScreen>::new()} />
        <Route
            path=path!("/participants/:id/contacts")
            view={Lazy::<ParticipantContactsScreen>::new()}
        />
        <Route
            path=path!("/participants/:id/internships")
            view={Lazy::<ParticipantInternshipsScreen>::new()}
        />
        <Route path=path!("/participants/:id/budget") view={Lazy::<ParticipantBudgetScreen>::new()} />
        <Route
            path=path!("/participants/:id/introductions")
            view={Lazy::<ParticipantIntroductionsScreen>::new()}
        />
        <Route
            path=path!("/participants/:id/consent")
            view={Lazy::<ParticipantConsentScreen>::new()}
        />
        <Route path=path!("/participants/:id/map") view={Lazy::<ParticipantMapScreen>::new()} />
        <Route
            path=path!("/participants/:id/competences")
            view={Lazy::<ParticipantCompetencesScreen>::new()}
        />
        <Route
            path=path!("/participants/:id/suggestions")
            view={Lazy::<ParticipantSuggestionsScreen>::new()}
        />
        <Route
            path=path!("/participants/:id/outcome")
            view={Lazy::<ParticipantOutcomeScreen>::new()}
        />
    }
    .into_inner()
    .into_any_nested_route()
}

lazy_screen! {
    /// `/participants/:id`, loaded on demand.
    ParticipantProfileScreen => view! {
        <RequireAuth screen=Screen::ParticipantProfile><ParticipantPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/new`, loaded on demand.
    NewParticipantScreen => view! {
        <RequireAuth screen=Screen::ParticipantNew><NewParticipantPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/route`, loaded on demand.
    ParticipantRouteScreen => view! {
        <RequireAuth screen=Screen::ParticipantRoute><ParticipantRoutePage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/plan`, loaded on demand.
    ParticipantPlanScreen => view! {
        <RequireAuth screen=Screen::ParticipantPlan><ParticipantPlanPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/contacts`, loaded on demand.
    ParticipantContactsScreen => view! {
        <RequireAuth screen=Screen::ParticipantContacts><ParticipantContactsPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/internships`, loaded on demand.
    ParticipantInternshipsScreen => view! {
        <RequireAuth screen=Screen::ParticipantInternships>
            <ParticipantInternshipsPage />
        </RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/budget`, loaded on demand.
    ParticipantBudgetScreen => view! {
        <RequireAuth screen=Screen::ParticipantBudget><ParticipantBudgetPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/introductions`, loaded on demand.
    ParticipantIntroductionsScreen => view! {
        <RequireAuth screen=Screen::ParticipantIntroductions>
            <ParticipantIntroductionsPage />
        </RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/consent`, loaded on demand.
    ParticipantConsentScreen => view! {
        <RequireAuth screen=Screen::ParticipantConsent><ParticipantConsentPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/map`, loaded on demand.
    ParticipantMapScreen => view! {
        <RequireAuth screen=Screen::ParticipantMap><MapStatementPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/outcome`, loaded on demand.
    ParticipantOutcomeScreen => view! {
        <RequireAuth screen=Screen::ParticipantOutcome><ParticipantOutcomePage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/competences`, loaded on demand.
    ParticipantCompetencesScreen => view! {
        <RequireAuth screen=Screen::ParticipantCompetences>
            <ParticipantCompetencesPage />
        </RequireAuth>
    }
}

lazy_screen! {
    /// `/participants/:id/suggestions`, loaded on demand.
    ParticipantSuggestionsScreen => view! {
        <RequireAuth screen=Screen::ParticipantSuggestions>
            <ParticipantSuggestionsPage />
        </RequireAuth>
    }
}
