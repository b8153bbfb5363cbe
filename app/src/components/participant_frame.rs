use leptos::prelude::*;
use shared::ids::ParticipantId;

use crate::{
    api,
    components::{ParticipantTabs, api_resource},
    i18n::use_i18n,
};

/// The top of a participant's page: their name, the page's heading and the tabs of the file.
#[component]
pub fn ParticipantFrame(
    id: ParticipantId,
    /// The key of the page's title.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let participant = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::participants::participant(&id).await }
        })
    };
    let name = move || {
        participant
            .get()
            .and_then(Result::ok)
            .map(|p| i18n.participant_name(&p.first_name, &p.last_name))
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="eyebrow">{name}</p>
            <h1 id="page-title">{move || i18n.t(title)}</h1>
            <ParticipantTabs id=id />
            {children()}
        </section>
    }
}
