//! On an opening's page, for a coordinator: the participants of its municipality who fit it
//! best, with the reasons in words; from one they propose an introduction.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{
    api::{OpeningDetail, ParticipantSuggestion},
    ids::{OpeningId, OrganisationId},
};

use crate::{
    api,
    components::{Loaded, api_resource, text},
    i18n::use_i18n,
    pages::participants::suggestions::{FitReasons, ProposeFromSuggestion},
};

#[component]
pub fn SuggestedParticipants(opening: OpeningDetail) -> impl IntoView {
    let id = opening.id.clone();
    let organisation = opening.organisation_id.clone();
    let suggestions = api_resource(move || {
        let id = id.clone();
        async move { api::matching::opening_suggestions(&id).await }
    });
    let opening_id = opening.id.clone();
    view! {
        <section class="card" aria-labelledby="opening-suggestions">
            <h2 id="opening-suggestions">{text("suggestions-participants")}</h2>
            <p class="meta">{text("suggestions-participants-intro")}</p>
            <Loaded resource=suggestions part=true children=move |list| {
                if list.items.is_empty() {
                    return view! { <p>{text("suggestions-none")}</p> }.into_any();
                }
                let (opening, organisation) = (opening_id.clone(), organisation.clone());
                view! {
                    <ol class="item-list suggestions">
                        {list
                            .items
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <Suggested
                                        suggestion=s
                                        opening=opening.clone()
                                        organisation=organisation.clone()
                                    />
                                }
                            })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            } />
        </section>
    }
}

#[component]
fn Suggested(
    suggestion: ParticipantSuggestion,
    opening: OpeningId,
    organisation: OrganisationId,
) -> impl IntoView {
    let name = use_i18n().participant_name(&suggestion.first_name, &suggestion.last_name);
    let href = format!("/participants/{}", suggestion.participant_id);
    let about = name.clone();
    view! {
        <li class="suggestion">
            <h3>
                <A href=href>{name.clone()}</A>
            </h3>
            <p class="meta">{text("suggestions-dutch")} " " {suggestion.dutch_level.as_str()}</p>
            <FitReasons reasons=suggestion.reasons.clone() concerns=suggestion.concerns.clone() />
            <ProposeFromSuggestion
                participant=suggestion.participant_id.clone()
                organisation=organisation
                opening=opening
                about=about
            />
        </li>
    }
}
