use leptos::prelude::*;

use crate::i18n::use_i18n;

/// What someone else saved in the meantime, next to what the user typed, with the way to take
/// it over.
#[component]
pub fn LatestVersion(summary: String, take: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="alert alert-info latest-version" role="status">
            <p>{move || i18n.t("latest-loaded")}</p>
            <p class="meta">{summary}</p>
            <button
                type="button"
                class="button button-secondary button-small"
                on:click=move |_| take.run(())
            >
                {move || i18n.t("latest-take")}
            </button>
        </div>
    }
}
