use leptos::prelude::*;
use shared::api::{Me, OpeningDetail, OrganisationDetail};

use crate::{
    api,
    components::{api_resource, loaded, set_page_title},
    i18n::{opening_kind_key, opening_status_key, organisation_kind_key, use_i18n},
};

/// A company contact's home: their organisation and its openings.
#[component]
pub fn CompanyHome(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("company-home-title"));
    let Some(organisation_id) = me.organisation_id else {
        return view! {
            <section class="page" aria-labelledby="home-title">
                <h1 id="home-title">{move || i18n.t("company-home-title")}</h1>
                <p>{move || i18n.t("home-not-linked")}</p>
            </section>
        }
        .into_any();
    };
    let organisation = {
        let id = organisation_id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::organisation(&id).await }
        })
    };
    let openings = api_resource(move || {
        let id = organisation_id.clone();
        async move { api::organisation_openings(&id).await }
    });
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">{move || i18n.t("company-home-title")}</h1>
            {move || loaded(i18n, organisation.get(), |o| view! { <Organisation organisation=o /> })}
            <section class="card" aria-labelledby="company-openings">
                <h2 id="company-openings">{move || i18n.t("company-home-openings")}</h2>
                {move || loaded(i18n, openings.get(), |page| view! { <Openings openings=page.items /> })}
            </section>
        </section>
    }
    .into_any()
}

#[component]
fn Organisation(organisation: OrganisationDetail) -> impl IntoView {
    let i18n = use_i18n();
    let kind = organisation.kind;
    view! {
        <section class="card" aria-labelledby="company-name">
            <h2 id="company-name">{organisation.name}</h2>
            <dl class="facts">
                <div>
                    <dt>{move || i18n.t("organisation-kind")}</dt>
                    <dd>{move || i18n.t(organisation_kind_key(kind))}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t("organisation-sector")}</dt>
                    <dd>{organisation.sector}</dd>
                </div>
                <div>
                    <dt>{move || i18n.t("organisation-address")}</dt>
                    <dd>
                        {organisation.street}<br />{organisation.postcode.to_string()}" "
                        {organisation.city}
                    </dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
fn Openings(openings: Vec<OpeningDetail>) -> impl IntoView {
    let i18n = use_i18n();
    if openings.is_empty() {
        return view! { <p>{move || i18n.t("company-home-no-openings")}</p> }.into_any();
    }
    view! {
        <ul class="item-list">
            {openings
                .into_iter()
                .map(|opening| {
                    let kind = opening.kind;
                    let status = opening.status;
                    let when = opening.date.or(opening.start_date);
                    view! {
                        <li>
                            <h3>{opening.title}</h3>
                            <p class="meta">
                                {move || i18n.t(opening_kind_key(kind))} " · "
                                {move || i18n.t(opening_status_key(status))}
                                {move || when.map(|d| format!(" · {}", i18n.date(&d)))}
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
