use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::Me;

use crate::{components::set_page_title, i18n::use_i18n};

/// A participant's home: a welcome by first name and the way to their own profile.
#[component]
pub fn ParticipantHome(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let first_name = me.first_name.clone();
    let title = move || match &first_name {
        Some(name) => i18n.t_with("participant-home-title", &[("name", name.clone())]),
        None => i18n.t("participant-home-title-plain"),
    };
    set_page_title(title.clone());
    let profile = me.participant_id.map(|id| {
        let href = format!("/participants/{id}");
        view! {
            <p>
                <A href=href attr:class="button">
                    {move || i18n.t("participant-home-profile")}
                </A>
            </p>
        }
    });
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">{title}</h1>
            <p>{move || i18n.t("participant-home-intro")}</p>
            <div class="card">
                <h2>{move || i18n.t("participant-home-route-title")}</h2>
                <p>{move || i18n.t("participant-home-route")}</p>
            </div>
            {profile}
        </section>
    }
}
