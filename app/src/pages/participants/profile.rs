use leptos::prelude::*;
use leptos_router::components::A;
use shared::{api::ParticipantDetail, ids::ParticipantId, roles::Role};

use super::{
    intake::ParticipantForm,
    rights::{DataDownload, ErasureSection},
};
use crate::{
    api::{self, ApiError, history::HistoryOf},
    auth::use_auth,
    components::{
        CalendarFeedSection, Glyph, HistoryPanel, Icon, Loaded, ParticipantTabs, api_resource,
        focus_soon, path_param, set_page_title,
    },
    i18n::use_i18n,
};

/// `/participants/{id}`: the profile. The server answers 404 both for a missing participant and
/// for one outside the caller's scope; both show the not-found page.
#[component]
pub fn ParticipantPage() -> impl IntoView {
    let i18n = use_i18n();
    // The document's title stays general: a tab or the history never shows a name.
    set_page_title(move || i18n.t("profile-title"));
    let id = path_param::<ParticipantId>("id");
    let participant = api_resource(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::participants::participant(&id).await,
                // Not an id at all: what the server would answer for one it does not know.
                None => Err(ApiError::not_found()),
            }
        }
    });
    view! {
        <Loaded resource=participant children=move |p| view! { <Profile participant=p /> } />
    }
}

#[component]
fn Profile(participant: ParticipantDetail) -> impl IntoView {
    let i18n = use_i18n();
    let role = use_auth().role();
    let staff = matches!(role, Some(Role::Coach | Role::Coordinator));
    let id = participant.id.clone();
    let history_of = participant.id.clone();
    let current = RwSignal::new(participant);
    let editing = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let done = Callback::new(move |p: ParticipantDetail| {
        current.set(p);
        editing.set(false);
        saved.set(true);
        focus_soon("profile-name");
    });
    let name = move || current.with(|p| i18n.participant_name(&p.first_name, &p.last_name));
    let edit = move || {
        if editing.get() {
            let existing = current.get_untracked();
            view! {
                <section class="card" aria-labelledby="profile-edit-title">
                    <h2 id="profile-edit-title">{move || i18n.t("profile-edit-title")}</h2>
                    <ParticipantForm existing=existing done=done />
                    <button
                        type="button"
                        class="button button-secondary"
                        on:click=move |_| editing.set(false)
                    >
                        {move || i18n.t("edit-cancel")}
                    </button>
                </section>
            }
            .into_any()
        } else {
            view! {
                <p>
                    <button
                        type="button"
                        class="button button-secondary"
                        on:click=move |_| {
                            saved.set(false);
                            editing.set(true);
                            focus_soon("participant-first-name");
                        }
                    >
                        <Icon glyph=Glyph::Edit />
                        {move || i18n.t("profile-edit")}
                    </button>
                </p>
            }
            .into_any()
        }
    };
    let edit = staff.then_some(edit);
    // A participant's own calendar; staff have theirs on their account page.
    let feed = (role == Some(Role::Participant)).then(|| view! { <CalendarFeedSection /> });
    let download_id = id.clone();
    view! {
        <section class="page" aria-labelledby="profile-name">
            <p class="eyebrow">{move || i18n.t("profile-title")}</p>
            <h1 id="profile-name" tabindex="-1">{name}</h1>
            <ParticipantTabs id=id />
            {move || {
                saved
                    .get()
                    .then(|| {
                        view! {
                            <p role="status" class="alert alert-success">
                                {move || i18n.t("edit-saved")}
                            </p>
                        }
                    })
            }}
            {move || view! { <Facts participant=current.get() staff=staff /> }}
            {edit}
            <HistoryPanel of=HistoryOf::Participant(history_of) />
            {feed}
            <DataDownload id=download_id />
            {move || view! { <ErasureSection participant=current.get() /> }}
        </section>
    }
}

#[component]
fn Facts(participant: ParticipantDetail, staff: bool) -> impl IntoView {
    let i18n = use_i18n();
    let ParticipantDetail {
        email,
        phone,
        languages,
        dutch_level,
        ladder_rung_at_intake: rung,
        cohort_id,
        ..
    } = participant;
    let languages = move || {
        languages
            .iter()
            .map(|code| i18n.language_name(code))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let phone = phone.map(|phone| {
        view! {
            <div>
                <dt>{move || i18n.t("profile-phone")}</dt>
                <dd>
                    <span dir="ltr">{phone.to_string()}</span>
                </dd>
            </div>
        }
    });
    let cohort = cohort_id
        .filter(|_| staff)
        .map(|id| view! { <CohortFact id=id /> });
    view! {
        <dl class="card facts">
            <div>
                <dt>{move || i18n.t("profile-email")}</dt>
                <dd>
                    <span dir="ltr">{email.to_string()}</span>
                </dd>
            </div>
            {phone}
            <div>
                <dt>{move || i18n.t("profile-languages")}</dt>
                <dd>{languages}</dd>
            </div>
            <div>
                <dt>{move || i18n.t("profile-dutch-level")}</dt>
                <dd>{dutch_level.as_str()}</dd>
            </div>
            <div>
                <dt>{move || i18n.t("profile-ladder")}</dt>
                <dd>
                    {move || {
                        i18n.t_with(
                            "profile-ladder-value",
                            &[("rung", rung.get().to_string()), ("name", i18n.ladder_rung(rung))],
                        )
                    }}
                </dd>
            </div>
            {cohort}
        </dl>
    }
}

/// The participant's cohort, as a link to its meetings (for coaches and coordinators).
#[component]
fn CohortFact(id: shared::ids::CohortId) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/cohorts/{id}");
    let cohort = api_resource(move || {
        let id = id.clone();
        async move { api::cohorts::cohort(&id).await }
    });
    view! {
        <div>
            <dt>{move || i18n.t("profile-cohort")}</dt>
            <dd>
                {move || {
                    let href = href.clone();
                    cohort
                        .get()
                        .and_then(Result::ok)
                        .map(|c| view! { <A href=href>{c.name}</A> })
                }}
            </dd>
        </div>
    }
}
