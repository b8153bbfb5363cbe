use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::ParticipantSummary;

use crate::i18n::use_i18n;

/// Participants as links to their profiles, or a note that there are none.
#[component]
pub fn ParticipantList(participants: Vec<ParticipantSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if participants.is_empty() {
        return view! { <p>{move || i18n.t("participants-none")}</p> }.into_any();
    }
    view! {
        <ul class="link-list">
            {participants
                .into_iter()
                .map(|p| {
                    let href = format!("/participants/{}", p.id);
                    let name = move || i18n.participant_name(&p.first_name, &p.last_name);
                    view! {
                        <li>
                            <A href=href>{name}</A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
