use leptos::{ev::SubmitEvent, prelude::*};
use shared::{
    api::IntroductionInput,
    ids::{OpeningId, OrganisationId, ParticipantId},
    roles::Role,
};

use crate::{
    api::{self, ApiError},
    components::{
        FieldCheck, Form, FormAlert, ParticipantFrame, SelectField, TextAreaField, api_resource,
        id_param, missing, role, set_page_title, text,
    },
    i18n::use_i18n,
    pages::{NotFoundPage, companies::IntroductionList},
};

/// `/participants/{id}/introductions`: the participant's warm introductions, and for the coach
/// and coordinator the form that proposes one.
#[component]
pub fn ParticipantIntroductionsPage() -> impl IntoView {
    set_page_title(text("introductions-title"));
    let id = id_param::<ParticipantId>();
    move || match id.get() {
        Some(id) => view! { <Introductions id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn Introductions(id: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let introductions = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::participants::introductions(&id).await }
        })
    };
    let proposes = matches!(role(), Some(Role::Coach | Role::Coordinator));
    let missing = missing(introductions);
    let proposed = RwSignal::new(false);
    move || {
        if missing.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let id = id.clone();
        view! {
            <ParticipantFrame id=id.clone() title="introductions-title">
                <p role="status" class="status-line">
                    {move || proposed.get().then(|| i18n.t("introduction-proposed"))}
                </p>
                <section class="card" aria-labelledby="introductions-list">
                    <h2 id="introductions-list">{text("introductions-list")}</h2>
                    <IntroductionList items=introductions />
                </section>
                {proposes
                    .then(|| {
                        view! {
                            <ProposeForm
                                participant=id.clone()
                                done=Callback::new(move |()| {
                                    proposed.set(true);
                                    introductions.refetch();
                                })
                            />
                        }
                    })}
            </ParticipantFrame>
        }
        .into_any()
    }
}

const FIELDS: &[(&str, &str)] = &[
    ("organisation_id", "introduction-organisation"),
    ("opening_id", "introduction-opening"),
    ("motivation", "introduction-motivation"),
];

/// A coach proposes the participant to an organisation, optionally for one of its openings:
/// `IntroductionInput::validate` as the user types and on sending. Without the participant's
/// consent for that organisation the proposal waits for it.
#[component]
fn ProposeForm(participant: ParticipantId, done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("introduction-form", FIELDS);
    let organisation = RwSignal::new(String::new());
    let opening = RwSignal::new(String::new());
    let motivation = RwSignal::new(String::new());
    let organisations = api_resource(api::organisations::organisations);
    let openings = api_resource(move || {
        let chosen = OrganisationId::parse(organisation.get()).ok();
        async move {
            match chosen {
                Some(id) => api::organisations::organisation_openings(&id)
                    .await
                    .map(|page| page.items),
                None => Ok::<_, ApiError>(Vec::new()),
            }
        }
    });
    let input = move || IntroductionInput {
        organisation_id: OrganisationId::parse(organisation.get()).ok(),
        opening_id: OpeningId::parse(opening.get()).ok(),
        motivation: motivation.get(),
    };
    let live = move || input().validate().err().map(|v| v.0).unwrap_or_default();
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let participant = participant.clone();
        let input = input();
        form.submit(
            live(),
            move || async move { api::participants::propose_introduction(&participant, &input).await },
            move |_| {
                for value in [organisation, opening, motivation] {
                    value.set(String::new());
                }
                done.run(());
            },
        );
    };
    let organisation_options = Signal::derive(move || {
        organisations
            .get()
            .and_then(Result::ok)
            .map(|page| {
                page.items
                    .into_iter()
                    .map(|o| (o.id.to_string(), o.name))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let opening_options = Signal::derive(move || {
        openings
            .get()
            .and_then(Result::ok)
            .map(|list| {
                list.into_iter()
                    .map(|o| (o.id.to_string(), o.title))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    view! {
        <section class="card" aria-labelledby="introduction-form-title">
            <h2 id="introduction-form-title">{text("introduction-propose")}</h2>
            <p class="meta">{text("introduction-propose-intro")}</p>
            <form
                id="introduction-form"
                class="form"
                novalidate
                on:submit=on_submit
                on:input=move |ev| form.changed(&ev)
                aria-busy=move || form.busy().then_some("true")
            >
                <FormAlert form=form shown=shown errors_id="introduction-form-errors" />
                <SelectField
                    id="introduction-organisation"
                    label=t("introduction-organisation")
                    value=organisation
                    check=check("organisation_id", "introduction-organisation-errors")
                    options=organisation_options
                    empty=t("form-choose")
                />
                <SelectField
                    id="introduction-opening"
                    label=t("introduction-opening")
                    value=opening
                    check=check("opening_id", "introduction-opening-errors")
                    options=opening_options
                    empty=t("introduction-no-opening")
                />
                <TextAreaField
                    id="introduction-motivation"
                    label=t("introduction-motivation")
                    value=motivation
                    check=check("motivation", "introduction-motivation-errors").with_hint("introduction-motivation-hint")
                    hint=t("introduction-motivation-hint")
                />
                <button type="submit" class="button">
                    {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("introduction-submit") }}
                </button>
            </form>
        </section>
    }
}
