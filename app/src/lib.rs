//! The VIP route web app: Leptos, rendered in the browser.

pub mod access;
pub mod api;
pub mod auth;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod screens;
pub mod shell;

use leptos::prelude::*;
use leptos_router::{
    Lazy,
    components::{FlatRoutes, Route, Router},
    path,
};

use crate::{
    access::Screen,
    auth::{Auth, AuthState},
    components::{Layout, RequireAuth},
    i18n::I18n,
    pages::{
        AcceptInvitationScreen, AccountsScreen, AuditRoutes, CompanyRoutes, HomePage, LoginPage,
        NotFoundPage, ParticipantRoutes, ReportRoutes, ResetPasswordScreen, SecurityScreen,
        TrainingRoutes,
    },
    screens::Prefetch,
    shell::Shell,
};

/// The whole app: translations, the session, the layout and the routes. Screens that need a
/// session wait for it and send a visitor without one to the login page. Apart from the login and
/// the home pages, every screen is loaded on demand (see [`screens`]). The static shell of
/// `index.html` stays in sight until the first screen is ready (see [`shell`]).
#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let auth = Auth::provide();
    i18n::follow_account(i18n, auth);
    let shell = Shell::provide();
    // The menu depends on who is signed in, and the screen waits for it.
    shell.replace_when(move || i18n.ready() && auth.state() != AuthState::Loading);
    // Nothing is built until the language remembered on this device is loaded.
    move || i18n.ready().then(routes)
}

fn routes() -> impl IntoView {
    view! {
        <Router>
            <Prefetch />
            <Layout>
                <FlatRoutes fallback=NotFoundPage>
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
                    <Route
                        path=path!("/accept-invitation")
                        view={Lazy::<AcceptInvitationScreen>::new()}
                    />
                    <Route path=path!("/accounts") view={Lazy::<AccountsScreen>::new()} />
                    <Route path=path!("/security") view={Lazy::<SecurityScreen>::new()} />
                    <Route
                        path=path!("/reset-password")
                        view={Lazy::<ResetPasswordScreen>::new()}
                    />
                    <TrainingRoutes />
                    <ParticipantRoutes />
                    <CompanyRoutes />
                    <ReportRoutes />
                    <AuditRoutes />
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
