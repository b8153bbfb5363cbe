use leptos::prelude::*;

use crate::{api, i18n::use_i18n};

/// Whether the server answers, for a visitor who wonders why nothing works.
#[component]
pub fn ServerStatus() -> impl IntoView {
    let i18n = use_i18n();
    let health = LocalResource::new(api::health);
    let status = move || {
        health.get().map(|result| match result {
            Ok(_) => i18n.t("health-ok"),
            Err(err) => err.text(i18n),
        })
    };
    view! {
        <section class="card server-status" aria-labelledby="health-title">
            <h2 id="health-title">{move || i18n.t("health-label")}</h2>
            <p role="status" aria-live="polite">
                <Transition fallback=move || i18n.t("health-checking")>{status}</Transition>
            </p>
        </section>
    }
}
