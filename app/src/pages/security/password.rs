use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use shared::{
    Violation, ViolationKind,
    api::PasswordChangeInput,
    rules::password::{MAX_CHARS, MIN_CHARS, check_password},
};

use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{ErrorAlert, FieldCheck, PasswordField, focus_by_id},
    i18n::use_i18n,
};

/// The violations of a password change by the shared rules: both fields filled in, and the new
/// password long enough and not too long. The list of common passwords stays on the server.
pub fn change_violations(current: &str, new: &str) -> Vec<Violation> {
    let mut found = Vec::new();
    if current.is_empty() {
        found.push(Violation::new(
            "current_password",
            ViolationKind::Required {},
        ));
    }
    if new.is_empty() {
        found.push(Violation::new("new_password", ViolationKind::Required {}));
    } else if let Err(kind) = check_password(new, |_| false) {
        found.push(Violation::new("new_password", kind));
    }
    found
}

/// Moves the focus to the first field with a violation.
fn focus_first(violations: &[Violation]) {
    let order = [
        ("current_password", "current-password"),
        ("new_password", "changed-password"),
    ];
    if let Some((_, id)) = order
        .iter()
        .find(|(field, _)| violations.iter().any(|v| v.field == *field))
    {
        focus_by_id(id);
    }
}

/// Changing one's password: the current one and a new one. Every other session of the account
/// ends; this one stays.
#[component]
pub fn PasswordChange() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let violations = RwSignal::new(Vec::<Violation>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let done = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let input = PasswordChangeInput {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        failure.set(None);
        done.set(false);
        let found = change_violations(&input.current_password, &input.new_password);
        if !found.is_empty() {
            focus_first(&found);
            violations.set(found);
            return;
        }
        violations.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let result = auth.check(api::auth::change_password(&input).await);
            busy.set(false);
            match result {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    done.set(true);
                }
                Err(err) => {
                    let theirs = err.violations();
                    if theirs.iter().any(|v| v.field == "current_password") {
                        current.set(String::new());
                    }
                    focus_first(&theirs);
                    if theirs.is_empty() {
                        failure.set(Some(err));
                    } else {
                        violations.set(theirs);
                    }
                }
            }
        });
    };

    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    let current_check = FieldCheck::new(violations, "current_password", "current-password-errors");
    let new_check = FieldCheck::new(violations, "new_password", "changed-password-errors")
        .with_hint("changed-password-hint");
    let hint = Signal::derive(move || {
        i18n.t_with(
            "accept-password-hint",
            &[
                ("min", MIN_CHARS.to_string()),
                ("max", MAX_CHARS.to_string()),
            ],
        )
    });
    view! {
        <div class="card">
            <form
                class="form"
                novalidate
                aria-labelledby="password-title"
                on:submit=on_submit
                aria-busy=move || busy.get().then_some("true")
            >
                <h2 id="password-title">{move || i18n.t("password-title")}</h2>
                <p>{move || i18n.t("password-intro")}</p>
                {move || {
                    done.get()
                        .then(|| {
                            view! {
                                <p class="alert alert-success" role="status">
                                    {move || i18n.t("password-changed")}
                                </p>
                            }
                        })
                }}
                <ErrorAlert message=message />
                <PasswordField
                    id="current-password"
                    label=Signal::derive(move || i18n.t("password-current"))
                    value=current
                    check=current_check
                    autocomplete="current-password"
                />
                <PasswordField
                    id="changed-password"
                    label=Signal::derive(move || i18n.t("password-new"))
                    value=new
                    check=new_check
                    autocomplete="new-password"
                    hint=hint
                />
                <button type="submit" class="button">
                    {move || {
                        if busy.get() { i18n.t("password-busy") } else { i18n.t("password-submit") }
                    }}
                </button>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_passwords_are_needed_and_the_new_one_follows_the_rules() {
        let fields = |found: Vec<Violation>| -> Vec<(String, String)> {
            found
                .into_iter()
                .map(|v| (v.field, v.kind.code().to_owned()))
                .collect()
        };
        assert_eq!(
            fields(change_violations("", "")),
            [
                ("current_password".into(), "required".into()),
                ("new_password".into(), "required".into())
            ]
        );
        assert_eq!(
            fields(change_violations("old one", "short")),
            [("new_password".into(), "password_too_short".into())]
        );
        assert!(change_violations("old one", "a long new passphrase").is_empty());
    }
}
