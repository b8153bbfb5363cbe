use leptos::prelude::*;

use crate::{api, i18n::use_i18n};

/// The start page, with the server's health.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let health = LocalResource::new(api::health);
    let status = move || {
        health.get().map(|result| match result {
            Ok(_) => i18n.t("health-ok"),
            Err(err) => err.text(i18n),
        })
    };
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">{move || i18n.t("home-title")}</h1>
            <p>{move || i18n.t("home-intro")}</p>
            <div class="card">
                <h2>{move || i18n.t("health-label")}</h2>
                <p role="status" aria-live="polite">
                    <Suspense fallback=move || i18n.t("health-checking")>{status}</Suspense>
                </p>
            </div>
        </section>
    }
}
