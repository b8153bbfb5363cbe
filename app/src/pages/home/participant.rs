use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::Me;

use crate::{components::set_page_title, i18n::use_i18n, pages::RouteView};

/// A participant's home: a welcome by first name and their route: what to do next, the next
/// meeting, their coach, the actions to tick off and how far they are.
#[component]
pub fn ParticipantHome(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let first_name = me.first_name.clone();
    let title = move || match &first_name {
        Some(name) => i18n.t_with("participant-home-title", &[("name", name.clone())]),
        None => i18n.t("participant-home-title-plain"),
    };
    set_page_title(title.clone());
    let route = me.participant_id.map(|id| {
        let profile = format!("/participants/{id}");
        let plan = format!("/participants/{id}/plan");
        view! {
            <RouteView id=id />
            <p class="actions">
                <A href=plan attr:class="button button-secondary">
                    {move || i18n.t("participant-home-plan")}
                </A>
                <A href=profile attr:class="button button-secondary">
                    {move || i18n.t("participant-home-profile")}
                </A>
            </p>
        }
    });
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">{title}</h1>
            <p>{move || i18n.t("participant-home-intro")}</p>
            {route}
        </section>
    }
}
