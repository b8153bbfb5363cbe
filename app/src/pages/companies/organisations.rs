use leptos::prelude::*;
use leptos_router::components::A;

use super::organisation_form::OrganisationForm;
use crate::{
    api,
    components::{Loaded, api_resource, set_page_title, text},
    i18n::{organisation_kind_key, use_i18n},
};

/// `/organisations` (coordinator): the organisations of the region and the form of a new one.
#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(text("organisations-title"));
    let organisations = api_resource(api::organisations::organisations);
    let created = RwSignal::new(None::<String>);
    view! {
        <section class="page" aria-labelledby="organisations-title">
            <h1 id="organisations-title">{text("organisations-title")}</h1>
            <section class="card" aria-labelledby="organisations-list">
                <h2 id="organisations-list">{text("organisations-list")}</h2>
                <Loaded resource=organisations part=true children=move |page| {
                    if page.items.is_empty() {
                        return view! { <p>{text("organisations-none")}</p> }
                            .into_any();
                    }
                    view! {
                        <ul class="item-list">
                            {page
                                .items
                                .into_iter()
                                .map(|o| {
                                    let href = format!("/organisations/{}", o.id);
                                    let kind = o.kind;
                                    view! {
                                        <li>
                                            <h3>
                                                <A href=href>{o.name}</A>
                                            </h3>
                                            <p class="meta">
                                                {text(organisation_kind_key(kind))} " · "
                                                {o.city}
                                            </p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                } />
            </section>
            <section class="card" aria-labelledby="organisation-new">
                <h2 id="organisation-new">{text("organisation-new")}</h2>
                <p role="status" class="status-line">
                    {move || {
                        created
                            .get()
                            .map(|name| i18n.t_with("organisation-created", &[("name", name)]))
                    }}
                </p>
                <OrganisationForm done=Callback::new(move |o: shared::api::OrganisationDetail| {
                    created.set(Some(o.name));
                    organisations.refetch();
                }) />
            </section>
        </section>
    }
}
