use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    components::A,
    hooks::{use_location, use_navigate},
};
use shared::{api::SecondFactor, roles::Role};

use crate::{
    access::Screen,
    api::{self, ApiError},
    auth::{AuthState, use_auth},
    components::{ErrorAlert, LanguageSwitch, focus_by_id},
    i18n::use_i18n,
    pages::{AuditNavItem, CompanyNavItems, TrainingNavItems},
};

/// Header with the name and the language switch, the main navigation (only what the role may
/// use), and the page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // After a move to another page, the keyboard and screen reader continue at its content.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            focus_by_id("main");
        }
        path
    });
    view! {
        <a class="skip-link" href="#main">{move || i18n.t("skip-to-content")}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">{move || i18n.t("app-name")}</A>
            <LanguageSwitch />
        </header>
        <Navigation />
        <main id="main" tabindex="-1">{children()}</main>
    }
}

/// The main menu: the login page for a visitor; the home page, the screens the role may use, the
/// security page and the logout button for a signed-in user (only the last two for an account that
/// must enrol a second factor first).
#[component]
fn Navigation() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let navigate = use_navigate();
    let me = Memo::new(move |_| auth.me());
    let signed_out = Memo::new(move |_| {
        matches!(
            auth.state(),
            AuthState::SignedOut(_) | AuthState::Unknown(_)
        )
    });
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let logout = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::auth::logout().await;
            busy.set(false);
            match result {
                Ok(()) => {}
                // The session had already ended: the user is logged out all the same.
                Err(err) if err.is_unauthenticated() => {}
                Err(err) => {
                    failure.set(Some(err));
                    return;
                }
            }
            auth.signed_out();
            navigate("/login", NavigateOptions::default());
        });
    };
    let items = move || match me.get() {
        Some(me) if me.second_factor == SecondFactor::Required => {
            let logout = logout.clone();
            view! {
                <li>
                    <A href="/security">{move || i18n.t("nav-security")}</A>
                </li>
                <li class="nav-end">
                    <button
                        type="button"
                        class="nav-button"
                        aria-disabled=move || busy.get().then_some("true")
                        on:click=logout
                    >
                        {move || i18n.t("nav-logout")}
                    </button>
                </li>
            }
            .into_any()
        }
        Some(me) => {
            let profile = me
                .participant_id
                .clone()
                .filter(|_| me.role == Role::Participant)
                .map(|id| {
                    let href = format!("/participants/{id}");
                    view! {
                        <li>
                            <A href=href exact=true>
                                {move || i18n.t("nav-profile")}
                            </A>
                        </li>
                    }
                });
            let accounts = Screen::Accounts.allows(me.role).then(|| {
                view! {
                    <li>
                        <A href="/accounts">{move || i18n.t("nav-accounts")}</A>
                    </li>
                }
            });
            let logout = logout.clone();
            view! {
                <li>
                    <A href="/">{move || i18n.t("nav-home")}</A>
                </li>
                {profile}
                {accounts}
                <TrainingNavItems me=me.clone() />
                <CompanyNavItems role=me.role />
                <AuditNavItem role=me.role />
                <li>
                    <A href="/security">{move || i18n.t("nav-security")}</A>
                </li>
                <li class="nav-end">
                    <button
                        type="button"
                        class="nav-button"
                        aria-disabled=move || busy.get().then_some("true")
                        on:click=logout
                    >
                        {move || i18n.t("nav-logout")}
                    </button>
                </li>
            }
            .into_any()
        }
        None if signed_out.get() => view! {
            <li>
                <A href="/login">{move || i18n.t("nav-login")}</A>
            </li>
        }
        .into_any(),
        None => ().into_any(),
    };
    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    view! {
        <nav class="site-nav" aria-label=move || i18n.t("nav-label")>
            <ul>{items}</ul>
            <ErrorAlert message=message />
        </nav>
    }
}
