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
    MatchNestedRoutes,
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
};

pub use introductions::IntroductionList;
pub use organisation::OrganisationOverview;

use agreement::AgreementPage;
use internship::InternshipPage;
use opening::OpeningPage;
use openings::OpeningsPage;
use organisation::OrganisationPage;
use organisations::OrganisationsPage;

/// The routes of these screens, each behind its entry in the access table.
#[component(transparent)]
pub fn CompanyRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route
            path=path!("/organisations")
            view=|| view! { <RequireAuth screen=Screen::Organisations><OrganisationsPage /></RequireAuth> }
        />
        <Route
            path=path!("/organisations/:id")
            view=|| view! { <RequireAuth screen=Screen::Organisation><OrganisationPage /></RequireAuth> }
        />
        <Route
            path=path!("/openings")
            view=|| view! { <RequireAuth screen=Screen::Openings><OpeningsPage /></RequireAuth> }
        />
        <Route
            path=path!("/openings/:id")
            view=|| view! { <RequireAuth screen=Screen::Opening><OpeningPage /></RequireAuth> }
        />
        <Route
            path=path!("/internships/:id")
            view=|| view! { <RequireAuth screen=Screen::Internship><InternshipPage /></RequireAuth> }
        />
        <Route
            path=path!("/internships/:id/agreement")
            view=|| view! { <RequireAuth screen=Screen::Internship><AgreementPage /></RequireAuth> }
        />
        <Route
            path=path!("/participants/:id/internships")
            view=|| {
                view! {
                    <RequireAuth screen=Screen::ParticipantInternships>
                        <ParticipantInternshipsPage />
                    </RequireAuth>
                }
            }
        />
        <Route
            path=path!("/participants/:id/budget")
            view=|| {
                view! {
                    <RequireAuth screen=Screen::ParticipantBudget>
                        <ParticipantBudgetPage />
                    </RequireAuth>
                }
            }
        />
        <Route
            path=path!("/participants/:id/introductions")
            view=|| {
                view! {
                    <RequireAuth screen=Screen::ParticipantIntroductions>
                        <ParticipantIntroductionsPage />
                    </RequireAuth>
                }
            }
        />
        <Route
            path=path!("/participants/:id/consent")
            view=|| {
                view! {
                    <RequireAuth screen=Screen::ParticipantConsent>
                        <ParticipantConsentPage />
                    </RequireAuth>
                }
            }
        />
    }
    .into_inner()
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
