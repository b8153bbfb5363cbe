use leptos::prelude::*;

use crate::{
    auth::{AuthState, use_auth},
    i18n::{Lang, store_on_account, use_i18n},
};

/// A labelled list of the languages, each in its own name, in the header of every page. Someone
/// signed in changes the language of their account with it, for every browser.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    view! {
        <div class="language-switch">
            <label for="language">{move || i18n.t("language-label")}</label>
            <select
                id="language"
                prop:value=move || i18n.lang().code()
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        i18n.set_lang(lang);
                        let stored = match auth.state_untracked() {
                            AuthState::SignedIn(me) => Some(me.interface_language),
                            AuthState::Loading
                            | AuthState::SignedOut(_)
                            | AuthState::Unknown(_) => None,
                        };
                        if stored.is_some_and(|s| s != Some(lang.interface())) {
                            store_on_account(lang, auth);
                        }
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.code() lang=lang.code()>
                                {lang.own_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
