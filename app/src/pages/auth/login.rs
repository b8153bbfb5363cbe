use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    hooks::{use_navigate, use_query_map},
};
use shared::{
    Violation, ViolationKind,
    api::{LoginAnswer, LoginInput},
};

use crate::{
    api::{self, ApiError},
    auth::{AuthState, SignedOutBy, safe_next, use_auth},
    components::{
        ErrorAlert, FieldCheck, PasswordField, ServerStatus, TextField, focus_by_id, focus_soon,
        set_page_title,
    },
    i18n::use_i18n,
};

use super::second_step::SecondStep;

/// `/login?next=<path>`: email and password, then the code of the second factor when the account
/// has one; afterwards the page the user came from, or their home page.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let navigate = use_navigate();
    let query = use_query_map();
    set_page_title(move || i18n.t("login-title"));

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let violations = RwSignal::new(Vec::<Violation>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    // The password was right and the second factor's code is asked.
    let second_step = RwSignal::new(false);
    // The second step took too long: the password is asked again.
    let step_expired = RwSignal::new(false);

    // Signed in (now, or already before coming here): go on to where the user was going.
    Effect::new(move |_| {
        if auth.me().is_some() {
            let next = query.with_untracked(|q| safe_next(q.get_str("next")).map(str::to_owned));
            navigate(
                next.as_deref().unwrap_or("/"),
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let input = LoginInput {
            email: email.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        let mut found = Vec::new();
        if input.email.is_empty() {
            found.push(Violation::new("email", ViolationKind::Required {}));
        }
        if input.password.is_empty() {
            found.push(Violation::new("password", ViolationKind::Required {}));
        }
        failure.set(None);
        step_expired.set(false);
        if let Some(first) = found.first() {
            let id = if first.field == "email" {
                "login-email"
            } else {
                "login-password"
            };
            violations.set(found);
            focus_by_id(id);
            return;
        }
        violations.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let result = api::auth::login(&input).await;
            busy.set(false);
            match result {
                Ok(LoginAnswer::SignedIn(me)) => auth.signed_in(me),
                Ok(LoginAnswer::SecondFactorRequired) => {
                    password.set(String::new());
                    second_step.set(true);
                }
                Err(err) => {
                    violations.set(err.violations());
                    password.set(String::new());
                    failure.set(Some(err));
                }
            }
        });
    };

    let message = Signal::derive(move || {
        failure.get().map(|err| {
            if err.is_unauthenticated() {
                i18n.t("login-failed")
            } else {
                err.text(i18n)
            }
        })
    });
    let expired = move || {
        (auth.state() == AuthState::SignedOut(SignedOutBy::Expiry)).then(|| {
            view! { <p class="alert alert-info">{move || i18n.t("login-session-ended")}</p> }
        })
    };
    let restart = Callback::new(move |expired: bool| {
        second_step.set(false);
        step_expired.set(expired);
        focus_soon("login-password");
    });
    let step_expired_notice = move || {
        step_expired.get().then(|| {
            view! { <p class="alert alert-info" role="status">{move || i18n.t("login-code-expired")}</p> }
        })
    };
    let email_check = FieldCheck::new(violations, "email", "login-email-errors");
    let password_check = FieldCheck::new(violations, "password", "login-password-errors");

    view! {
        <section class="page narrow" aria-labelledby="home-title">
            <h1 id="home-title">{move || i18n.t("home-title")}</h1>
            <p>{move || i18n.t("home-intro")}</p>
            {expired}
            {step_expired_notice}
            <form
                class="card form"
                novalidate
                aria-labelledby="login-title"
                on:submit=on_submit
                aria-busy=move || busy.get().then_some("true")
                hidden=move || second_step.get()
            >
                <h2 id="login-title">{move || i18n.t("login-title")}</h2>
                <ErrorAlert message=message />
                <TextField
                    id="login-email"
                    label=Signal::derive(move || i18n.t("login-email"))
                    value=email
                    check=email_check
                    input_type="email"
                    autocomplete="username"
                    dir="ltr"
                />
                <PasswordField
                    id="login-password"
                    label=Signal::derive(move || i18n.t("login-password"))
                    value=password
                    check=password_check
                    autocomplete="current-password"
                />
                <button type="submit" class="button">
                    {move || if busy.get() { i18n.t("login-busy") } else { i18n.t("login-submit") }}
                </button>
            </form>
            <Show when=move || second_step.get()>
                <SecondStep restart=restart />
            </Show>
            <p class="hint">{move || i18n.t("login-no-account")}</p>
            <ServerStatus />
        </section>
    }
}
