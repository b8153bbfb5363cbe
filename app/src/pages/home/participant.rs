use leptos::prelude::*;
use leptos_router::components::A;
use shared::{api::Me, ids::ParticipantId};

use crate::{
    api,
    components::{api_resource, set_page_title},
    i18n::use_i18n,
    pages::RouteView,
};

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
    // The links come first, above what arrives later (the consent card, the route): they stay
    // where they are painted.
    let links = me.participant_id.clone().map(|id| {
        let profile = format!("/participants/{id}");
        let plan = format!("/participants/{id}/plan");
        view! {
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
    let confirm = me
        .participant_id
        .clone()
        .map(|id| view! { <ConsentToConfirm id=id /> });
    let route = me.participant_id.map(|id| view! { <RouteView id=id /> });
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">{title}</h1>
            <p>{move || i18n.t("participant-home-intro")}</p>
            {links}
            {confirm}
            {route}
        </section>
    }
}

/// Consent the coach gave on the participant's behalf, which the participant is asked to
/// confirm: the organisations, and the way to the consent page. Nothing when there is none.
#[component]
fn ConsentToConfirm(id: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/participants/{id}/consent");
    let consents = api_resource(move || {
        let id = id.clone();
        async move { api::participants::consents(&id).await }
    });
    move || {
        let names: Vec<String> = consents
            .get()
            .and_then(Result::ok)?
            .into_iter()
            .filter(|c| c.needs_confirmation)
            .map(|c| c.recipient_name)
            .collect();
        (!names.is_empty()).then(|| {
            let href = href.clone();
            view! {
                <section class="card" aria-labelledby="consent-confirm-title">
                    <h2 id="consent-confirm-title">
                        {move || i18n.t("participant-home-consent-title")}
                    </h2>
                    <p>{move || i18n.t("participant-home-consent-text")}</p>
                    <ul>{names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <p>
                        <A href=href attr:class="button">
                            {move || i18n.t("participant-home-consent-link")}
                        </A>
                    </p>
                </section>
            }
        })
    }
}
