use leptos::prelude::*;

use crate::{
    api,
    components::{Loaded, ParticipantList, api_resource, set_page_title},
    i18n::use_i18n,
    pages::Nudges,
};

/// A coach's home: the participants assigned to them.
#[component]
pub fn CoachHome() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("coach-home-title"));
    let participants = api_resource(api::participants::participants);
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">{move || i18n.t("coach-home-title")}</h1>
            <p>{move || i18n.t("coach-home-intro")}</p>
            <Nudges />
            <section class="card" aria-labelledby="coach-participants">
                <h2 id="coach-participants">{move || i18n.t("coach-home-participants")}</h2>
                <Loaded
                    resource=participants
                    part=true
                    children=move |page| view! { <ParticipantList participants=page.items /> }
                />
            </section>
        </section>
    }
}
