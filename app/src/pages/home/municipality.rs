use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::Me;

use crate::{
    api::{self, ApiError},
    components::{AgreementFacts, Loaded, api_resource, set_page_title},
    i18n::use_i18n,
};

/// A municipality viewer's home: the municipality, its agreement and a link to its report.
#[component]
pub fn MunicipalityHome(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("municipality-home-title"));
    let ids = me.municipality_ids;
    let municipalities = api_resource(move || {
        let ids = ids.clone();
        async move {
            let mut found = Vec::with_capacity(ids.len());
            for id in &ids {
                found.push(api::municipalities::municipality(id).await?);
            }
            Ok::<_, ApiError>(found)
        }
    });
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">{move || i18n.t("municipality-home-title")}</h1>
            <Loaded resource=municipalities part=true children=move |list| {
                if list.is_empty() {
                    return view! { <p>{move || i18n.t("home-not-linked")}</p> }.into_any();
                }
                list.into_iter()
                    .map(|m| {
                        let report = format!("/reports/municipalities/{}", m.id);
                        view! {
                            <section class="card">
                                <h2>{m.name}</h2>
                                <AgreementFacts agreement=m.agreement />
                                <p>
                                    <A href=report attr:class="button">
                                        {move || i18n.t("report-open")}
                                    </A>
                                </p>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            } />
        </section>
    }
}
