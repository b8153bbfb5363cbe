use leptos::{ev::SubmitEvent, prelude::*};
use shared::{
    api::{ConsentDetail, ConsentInput, ConsentPurpose},
    ids::{MunicipalityId, OrganisationId, ParticipantId},
    roles::Role,
};

use crate::{
    api,
    components::{
        FieldCheck, FieldErrors, Form, FormAlert, Loaded, ParticipantFrame, SelectField,
        api_resource, id_param, missing, role, set_page_title, text,
    },
    i18n::use_i18n,
    pages::{
        NotFoundPage,
        companies::keys::{CONSENT_PURPOSES, consent_purpose, pick},
    },
};

/// `/participants/{id}/consent`: what the participant shares with whom, given or withdrawn per
/// recipient and purpose. The participant and their coach change it; a coordinator reads it.
#[component]
pub fn ParticipantConsentPage() -> impl IntoView {
    set_page_title(text("consent-title"));
    let id = id_param::<ParticipantId>();
    move || match id.get() {
        Some(id) => view! { <Consents id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn Consents(id: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let consents = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::participants::consents(&id).await }
        })
    };
    let changes = matches!(role(), Some(Role::Participant | Role::Coach));
    let missing = missing(consents);
    let notice = RwSignal::new(None::<&'static str>);
    let changed = Callback::new(move |key: &'static str| {
        notice.set(Some(key));
        consents.refetch();
    });
    move || {
        if missing.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let id = id.clone();
        let list_id = id.clone();
        view! {
            <ParticipantFrame id=id.clone() title="consent-title">
                <p>{text("consent-intro")}</p>
                <p role="status" class="status-line">{move || notice.get().map(|key| i18n.t(key))}</p>
                <WhoSeesWhat />
                <Waiting participant=id.clone() changes=changes changed=changed />
                <section class="card" aria-labelledby="consent-list">
                    <h2 id="consent-list">{text("consent-list")}</h2>
                    <Loaded resource=consents part=true children=move |list| {
                        view! {
                            <ConsentList
                                participant=list_id.clone()
                                list=list
                                changes=changes
                                changed=changed
                            />
                        }
                    } />
                </section>
                {changes.then(|| view! { <GiveForm participant=id.clone() changed=changed /> })}
            </ParticipantFrame>
        }
        .into_any()
    }
}

