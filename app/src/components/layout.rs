use leptos::prelude::*;
use leptos_router::components::A;

use crate::{components::LanguageSwitch, i18n::use_i18n};

/// Header with the name and the language switch, the main navigation, and the page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t("skip-to-content")}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">{move || i18n.t("app-name")}</A>
            <LanguageSwitch />
        </header>
        <nav class="site-nav" aria-label=move || i18n.t("nav-label")>
            <ul>
                <li>
                    <A href="/">{move || i18n.t("nav-home")}</A>
                </li>
            </ul>
        </nav>
        <main id="main" tabindex="-1">{children()}</main>
    }
}
