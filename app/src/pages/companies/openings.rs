use leptos::prelude::*;
use leptos_router::components::A;
use shared::access::{Action, Resource};

use super::keys::{OPENING_KINDS, pick};
use crate::{
    api,
    auth::use_auth,
    components::{
        FieldCheck, Glyph, Icon, Loaded, SelectField, api_resource, set_page_title, text,
    },
    i18n::{opening_kind_key, opening_status_key, use_i18n},
};

/// `/openings` (coach, coordinator): the openings of the region, by kind. A coach sees the open
/// ones.
#[component]
pub fn OpeningsPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(text("openings-title"));
    let openings = api_resource(api::openings::openings);
    let kind = RwSignal::new(String::new());
    let kinds = Signal::derive(move || {
        OPENING_KINDS
            .iter()
            .map(|(kind, name)| ((*name).to_owned(), i18n.t(opening_kind_key(*kind))))
            .collect::<Vec<_>>()
    });
    let no_violations = Signal::derive(Vec::new);
    // The list as a CSV file (coordinator), of the kind chosen on screen.
    let csv = use_auth()
        .role()
        .is_some_and(|role| shared::access::allows(role, Resource::CsvExport, Action::Read))
        .then(|| {
            let href = move || api::rights::openings_csv(pick(&OPENING_KINDS, &kind.get()), None);
            view! {
                <p>
                    <a class="button button-secondary" href=href download="">
                        <Icon glyph=Glyph::Download />
                        {text("csv-openings")}
                    </a>
                </p>
            }
        });
    view! {
        <section class="page" aria-labelledby="openings-title">
            <h1 id="openings-title">{text("openings-title")}</h1>
            <p>{text("openings-intro")}</p>
            <div class="card">
                <SelectField
                    id="openings-kind"
                    label=Signal::derive(text("openings-filter"))
                    value=kind
                    check=FieldCheck::new(no_violations, "kind", "openings-kind-errors")
                    options=kinds
                    empty=Signal::derive(text("openings-all"))
                />
                {csv}
            </div>
            <section class="card" aria-labelledby="openings-list" aria-live="polite">
                <h2 id="openings-list">{text("openings-list")}</h2>
                <Loaded resource=openings part=true children=move |page| {
                    let wanted = pick(&OPENING_KINDS, &kind.get());
                    let items: Vec<_> = page
                        .items
                        .into_iter()
                        .filter(|o| wanted.is_none_or(|k| o.kind == k))
                        .collect();
                    if items.is_empty() {
                        return view! { <p>{text("openings-none")}</p> }
                            .into_any();
                    }
                    view! {
                        <ul class="item-list">
                            {items
                                .into_iter()
                                .map(|o| {
                                    let href = format!("/openings/{}", o.id);
                                    let (kind, status) = (o.kind, o.status);
                                    let when = o.date.or(o.start_date);
                                    view! {
                                        <li>
                                            <h3>
                                                <A href=href>{o.title}</A>
                                            </h3>
                                            <p class="meta">
                                                {o.organisation_name} " · "
                                                {text(opening_kind_key(kind))} " · "
                                                {text(opening_status_key(status))}
                                                {move || when.map(|d| format!(" · {}", i18n.date(&d)))}
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
        </section>
    }
}
