use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{CohortSummary, MunicipalityDetail};

use crate::{
    api,
    components::{AgreementFacts, Loaded, ParticipantList, api_resource, set_page_title},
    i18n::use_i18n,
    pages::Nudges,
};

/// A coordinator's home: their municipalities with the agreements, the cohorts and the
/// participants.
#[component]
pub fn CoordinatorHome() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("coordinator-home-title"));
    let municipalities = api_resource(api::municipalities::municipalities);
    let cohorts = api_resource(api::cohorts::cohorts);
    let participants = api_resource(api::participants::participants);
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">{move || i18n.t("coordinator-home-title")}</h1>
            <p>
                {move || i18n.t("coordinator-home-intro")} " "
                <A href="/accounts">{move || i18n.t("coordinator-home-accounts")}</A>
            </p>
            <Nudges />
            <section class="card" aria-labelledby="coordinator-municipalities">
                <h2 id="coordinator-municipalities">
                    {move || i18n.t("coordinator-home-municipalities")}
                </h2>
                <Loaded
                    resource=municipalities
                    part=true
                    children=move |page| view! { <Municipalities municipalities=page.items /> }
                />
            </section>
            <section class="card" aria-labelledby="coordinator-cohorts">
                <h2 id="coordinator-cohorts">{move || i18n.t("coordinator-home-cohorts")}</h2>
                <Loaded
                    resource=cohorts
                    part=true
                    children=move |page| view! { <Cohorts cohorts=page.items /> }
                />
            </section>
            <section class="card" aria-labelledby="coordinator-participants">
                <h2 id="coordinator-participants">
                    {move || i18n.t("coordinator-home-participants")}
                </h2>
                <Loaded
                    resource=participants
                    part=true
                    children=move |page| view! { <ParticipantList participants=page.items /> }
                />
                <p>
                    <A href="/participants/new" attr:class="button button-secondary">
                        {move || i18n.t("participant-new")}
                    </A>
                </p>
            </section>
        </section>
    }
}

#[component]
fn Municipalities(municipalities: Vec<MunicipalityDetail>) -> impl IntoView {
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
                    let report = format!("/reports/municipalities/{}", m.id);
                    view! {
                        <li>
                            <h3>
                                <A href=href>{m.name}</A>
                                " "
                                <span class="code">{m.cbs_code.to_string()}</span>
                            </h3>
                            <AgreementFacts agreement=m.agreement />
                            <p>
                                <A href=report>{move || i18n.t("report-open")}</A>
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Cohorts(cohorts: Vec<CohortSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if cohorts.is_empty() {
        return view! { <p>{move || i18n.t("cohorts-none")}</p> }.into_any();
    }
    view! {
        <ul class="item-list">
            {cohorts
                .into_iter()
                .map(|c| {
                    let count = c.participants;
                    let small = c.small;
                    let href = format!("/cohorts/{}", c.id);
                    view! {
                        <li>
                            <h3>
                                <A href=href>{c.name}</A>
                            </h3>
                            <p class="meta">
                                {c.location} " · "
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
