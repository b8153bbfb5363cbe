use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{Violation, ViolationKind};

use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{ErrorAlert, FieldCheck, TextField, focus_by_id, focus_soon},
    i18n::use_i18n,
};

/// The login's second step: the code of the authenticator app, or a recovery code. The session is
/// signed in once the server accepts it; `restart` goes back to the password, with `true` when
/// the password step has expired.
#[component]
pub fn SecondStep(restart: Callback<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let code = RwSignal::new(String::new());
    let recovery = RwSignal::new(false);
    let violations = RwSignal::new(Vec::<Violation>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    focus_soon("login-code");

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = code.get_untracked().trim().to_owned();
        failure.set(None);
        if typed.is_empty() {
            violations.set(vec![Violation::new("code", ViolationKind::Required {})]);
            focus_by_id("login-code");
            return;
        }
        violations.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let result = api::auth::second_factor(&typed).await;
            busy.set(false);
            match result {
                Ok(me) => auth.signed_in(me),
                Err(err) if err.is_unauthenticated() => restart.run(true),
                Err(err) => {
                    code.set(String::new());
                    let theirs = err.violations();
                    if theirs.is_empty() {
                        failure.set(Some(err));
                    } else {
                        violations.set(theirs);
                    }
                    focus_by_id("login-code");
                }
            }
        });
    };
    let switch = move |_| {
        recovery.update(|r| *r = !*r);
        code.set(String::new());
        violations.set(Vec::new());
        focus_soon("login-code");
    };

    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    let check =
        FieldCheck::new(violations, "code", "login-code-errors").with_hint("login-code-hint");
    // A phone shows digits for the app's code, letters too for a recovery code.
    let field = move || {
        if recovery.get() {
            view! {
                <TextField
                    id="login-code"
                    label=Signal::derive(move || i18n.t("login-recovery-code"))
                    value=code
                    check=check
                    autocomplete="off"
                    dir="ltr"
                    hint=Signal::derive(move || i18n.t("login-recovery-intro"))
                />
            }
            .into_any()
        } else {
            view! {
                <TextField
                    id="login-code"
                    label=Signal::derive(move || i18n.t("login-code"))
                    value=code
                    check=check
                    autocomplete="one-time-code"
                    inputmode="numeric"
                    dir="ltr"
                    hint=Signal::derive(move || i18n.t("login-code-intro"))
                />
            }
            .into_any()
        }
    };

    view! {
        <form
            class="card form"
            novalidate
            aria-labelledby="second-step-title"
            on:submit=on_submit
            aria-busy=move || busy.get().then_some("true")
        >
            <h2 id="second-step-title">{move || i18n.t("login-code-title")}</h2>
            <ErrorAlert message=message />
            {field}
            <button type="submit" class="button">
                {move || {
                    if busy.get() { i18n.t("login-code-busy") } else { i18n.t("login-code-submit") }
                }}
            </button>
            <button type="button" class="button button-secondary" on:click=switch>
                {move || {
                    if recovery.get() { i18n.t("login-use-app") } else { i18n.t("login-use-recovery") }
                }}
            </button>
            <button type="button" class="button button-secondary" on:click=move |_| restart.run(false)>
                {move || i18n.t("login-code-back")}
            </button>
        </form>
    }
}
