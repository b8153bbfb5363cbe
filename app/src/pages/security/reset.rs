use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::components::A;
use shared::{
    Violation, ViolationKind,
    api::ResetPasswordInput,
    rules::password::{MAX_CHARS, MIN_CHARS, check_password},
};

use crate::{
    api::{self, ApiError},
    components::{ErrorAlert, FieldCheck, FieldErrors, PasswordField, focus_by_id, set_page_title},
    i18n::use_i18n,
};

/// The token of the link `/reset-password#<token>`. It sits in the fragment, which the browser
/// never sends to a server; once read it is taken out of the address bar and the history.
fn take_token() -> Option<String> {
    let location = window().location();
    let token = location
        .hash()
        .ok()
        .map(|hash| hash.trim_start_matches('#').to_owned())
        .filter(|token| !token.is_empty())?;
    if let (Ok(history), Ok(path)) = (window().history(), location.pathname()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(token)
}

fn password_violations(password: &str) -> Vec<Violation> {
    let kind = if password.is_empty() {
        Some(ViolationKind::Required {})
    } else {
        check_password(password, |_| false).err()
    };
    kind.map(|kind| Violation::new("password", kind))
        .into_iter()
        .collect()
}

/// `/reset-password#<token>`: a new password from a link a coordinator gave. The old password
/// stops working and every session of the account ends; the user then logs in with the new one.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("reset-title"));
    let token = StoredValue::new(take_token());
    let password = RwSignal::new(String::new());
    let violations = RwSignal::new(Vec::<Violation>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let done = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(token) = token.get_value() else {
            return;
        };
        let typed = password.get_untracked();
        failure.set(None);
        let mine = password_violations(&typed);
        if !mine.is_empty() {
            violations.set(mine);
            focus_by_id("reset-password");
            return;
        }
        violations.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let input = ResetPasswordInput {
                token,
                password: typed,
            };
            let result = api::auth::reset_password(&input).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    password.set(String::new());
                    done.set(true);
                    focus_by_id("reset-done");
                }
                Err(err) => {
                    let theirs = err.violations();
                    if theirs.is_empty() {
                        failure.set(Some(err));
                    } else {
                        if theirs.iter().any(|v| v.field == "password") {
                            focus_by_id("reset-password");
                        }
                        violations.set(theirs);
                    }
                }
            }
        });
    };

    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    let password_check = FieldCheck::new(violations, "password", "reset-password-errors")
        .with_hint("reset-password-hint");
    let token_check = FieldCheck::new(violations, "token", "reset-token-errors");
    let hint = Signal::derive(move || {
        i18n.t_with(
            "accept-password-hint",
            &[
                ("min", MIN_CHARS.to_string()),
                ("max", MAX_CHARS.to_string()),
            ],
        )
    });

    let form = view! {
        <p>{move || i18n.t("reset-intro")}</p>
        <form
            class="card form"
            novalidate
            aria-labelledby="reset-title"
            on:submit=on_submit
            aria-busy=move || busy.get().then_some("true")
        >
            <ErrorAlert message=message />
            {move || {
                token_check
                    .invalid()
                    .then(|| {
                        view! {
                            <div role="alert" class="alert alert-error">
                                <FieldErrors check=token_check />
                            </div>
                        }
                    })
            }}
            <PasswordField
                id="reset-password"
                label=Signal::derive(move || i18n.t("reset-password"))
                value=password
                check=password_check
                autocomplete="new-password"
                hint=hint
            />
            <button type="submit" class="button">
                {move || if busy.get() { i18n.t("reset-busy") } else { i18n.t("reset-submit") }}
            </button>
        </form>
    };
    let body = if token.with_value(Option::is_some) {
        view! {
            <div hidden=move || done.get()>{form}</div>
            <div class="alert alert-success" hidden=move || !done.get()>
                <p id="reset-done" role="status" tabindex="-1">
                    {move || i18n.t("reset-done")}
                </p>
                <p>
                    <A href="/login">{move || i18n.t("accept-to-login")}</A>
                </p>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p role="alert" class="alert alert-error">
                {move || i18n.t("reset-no-token")}
            </p>
            <p>
                <A href="/login">{move || i18n.t("accept-to-login")}</A>
            </p>
        }
        .into_any()
    };

    view! {
        <section class="page narrow" aria-labelledby="reset-title">
            <h1 id="reset-title">{move || i18n.t("reset-title")}</h1>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_or_short_password_is_refused_before_sending() {
        assert_eq!(password_violations("")[0].kind, ViolationKind::Required {});
        assert_eq!(
            password_violations("abcdefg")[0].kind,
            ViolationKind::PasswordTooShort { min: 8 }
        );
        assert!(password_violations("abcdefgh").is_empty());
    }
}