#[component]
fn ConsentList(
    participant: ParticipantId,
    list: Vec<ConsentDetail>,
    changes: bool,
    changed: Callback<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p>{text("consent-none")}</p> }.into_any();
    }
    let form = Form::new("consent-change", &[]);
    let shown = form.shown(Vec::new);
    view! {
        <FormAlert form=form shown=shown errors_id="consent-change-errors" />
        <ul class="item-list">
            {list
                .into_iter()
                .map(|c| {
                    let purpose = c.purpose;
                    let changed_on = c.changed_on;
                    let given = c.given;
                    let recipient = c.recipient_name.clone();
                    let confirm = (c.needs_confirmation && role() == Some(Role::Participant))
                        .then(|| {
                            let participant = participant.clone();
                            let input = ConsentInput {
                                purpose,
                                organisation_id: c.organisation_id.clone(),
                                municipality_id: c.municipality_id.clone(),
                                given: true,
                            };
                            let recipient = recipient.clone();
                            view! {
                                <button
                                    type="button"
                                    class="button button-small"
                                    aria-disabled=move || form.busy().then_some("true")
                                    on:click=move |_| {
                                        let participant = participant.clone();
                                        let input = input.clone();
                                        form.submit(
                                            Vec::new(),
                                            move || async move {
                                                api::participants::set_consent(&participant, &input).await
                                            },
                                            move |_| changed.run("consent-confirmed-done"),
                                        );
                                    }
                                >
                                    {text("consent-confirm")}
                                    <span class="visually-hidden">": " {recipient.clone()}</span>
                                </button>
                            }
                        });
                    let by_coach = c
                        .needs_confirmation
                        .then(|| view! { <p class="meta">{text("consent-by-coach")}</p> });
                    let button = changes
                        .then(|| {
                            let participant = participant.clone();
                            let input = ConsentInput {
                                purpose,
                                organisation_id: c.organisation_id.clone(),
                                municipality_id: c.municipality_id.clone(),
                                given: !given,
                            };
                            let recipient = recipient.clone();
                            view! {
                                <button
                                    type="button"
                                    class="button button-small"
                                    class:button-secondary=given
                                    aria-disabled=move || form.busy().then_some("true")
                                    on:click=move |_| {
                                        let participant = participant.clone();
                                        let input = input.clone();
                                        form.submit(
                                            Vec::new(),
                                            move || async move {
                                                api::participants::set_consent(&participant, &input).await
                                            },
                                            move |_| {
                                                changed
                                                    .run(
                                                        if given { "consent-withdrawn-done" } else { "consent-given-done" },
                                                    )
                                            },
                                        );
                                    }
                                >
                                    {move || {
                                        if given { i18n.t("consent-withdraw") } else { i18n.t("consent-give-again") }
                                    }}
                                    <span class="visually-hidden">": " {recipient.clone()}</span>
                                </button>
                            }
                        });
                    view! {
                        <li class="consent">
                            <h3>{c.recipient_name}</h3>
                            <p>{text(consent_purpose(purpose))}</p>
                            <p class="meta">
                                <span class="badge badge-status" class:badge-ok=given>
                                    {move || {
                                        if given {
                                            i18n.t("consent-given")
                                        } else {
                                            i18n.t("consent-withdrawn")
                                        }
                                    }}
                                </span>
                                " · "
                                {move || {
                                    i18n.t_with("consent-changed-on", &[("date", i18n.date(&changed_on))])
                                }}
                            </p>
                            {by_coach}
                            {confirm}
                            {button}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

const FIELDS: &[(&str, &str)] = &[
    ("purpose", "consent-purpose"),
    ("organisation_id", "consent-organisation"),
    ("municipality_id", "consent-municipality"),
];

/// Gives consent for a recipient and purpose: `ConsentInput::validate` as the user types and on
/// sending. A coach chooses among the organisations of the region; the participant among the
/// organisations they were introduced to, or their municipality.
#[component]
fn GiveForm(participant: ParticipantId, changed: Callback<&'static str>) -> impl IntoView {
    let i18n = use_i18n();
    let coach = role() == Some(Role::Coach);
    let form = Form::new("consent-form", FIELDS);
    let purpose = RwSignal::new(CONSENT_PURPOSES[0].1.to_owned());
    let organisation = RwSignal::new(String::new());
    let profile = {
        let id = participant.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::participants::participant(&id).await }
        })
    };
    let organisations = {
        let id = participant.clone();
        api_resource(move || {
            let id = id.clone();
            async move {
                if coach {
                    api::organisations::organisations().await.map(|page| {
                        page.items
                            .into_iter()
                            .map(|o| (o.id.to_string(), o.name))
                            .collect::<Vec<_>>()
                    })
                } else {
                    api::participants::introductions(&id).await.map(|list| {
                        let mut seen: Vec<(String, String)> = Vec::new();
                        for i in list {
                            let key = i.organisation_id.to_string();
                            if !seen.iter().any(|(k, _)| *k == key) {
                                seen.push((key, i.organisation_name));
                            }
                        }
                        seen
                    })
                }
            }
        })
    };
    let municipality = Signal::derive(move || {
        profile
            .get()
            .and_then(Result::ok)
            .map(|p| p.municipality_id)
    });
    let input = move || {
        let purpose =
            pick(&CONSENT_PURPOSES, &purpose.get()).unwrap_or(ConsentPurpose::IntroductionProfile);
        let (organisation_id, municipality_id): (Option<OrganisationId>, Option<MunicipalityId>) =
            match purpose {
                ConsentPurpose::IntroductionProfile => {
                    (OrganisationId::parse(organisation.get()).ok(), None)
                }
                ConsentPurpose::MunicipalityResults => (None, municipality.get()),
            };
        ConsentInput {
            purpose,
            organisation_id,
            municipality_id,
            given: true,
        }
    };
    let live = move || input().validate().err().map(|v| v.0).unwrap_or_default();
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = {
        let participant = participant.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let participant = participant.clone();
            let input = input();
            form.submit(
                live(),
                move || async move { api::participants::set_consent(&participant, &input).await },
                move |_| {
                    organisation.set(String::new());
                    changed.run("consent-given-done");
                },
            );
        }
    };
    let purposes = Signal::derive(move || {
        CONSENT_PURPOSES
            .iter()
            .map(|(p, name)| ((*name).to_owned(), i18n.t(consent_purpose(*p))))
            .collect::<Vec<_>>()
    });
    let organisation_options =
        Signal::derive(move || organisations.get().and_then(Result::ok).unwrap_or_default());
    let for_organisation = move || {
        pick(&CONSENT_PURPOSES, &purpose.get()) != Some(ConsentPurpose::MunicipalityResults)
    };
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    view! {
        <section class="card" aria-labelledby="consent-form-title">
            <h2 id="consent-form-title">{text("consent-give")}</h2>
            <form
                id="consent-form"
                class="form"
                novalidate
                on:submit=on_submit
                on:input=move |ev| form.changed(&ev)
                aria-busy=move || form.busy().then_some("true")
            >
                <FormAlert form=form shown=shown errors_id="consent-form-errors" />
                <SelectField
                    id="consent-purpose"
                    label=t("consent-purpose")
                    value=purpose
                    check=check("purpose", "consent-purpose-errors")
                    options=purposes
                />
                {move || {
                    if for_organisation() {
                        view! {
                            <SelectField
                                id="consent-organisation"
                                label=t("consent-organisation")
                                value=organisation
                                check=check("organisation_id", "consent-organisation-errors")
                                options=organisation_options
                                empty=t("form-choose")
                            />
                        }
                            .into_any()
                    } else {
                        view! {
                            <p class="meta" id="consent-municipality">
                                {text("consent-municipality")}
                            </p>
                            <FieldErrors check=check("municipality_id", "consent-municipality-errors") />
                        }
                            .into_any()
                    }
                }}
                <button type="submit" class="button">
                    {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("consent-submit") }}
                </button>
            </form>
        </section>
    }
}

