//! `/participants/{id}/suggestions`: the openings that fit the participant, best first, with the
//! reasons in words; from one the coach proposes a warm introduction.

use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::components::A;
use shared::{
    api::{IntroductionDetail, IntroductionInput, OpeningSuggestion},
    ids::{OpeningId, OrganisationId, ParticipantId},
    rules::matching::{MatchConcern, MatchReason},
};

use crate::{
    api,
    components::{
        FieldCheck, Form, FormAlert, Loaded, ParticipantFrame, TextAreaField, api_resource,
        focus_by_id, id_param, set_page_title, text,
    },
    i18n::{opening_kind_key, use_i18n},
    pages::{
        NotFoundPage,
        companies::keys::{match_concern, match_reason},
    },
};

#[component]
pub fn ParticipantSuggestionsPage() -> impl IntoView {
    set_page_title(text("suggestions-title"));
    let id = id_param::<ParticipantId>();
    move || match id.get() {
        Some(id) => view! { <Suggestions id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn Suggestions(id: ParticipantId) -> impl IntoView {
    let suggestions = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::matching::participant_suggestions(&id).await }
        })
    };
    let participant = id.clone();
    view! {
        <ParticipantFrame id=id title="suggestions-title">
            <section class="card" aria-labelledby="suggestions-list">
                <h2 id="suggestions-list">{text("suggestions-openings")}</h2>
                <p class="meta">{text("suggestions-intro")}</p>
                <Loaded resource=suggestions part=true children=move |list| {
                    if list.items.is_empty() {
                        return view! { <p>{text("suggestions-none")}</p> }.into_any();
                    }
                    let participant = participant.clone();
                    view! {
                        <ol class="item-list suggestions">
                            {list
                                .items
                                .into_iter()
                                .map(|s| {
                                    view! {
                                        <OpeningSuggestionItem
                                            suggestion=s
                                            participant=participant.clone()
                                        />
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                } />
            </section>
        </ParticipantFrame>
    }
}

#[component]
fn OpeningSuggestionItem(
    suggestion: OpeningSuggestion,
    participant: ParticipantId,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/openings/{}", suggestion.opening_id);
    let when = suggestion.date.or(suggestion.start_date);
    let kind = suggestion.kind;
    let title = suggestion.title.clone();
    view! {
        <li class="opening suggestion">
            <h3>
                <A href=href>{suggestion.title.clone()}</A>
            </h3>
            <p class="meta">
                {suggestion.organisation_name.clone()} " · " {text(opening_kind_key(kind))}
                {move || when.map(|d| format!(" · {}", i18n.date(&d)))}
            </p>
            <FitReasons reasons=suggestion.reasons.clone() concerns=suggestion.concerns.clone() />
            <ProposeFromSuggestion
                participant=participant
                organisation=suggestion.organisation_id.clone()
                opening=suggestion.opening_id.clone()
                about=title
            />
        </li>
    }
}

/// Why a suggestion fits, and what speaks against it, in words.
#[component]
pub(crate) fn FitReasons(reasons: Vec<MatchReason>, concerns: Vec<MatchConcern>) -> impl IntoView {
    view! {
        {(!reasons.is_empty())
            .then(|| {
                view! {
                    <p class="meta">{text("suggestions-why")}</p>
                    <ul class="reasons">
                        {reasons
                            .into_iter()
                            .map(|r| view! { <li>{text(match_reason(r))}</li> })
                            .collect_view()}
                    </ul>
                }
            })}
        {(!concerns.is_empty())
            .then(|| {
                view! {
                    <p class="meta">{text("suggestions-but")}</p>
                    <ul class="concerns">
                        {concerns
                            .into_iter()
                            .map(|c| view! { <li>{text(match_concern(c))}</li> })
                            .collect_view()}
                    </ul>
                }
            })}
    }
}

/// The button that opens the proposal of an introduction from a suggestion: the organisation
/// and the opening are those of the suggestion, the coach writes why. `IntroductionInput::validate`
/// as the user types and on sending; without the participant's consent the proposal waits for it.
#[component]
pub(crate) fn ProposeFromSuggestion(
    participant: ParticipantId,
    organisation: OrganisationId,
    opening: OpeningId,
    /// What the button is about, for screen readers: the opening's title or the person's name.
    about: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let answer = RwSignal::new(None::<IntroductionDetail>);
    let form_id = format!("propose-{participant}-{opening}");
    let field_id = format!("{form_id}-motivation");
    let errors_id = format!("{form_id}-errors");
    let field: &'static str = leak(&field_id);
    let fields: &'static [(&'static str, &'static str)] =
        Box::leak(vec![("motivation", field)].into_boxed_slice());
    let form = Form::new(leak(&form_id), fields);
    let motivation = RwSignal::new(String::new());
    let input = move || IntroductionInput {
        organisation_id: Some(organisation.clone()),
        opening_id: Some(opening.clone()),
        motivation: motivation.get(),
    };
    let live = {
        let input = input.clone();
        move || input().validate().err().map(|v| v.0).unwrap_or_default()
    };
    let shown = form.shown(live.clone());
    let check = FieldCheck::new(shown, "motivation", leak(&format!("{field_id}-errors")))
        .with_hint(leak(&format!("{field_id}-hint")));
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let participant = participant.clone();
        let input = input();
        form.submit(
            live(),
            move || async move { api::participants::propose_introduction(&participant, &input).await },
            move |saved| {
                motivation.set(String::new());
                open.set(false);
                answer.set(Some(saved));
            },
        );
    };
    let label = about.clone();
    view! {
        <div class="suggestion-propose">
            <p role="status" class="status-line">
                {move || {
                    answer
                        .get()
                        .map(|a| {
                            if a.waiting_for_consent {
                                i18n.t("suggestions-proposed-waiting")
                            } else {
                                i18n.t("introduction-proposed")
                            }
                        })
                }}
            </p>
            <button
                type="button"
                class="button button-secondary button-small"
                aria-expanded=move || open.get().to_string()
                aria-controls=form_id.clone()
                hidden=move || answer.get().is_some()
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    if open.get_untracked() {
                        request_animation_frame(move || focus_by_id(field));
                    }
                }
            >
                {text("suggestions-propose")}
                <span class="visually-hidden">": " {label}</span>
            </button>
            <form
                id=form_id.clone()
                class="form subform"
                novalidate
                hidden=move || !open.get()
                on:submit=on_submit
                on:input=move |ev| form.changed(&ev)
                aria-busy=move || form.busy().then_some("true")
            >
                <FormAlert form=form shown=shown errors_id=leak(&errors_id) />
                <p class="meta">{text("introduction-propose-intro")}</p>
                <TextAreaField
                    id=field
                    label=Signal::derive(move || i18n.t("introduction-motivation"))
                    value=motivation
                    check=check
                    hint=Signal::derive(move || i18n.t("introduction-motivation-hint"))
                />
                <button type="submit" class="button">
                    {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("introduction-submit") }}
                </button>
            </form>
        </div>
    }
}

/// The components of forms name their elements by `&'static str`; the ids of a form shown once
/// per suggestion are made once per suggestion shown.
fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}
