//! Organisations and their openings, company visits, internships with their agreement and
//! evaluations, and warm introductions as the organisation sees them.

mod agreement;
pub(crate) mod internship;
mod introductions;
pub(crate) mod keys;
mod opening;
pub(crate) mod opening_form;
mod openings;
mod organisation;
mod organisation_form;
mod organisations;

use std::str::FromStr;

use leptos::prelude::*;
use leptos_router::{
    Lazy,
    any_nested_route::IntoAnyNestedRoute,
    components::{A, Route},
    hooks::use_params_map,
    path,
};
use shared::{
    api::{ErrorBody, ErrorKind},
    ids::ParticipantId,
    roles::Role,
};

use crate::{
    access::Screen,
    api::{self, ApiError},
    auth::use_auth,
    components::{ParticipantTabs, RequireAuth, api_resource},
    i18n::use_i18n,
    pages::participants::{
        ParticipantBudgetPage, ParticipantConsentPage, ParticipantInternshipsPage,
        ParticipantIntroductionsPage,
    },
    screens::lazy_screen,
};

pub use introductions::IntroductionList;
pub use organisation::OrganisationOverview;

use agreement::AgreementPage;
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
    view! {
        {organisations}
        {openings}
    }
}

/// The text of `key` in the current language, as a view that follows the language. One function
/// for every such text keeps the bundle small.
pub(crate) fn text(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(key)
}

/// The id in the path, read as `T`; `None` when it is not an id at all.
pub(crate) fn id_param<T>() -> Memo<Option<T>>
where
    T: FromStr + PartialEq + Send + Sync + 'static,
{
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse().ok())))
}

/// What the server answers for an id it does not know.
pub(crate) fn not_found() -> ApiError {
    ApiError::Server(ErrorBody {
        error: ErrorKind::NotFound,
        violations: Default::default(),
        request_id: String::new(),
    })
}

/// The role signed in (the protected routes wait for the session).
pub(crate) fn role() -> Option<Role> {
    use_auth().me().map(|me| me.role)
}

/// The top of a participant's page: their name, the page's heading and the tabs of the file.
#[component]
pub fn ParticipantFrame(
    id: ParticipantId,
    /// The key of the page's title.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let participant = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::participant(&id).await }
        })
    };
    let name = move || {
        participant
            .get()
            .and_then(Result::ok)
            .map(|p| format!("{} {}", p.first_name, p.last_name))
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="eyebrow">{name}</p>
            <h1 id="page-title">{move || i18n.t(title)}</h1>
            <ParticipantTabs id=id />
            {children()}
        </section>
    }
}
