use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::{NavigateOptions, components::A, hooks::use_navigate};
use shared::{
    api::{CohortDetail, CohortInput, CohortSummary},
    ids::MunicipalityId,
    roles::Role,
};

use crate::{
    api,
    auth::use_auth,
    components::{
        FieldCheck, Form, FormAlert, Glyph, Icon, Loaded, SelectField, TextField, api_resource,
        focus_soon, set_page_title,
    },
    i18n::use_i18n,
};

const FIELDS: &[(&str, &str)] = &[
    ("municipality_id", "cohort-municipality"),
    ("name", "cohort-name"),
    ("location", "cohort-location"),
];

/// `/cohorts` (coordinator, coach): the cohorts of the region; a coordinator starts a new one.
#[component]
pub fn CohortsPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    set_page_title(move || i18n.t("cohorts-title"));
    let cohorts = api_resource(api::cohorts::cohorts);
    let coordinator = auth.role() == Some(Role::Coordinator);
    let adding = RwSignal::new(false);
    view! {
        <section class="page" aria-labelledby="cohorts-title">
            <h1 id="cohorts-title">{move || i18n.t("cohorts-title")}</h1>
            <p>{move || i18n.t("cohorts-intro")}</p>
            <section class="card" aria-labelledby="cohorts-list-title">
                <h2 id="cohorts-list-title">{move || i18n.t("cohorts-list-title")}</h2>
                <Loaded
                    resource=cohorts
                    part=true
                    children=move |page| view! { <CohortList cohorts=page.items /> }
                />
            </section>
            {coordinator
                .then(|| {
                    view! {
                        <section class="card" aria-labelledby="cohort-new-title">
                            <h2 id="cohort-new-title">{move || i18n.t("cohort-new-title")}</h2>
                            {move || {
                                if adding.get() {
                                    view! { <CohortForm /> }.into_any()
                                } else {
                                    view! {
                                        <button
                                            type="button"
                                            class="button button-secondary"
                                            on:click=move |_| {
                                                adding.set(true);
                                                focus_soon("cohort-name");
                                            }
                                        >
                                            <Icon glyph=Glyph::Plus />
                                            {move || i18n.t("cohort-new")}
                                        </button>
                                    }
                                        .into_any()
                                }
                            }}
                        </section>
                    }
                })}
        </section>
    }
}

#[component]
fn CohortList(cohorts: Vec<CohortSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if cohorts.is_empty() {
        return view! { <p>{move || i18n.t("cohorts-none")}</p> }.into_any();
    }
    view! {
        <ul class="item-list">
            {cohorts
                .into_iter()
                .map(|c| {
                    let href = format!("/cohorts/{}", c.id);
                    let count = c.participants;
                    let small = c.small;
                    view! {
                        <li>
                            <h3>
                                <A href=href>{c.name}</A>
                            </h3>
                            <p class="meta">
                                <Icon glyph=Glyph::Place />
                                {c.location}
                                " · "
                                <Icon glyph=Glyph::Group />
                                {move || {
                                    i18n.t_with("cohort-participants", &[("count", count.to_string())])
                                }}
                            </p>
                            {small
                                .then(|| {
                                    view! {
                                        <p class="badge badge-warning">
                                            {move || i18n.t("cohort-small")}
                                        </p>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// A new cohort in one of the coordinator's municipalities: `CohortInput::validate` as the user
/// types and on sending; afterwards its page, to schedule the meetings.
#[component]
fn CohortForm() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form = Form::new("cohort-form", FIELDS);
    let municipality = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let municipalities = api_resource(api::municipalities::municipalities);
    Effect::new(move |_| {
        if let Some(Ok(page)) = municipalities.get()
            && let [only] = page.items.as_slice()
            && municipality.with_untracked(String::is_empty)
        {
            municipality.set(only.id.to_string());
        }
    });
    let input = move || CohortInput {
        municipality_id: MunicipalityId::parse(municipality.get()).ok(),
        name: name.get(),
        location: location.get(),
    };
    let live = move || input().validate().err().map(|v| v.0).unwrap_or_default();
    let shown = form.shown(live);
    let check = move |field, errors| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = input();
        let navigate = navigate.clone();
        form.submit(
            live(),
            move || async move { api::cohorts::create_cohort(&input).await },
            move |cohort: CohortDetail| {
                navigate(
                    &format!("/cohorts/{}", cohort.id),
                    NavigateOptions::default(),
                );
            },
        );
    };
    let options = Signal::derive(move || {
        municipalities
            .get()
            .and_then(Result::ok)
            .map(|page| {
                page.items
                    .into_iter()
                    .map(|m| (m.id.to_string(), m.name))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    view! {
        <form
            id="cohort-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="cohort-errors" />
            <SelectField
                id="cohort-municipality"
                label=t("cohort-municipality")
                value=municipality
                check=check("municipality_id", "cohort-municipality-errors")
                options=options
                empty=t("edit-choose")
            />
            <TextField
                id="cohort-name"
                label=t("cohort-name")
                value=name
                check=check("name", "cohort-name-errors")
            />
            <TextField
                id="cohort-location"
                label=t("cohort-location")
                value=location
                check=check("location", "cohort-location-errors")
            />
            <button type="submit" class="button">
                {move || if form.busy() { i18n.t("edit-saving") } else { i18n.t("cohort-create") }}
            </button>
        </form>
    }
}
