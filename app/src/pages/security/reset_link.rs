use leptos::{prelude::*, task::spawn_local};
use shared::{api::PasswordResetCreated, ids::UserId};
use wasm_bindgen::JsCast;

use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{ErrorAlert, focus_by_id},
    i18n::use_i18n,
};

/// For a coordinator, in the list of accounts: a one-time link that sets a new password for the
/// account, shown once to pass on. The account's password keeps working until the link is used.
#[component]
pub fn PasswordResetButton(id: UserId, email: String) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(None::<PasswordResetCreated>);
    // Ids of an account's elements: its id holds only letters, digits, `-` and `_`.
    let link_id = format!("reset-link-{id}");
    let hint_id = format!("reset-link-hint-{id}");
    let shown_email = email.clone();
    let start = move |_| {
        if busy.get_untracked() {
            return;
        }
        let question = i18n.t_with("accounts-reset-confirm", &[("email", email.clone())]);
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        busy.set(true);
        failure.set(None);
        let id = id.clone();
        spawn_local(async move {
            let result = auth.check(api::users::create_password_reset(&id).await);
            busy.set(false);
            match result {
                Ok(reset) => created.set(Some(reset)),
                Err(err) => failure.set(Some(err)),
            }
        });
    };
    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    let link =
        move || {
            created.get().map(|PasswordResetCreated { link, expires_at }| {
            let (link_id, hint_id) = (link_id.clone(), hint_id.clone());
            let focus_id = link_id.clone();
            request_animation_frame(move || focus_by_id(&focus_id));
            view! {
                <div class="field">
                    <label for=link_id.clone()>{move || i18n.t("accounts-reset-link")}</label>
                    <input
                        id=link_id
                        type="text"
                        readonly
                        dir="ltr"
                        value=link
                        aria-describedby=hint_id.clone()
                        on:focus=move |ev| {
                            if let Some(input) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            {
                                input.select();
                            }
                        }
                    />
                    <p class="hint" id=hint_id>
                        {move || {
                            i18n.t_with(
                                "accounts-reset-hint",
                                &[("expires", i18n.date_time(&expires_at))],
                            )
                        }}
                    </p>
                </div>
            }
        })
        };
    view! {
        <button
            type="button"
            class="button button-secondary button-small"
            aria-disabled=move || busy.get().then_some("true")
            on:click=start
        >
            {move || i18n.t("accounts-reset")}
            <span class="visually-hidden">" " {shown_email}</span>
        </button>
        <ErrorAlert message=message />
        {link}
    }
}
