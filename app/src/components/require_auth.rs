use leptos::prelude::*;
use leptos_router::{
    NavigateOptions,
    hooks::{use_location, use_navigate},
};
use shared::api::SecondFactor;

use crate::{
    access::Screen,
    api::ApiError,
    auth::{AuthState, SignedOutBy, login_path, use_auth},
    components::{ErrorAlert, Loading},
    i18n::use_i18n,
    pages::NotFoundPage,
};

/// What a protected screen shows.
#[derive(Debug, Clone, PartialEq)]
enum Gate {
    Wait,
    ToLogin,
    /// Signed in by an account that must enrol a second factor first.
    ToEnrol,
    Open,
    Refused,
    Failed(ApiError),
}

/// A screen that needs a session: waits for the first `GET /auth/me`, sends a signed-out visitor
/// to the login page (and back here afterwards), and shows the not-found page to a role that may
/// not use the screen, as the server answers a record outside the caller's scope. An account
/// whose role requires a second factor and has none goes to `/security` to enrol one first, as
/// the server refuses it everything else.
#[component]
pub fn RequireAuth(screen: Screen, children: ChildrenFn) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let location = use_location();
    let gate = Memo::new(move |_| match auth.state() {
        AuthState::Loading => Gate::Wait,
        AuthState::SignedOut(_) => Gate::ToLogin,
        AuthState::SignedIn(me)
            if me.second_factor == SecondFactor::Required && screen != Screen::Security =>
        {
            Gate::ToEnrol
        }
        AuthState::SignedIn(me) if screen.allows(me.role) => Gate::Open,
        AuthState::SignedIn(_) => Gate::Refused,
        AuthState::Unknown(err) => Gate::Failed(err),
    });
    let to_enrol = navigate.clone();
    Effect::new(move |_| {
        if gate.get() == Gate::ToEnrol {
            to_enrol(
                "/security",
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    Effect::new(move |_| {
        if gate.get() != Gate::ToLogin {
            return;
        }
        if let AuthState::SignedOut(by) = auth.state_untracked() {
            let target = match by {
                SignedOutBy::Logout => "/login".to_owned(),
                SignedOutBy::NoSession | SignedOutBy::Expiry => {
                    login_path(&location.pathname.get_untracked())
                }
            };
            navigate(
                &target,
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    move || match gate.get() {
        Gate::Wait | Gate::ToLogin | Gate::ToEnrol => view! { <Loading /> }.into_any(),
        Gate::Open => children().into_any(),
        Gate::Refused => view! { <NotFoundPage /> }.into_any(),
        Gate::Failed(err) => {
            let message = Signal::derive(move || Some(err.text(i18n)));
            view! {
                <section class="page">
                    <ErrorAlert message=message />
                    <button type="button" class="button" on:click=move |_| auth.reload()>
                        {move || i18n.t("retry")}
                    </button>
                </section>
            }
            .into_any()
        }
    }
}