/// Who sees what, in plain words.
#[component]
fn WhoSeesWhat() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="consent-who">
            <h2 id="consent-who">{text("consent-who-title")}</h2>
            <p>{text("consent-who-organisation")}</p>
            <p>{text("consent-who-not")}</p>
            <p>{text("consent-who-municipality")}</p>
        </section>
    }
}

/// The coach's proposals that wait for the participant's consent, each with its button.
#[component]
fn Waiting(
    participant: ParticipantId,
    changes: bool,
    changed: Callback<&'static str>,
) -> impl IntoView {
    let introductions = {
        let id = participant.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::participants::introductions(&id).await }
        })
    };
    let form = Form::new("consent-waiting", &[]);
    let shown = form.shown(Vec::new);
    let done = Callback::new(move |key: &'static str| {
        introductions.refetch();
        changed.run(key);
    });
    view! {
        <Loaded resource=introductions part=true children=move |list| {
            let mut waiting: Vec<(OrganisationId, String)> = list
                .into_iter()
                .filter(|n| n.waiting_for_consent)
                .map(|n| (n.organisation_id, n.organisation_name))
                .collect();
            waiting.dedup();
            if waiting.is_empty() {
                return ().into_any();
            }
            let participant = participant.clone();
            view! {
                <section class="card" aria-labelledby="consent-waiting">
                    <h2 id="consent-waiting">{text("consent-waiting-title")}</h2>
                    <p>{text("consent-waiting-intro")}</p>
                    <FormAlert form=form shown=shown errors_id="consent-waiting-errors" />
                    <ul class="item-list">
                        {waiting
                            .into_iter()
                            .map(|(organisation, name)| {
                                let participant = participant.clone();
                                let input = ConsentInput {
                                    purpose: ConsentPurpose::IntroductionProfile,
                                    organisation_id: Some(organisation),
                                    municipality_id: None,
                                    given: true,
                                };
                                let button = changes.then(|| {
                                    let name = name.clone();
                                    view! {
                                        <button
                                            type="button"
                                            class="button button-small"
                                            aria-disabled=move || form.busy().then_some("true")
                                            on:click=move |_| {
                                                let participant = participant.clone();
                                                let input = input.clone();
                                                form.submit(
                                                    Vec::new(),
                                                    move || async move {
                                                        api::participants::set_consent(&participant, &input)
                                                            .await
                                                    },
                                                    move |_| done.run("consent-given-done"),
                                                );
                                            }
                                        >
                                            {text("consent-waiting-give")}
                                            <span class="visually-hidden">": " {name}</span>
                                        </button>
                                    }
                                });
                                view! {
                                    <li class="consent">
                                        <h3>{name}</h3>
                                        <p>{text("consent-purpose-introduction_profile")}</p>
                                        {button}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
            .into_any()
        } />
    }
}
