//! The VIP route web app: Leptos, rendered in the browser.

pub mod access;
pub mod api;
pub mod auth;
pub mod components;
pub mod i18n;
pub mod pages;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::{
    access::Screen,
    auth::Auth,
    components::{Layout, RequireAuth},
    i18n::I18n,
    pages::{
        AcceptInvitationPage, AccountsPage, CompanyRoutes, HomePage, LoginPage, NotFoundPage,
        ParticipantPage, TrainingRoutes,
    },
};

/// The whole app: translations, the session, the layout and the routes. Screens that need a
/// session wait for it and send a visitor without one to the login page.
#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    Auth::provide();
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route
                        path=path!("/")
                        view=|| {
                            view! {
                                <RequireAuth screen=Screen::Home>
                                    <HomePage />
                                </RequireAuth>
                            }
                        }
                    />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/accept-invitation") view=AcceptInvitationPage />
                    <Route
                        path=path!("/accounts")
                        view=|| {
                            view! {
                                <RequireAuth screen=Screen::Accounts>
                                    <AccountsPage />
                                </RequireAuth>
                            }
                        }
                    />
                    <TrainingRoutes />
                    <Route
                        path=path!("/participants/:id")
                        view=|| {
                            view! {
                                <RequireAuth screen=Screen::ParticipantProfile>
                                    <ParticipantPage />
                                </RequireAuth>
                            }
                        }
                    />
                    <CompanyRoutes />
                </Routes>
            </Layout>
        </Router>
    }
}
