use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;

/// Shown for any path the app does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{move || i18n.t("not-found-title")}</h1>
            <p>{move || i18n.t("not-found-text")}</p>
            <p>
                <A href="/">{move || i18n.t("not-found-home")}</A>
            </p>
        </section>
    }
}
