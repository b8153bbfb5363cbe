use leptos::prelude::*;
use shared::api::Me;

use crate::{components::set_page_title, i18n::use_i18n, pages::OrganisationOverview};

/// A company contact's home: their organisation, its openings with the people registered or
/// introduced, and the introductions to answer.
#[component]
pub fn CompanyHome(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let Some(organisation_id) = me.organisation_id else {
        set_page_title(move || i18n.t("company-home-title"));
        return view! {
            <section class="page" aria-labelledby="home-title">
                <h1 id="home-title">{move || i18n.t("company-home-title")}</h1>
                <p>{move || i18n.t("home-not-linked")}</p>
            </section>
        }
        .into_any();
    };
    view! { <OrganisationOverview id=organisation_id own=true /> }.into_any()
}
