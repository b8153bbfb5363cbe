use leptos::prelude::*;
use leptos_router::components::A;
use shared::{api::MunicipalityDetail, ids::MunicipalityId};

use super::municipality_form::MunicipalityForm;
use crate::{
    api::{self, ApiError},
    components::{
        AgreementFacts, Glyph, Icon, Loaded, api_resource, focus_soon, path_param, set_page_title,
    },
    i18n::use_i18n,
};

/// `/municipalities` (coordinator): the municipalities of the region with their agreements, and
/// a new one.
#[component]
pub fn MunicipalitiesPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("municipalities-title"));
    let municipalities = api_resource(api::municipalities::municipalities);
    let adding = RwSignal::new(false);
    let added = RwSignal::new(Vec::<MunicipalityDetail>::new());
    let done = Callback::new(move |saved: MunicipalityDetail| {
        added.update(|list| list.push(saved));
        adding.set(false);
        focus_soon("municipalities-list-title");
    });
    view! {
        <section class="page" aria-labelledby="municipalities-title">
            <h1 id="municipalities-title">{move || i18n.t("municipalities-title")}</h1>
            <section class="card" aria-labelledby="municipalities-list-title">
                <h2 id="municipalities-list-title" tabindex="-1">
                    {move || i18n.t("municipalities-list-title")}
                </h2>
                <Loaded resource=municipalities part=true children=move |page| {
                    let mut all = page.items;
                    all.extend(added.get());
                    view! { <MunicipalityList municipalities=all /> }
                } />
            </section>
            <section class="card" aria-labelledby="municipality-new-title">
                <h2 id="municipality-new-title">{move || i18n.t("municipality-new-title")}</h2>
                {move || {
                    if adding.get() {
                        view! { <MunicipalityForm done=done /> }.into_any()
                    } else {
                        view! {
                            <button
                                type="button"
                                class="button button-secondary"
                                on:click=move |_| {
                                    adding.set(true);
                                    focus_soon("municipality-code");
                                }
                            >
                                <Icon glyph=Glyph::Plus />
                                {move || i18n.t("municipality-new")}
                            </button>
                        }
                            .into_any()
                    }
                }}
            </section>
        </section>
    }
}

#[component]
fn MunicipalityList(municipalities: Vec<MunicipalityDetail>) -> impl IntoView {
    let i18n = use_i18n();
    if municipalities.is_empty() {
        return view! { <p>{move || i18n.t("municipalities-none")}</p> }.into_any();
    }
    view! {
        <ul class="item-list">
            {municipalities
                .into_iter()
                .map(|m| {
                    let href = format!("/municipalities/{}", m.id);
                    view! {
                        <li>
                            <h3>
                                <A href=href>{m.name}</A>
                                " "
                                <span class="code">{m.cbs_code.to_string()}</span>
                            </h3>
                            <AgreementFacts agreement=m.agreement />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// `/municipalities/{id}` (coordinator): the municipality and its agreement, to change.
#[component]
pub fn MunicipalityPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("municipality-edit-title"));
    let id = path_param::<MunicipalityId>("id");
    let municipality = api_resource(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::municipalities::municipality(&id).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    view! {
        <Loaded
            resource=municipality
            children=move |m| view! { <MunicipalityEdit municipality=m /> }
        />
    }
}

#[component]
fn MunicipalityEdit(municipality: MunicipalityDetail) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(municipality.clone());
    let saved = RwSignal::new(false);
    let done = Callback::new(move |m: MunicipalityDetail| {
        current.set(m);
        saved.set(true);
    });
    view! {
        <section class="page" aria-labelledby="municipality-title">
            <p class="eyebrow">{move || i18n.t("municipality-edit-title")}</p>
            <h1 id="municipality-title">
                {move || current.with(|m| format!("{} ({})", m.name, m.cbs_code))}
            </h1>
            <p>
                <A href="/municipalities">{move || i18n.t("municipalities-back")}</A>
            </p>
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
            <div class="card">
                <MunicipalityForm existing=municipality.clone() done=done />
            </div>
            <super::programme_settings::ProgrammeSettingsSection municipality=municipality.id />
        </section>
    }
}
