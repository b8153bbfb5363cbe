use leptos::prelude::*;

use crate::i18n::{Lang, use_i18n};

/// A labelled list of the languages, each in its own name.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="language-switch">
            <label for="language">{move || i18n.t("language-label")}</label>
            <select
                id="language"
                prop:value=move || i18n.lang().code()
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        i18n.set_lang(lang);
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
