use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{NavigateOptions, components::A, hooks::use_navigate};
use shared::{
    Violation,
    api::AcceptInvitationInput,
    rules::password::{MAX_CHARS, MIN_CHARS, check_password},
};

use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{ErrorAlert, FieldCheck, FieldErrors, PasswordField, focus_by_id, set_page_title},
    i18n::use_i18n,
};

/// The password's violations by the shared rules, as the user types. The list of common
/// passwords stays on the server, which answers `password_too_common` on sending.
fn password_violations(password: &str) -> Vec<Violation> {
    check_password(password, |_| false)
        .err()
        .map(|kind| Violation::new("password", kind))
        .into_iter()
        .collect()
}

/// The token of the link `/accept-invitation#<token>`. It sits in the fragment, which the browser
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

/// `/accept-invitation#<token>`: the invitee chooses a password and is signed in.
#[component]
pub fn AcceptInvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let navigate = use_navigate();
    set_page_title(move || i18n.t("accept-title"));

    let token = StoredValue::new(take_token());
    let password = RwSignal::new(String::new());
    // What the server refused, with the password it refused: typing on hides the refusal.
    let refused = RwSignal::new(None::<(String, Vec<Violation>)>);
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let violations = Signal::derive(move || {
        let typed = password.get();
        let mut found = if typed.is_empty() {
            Vec::new()
        } else {
            password_violations(&typed)
        };
        refused.with(|refused| {
            if let Some((for_password, theirs)) = refused {
                for v in theirs {
                    let current = v.field != "password" || *for_password == typed;
                    if current && !found.contains(v) {
                        found.push(v.clone());
                    }
                }
            }
        });
        found
    });

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
            // An empty field shows its refusal only now, when the user tries to send it.
            refused.set(Some((typed, mine)));
            focus_by_id("new-password");
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let input = AcceptInvitationInput {
                token,
                password: typed.clone(),
            };
            let result = api::auth::accept_invitation(&input).await;
            busy.set(false);
            match result {
                Ok(me) => {
                    auth.signed_in(me);
                    navigate(
                        "/",
                        NavigateOptions {
                            replace: true,
                            ..NavigateOptions::default()
                        },
                    );
                }
                Err(err) => {
                    let theirs = err.violations();
                    if theirs.is_empty() {
                        failure.set(Some(err));
                    } else {
                        if theirs.iter().any(|v| v.field == "password") {
                            focus_by_id("new-password");
                        }
                        refused.set(Some((typed, theirs)));
                    }
                }
            }
        });
    };

    let password_check = FieldCheck::new(violations, "password", "new-password-errors")
        .with_hint("new-password-hint");
    let token_check = FieldCheck::new(violations, "token", "token-errors");
    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    let hint = Signal::derive(move || {
        i18n.t_with(
            "accept-password-hint",
            &[
                ("min", MIN_CHARS.to_string()),
                ("max", MAX_CHARS.to_string()),
            ],
        )
    });

    let body = if token.with_value(Option::is_some) {
        view! {
            <p>{move || i18n.t("accept-intro")}</p>
            <form
                class="card form"
                novalidate
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
                    id="new-password"
                    label=Signal::derive(move || i18n.t("accept-password"))
                    value=password
                    check=password_check
                    autocomplete="new-password"
                    hint=hint
                />
                <button type="submit" class="button">
                    {move || if busy.get() { i18n.t("accept-busy") } else { i18n.t("accept-submit") }}
                </button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <p role="alert" class="alert alert-error">
                {move || i18n.t("accept-no-token")}
            </p>
            <p>
                <A href="/login">{move || i18n.t("accept-to-login")}</A>
            </p>
        }
        .into_any()
    };

    view! {
        <section class="page narrow" aria-labelledby="accept-title">
            <h1 id="accept-title">{move || i18n.t("accept-title")}</h1>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::ViolationKind;

    #[test]
    fn seven_characters_are_refused_as_the_user_types_and_eight_accepted() {
        assert_eq!(
            password_violations("abcdefg"),
            vec![Violation::new(
                "password",
                ViolationKind::PasswordTooShort { min: 8 }
            )]
        );
        assert!(password_violations("abcdefgh").is_empty());
    }
}
