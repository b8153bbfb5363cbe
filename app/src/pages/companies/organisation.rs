use leptos::prelude::*;
use leptos_router::components::A;
use shared::{
    api::{OpeningDetail, OpeningPatch, OrganisationDetail},
    ids::OrganisationId,
    roles::Role,
    rules::openings::{OpeningKind, opening_transition},
};

use super::{
    IntroductionList, UpcomingEvents,
    keys::{OPENING_STATUSES, opening_action},
    opening_form::OpeningForm,
    organisation_form::OrganisationForm,
    people::OrganisationPeople,
};
use crate::{
    api::{self, history::HistoryOf},
    components::{
        Form, FormAlert, HistoryPanel, Loaded, api_resource, focus_soon, id_param, missing, role,
        set_page_title, text,
    },
    i18n::{opening_kind_key, opening_status_key, organisation_kind_key, use_i18n},
    pages::NotFoundPage,
};

/// `/organisations/{id}`: a coordinator's page of an organisation.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let id = id_param::<OrganisationId>();
    move || match id.get() {
        Some(id) => view! { <OrganisationOverview id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

/// An organisation with its openings and the introductions to it: the company contact's home
/// (`own`) and a coordinator's page of the organisation.
#[component]
pub fn OrganisationOverview(id: OrganisationId, #[prop(optional)] own: bool) -> impl IntoView {
    let i18n = use_i18n();
    let organisation = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::organisations::organisation(&id).await }
        })
    };
    let name = move || organisation.get().and_then(Result::ok).map(|o| o.name);
    set_page_title(move || {
        if own {
            i18n.t("company-home-title")
        } else {
            i18n.t("organisation-title")
        }
    });
    let heading = move || {
        if own {
            i18n.t("company-home-title")
        } else {
            name().unwrap_or_default()
        }
    };
    let introductions = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::organisations::organisation_introductions(&id).await }
        })
    };
    let coordinator = role() == Some(Role::Coordinator);
    let missing = missing(organisation);
    move || {
        if missing.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let id = id.clone();
        let history_of = id.clone();
        view! {
            <section class="page" aria-labelledby="home-title">
                {(!own).then(|| view! { <p class="eyebrow">{text("organisation-title")}</p> })}
                <h1 id="home-title">{heading}</h1>
                <Loaded resource=organisation part=true children=move |o| {
                    view! {
                        <Details
                            organisation=o
                            own=own
                            saved=Callback::new(move |_| organisation.refetch())
                        />
                    }
                } />
                {coordinator
                    .then(|| {
                        view! {
                            <p>
                                <A href="/accounts">{text("organisation-invite-contact")}</A>
                            </p>
                        }
                    })}
                {own
                    .then(|| {
                        view! {
                            <OrganisationPeople id=id.clone() />
                            <UpcomingEvents />
                        }
                    })}
                <Openings id=id />
                <section class="card" aria-labelledby="organisation-introductions">
                    <h2 id="organisation-introductions">{text("introductions-title")}</h2>
                    <IntroductionList items=introductions per_organisation=true />
                </section>
                <HistoryPanel of=HistoryOf::Organisation(history_of) />
            </section>
        }
        .into_any()
    }
}

/// The organisation's details, and the form that changes them.
#[component]
fn Details(organisation: OrganisationDetail, own: bool, saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let kind = organisation.kind;
    let kvk = organisation.kvk_number.as_ref().map(ToString::to_string);
    let title_key = if own {
        None
    } else {
        Some("organisation-details")
    };
    let form_organisation = organisation.clone();
    view! {
        <section class="card" aria-labelledby="company-name">
            <h2 id="company-name">
                {match title_key {
                    Some(key) => i18n.t(key),
                    None => organisation.name.clone(),
                }}
            </h2>
            <dl class="facts">
                <div>
                    <dt>{text("organisation-kind")}</dt>
                    <dd>{text(organisation_kind_key(kind))}</dd>
                </div>
                <div>
                    <dt>{text("organisation-sector")}</dt>
                    <dd>{organisation.sector}</dd>
                </div>
                <div>
                    <dt>{text("organisation-address")}</dt>
                    <dd>
                        {organisation.street}<br />{organisation.postcode.to_string()}" "
                        {organisation.city}
                    </dd>
                </div>
                {kvk
                    .map(|kvk| {
                        view! {
                            <div>
                                <dt>{text("organisation-kvk")}</dt>
                                <dd dir="ltr">{kvk}</dd>
                            </div>
                        }
                    })}
            </dl>
            <button
                type="button"
                class="button button-secondary"
                aria-expanded=move || editing.get().to_string()
                aria-controls="organisation-edit"
                on:click=move |_| {
                    editing.update(|e| *e = !*e);
                    if editing.get_untracked() {
                        focus_soon("org-name");
                    }
                }
            >
                {text("organisation-edit")}
            </button>
            <div id="organisation-edit" class="subform" hidden=move || !editing.get()>
                {move || {
                    editing
                        .get()
                        .then(|| {
                            view! {
                                <OrganisationForm
                                    existing=form_organisation.clone()
                                    done=Callback::new(move |_| {
                                        editing.set(false);
                                        saved.run(());
                                    })
                                />
                            }
                        })
                }}
            </div>
        </section>
    }
}

/// The organisation's openings with the people registered or introduced, and the form of a new
/// one.
#[component]
fn Openings(id: OrganisationId) -> impl IntoView {
    let i18n = use_i18n();
    let openings = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::organisations::organisation_openings(&id).await }
        })
    };
    let adding = RwSignal::new(false);
    let added = RwSignal::new(false);
    let refresh = Callback::new(move |()| openings.refetch());
    view! {
        <section class="card" aria-labelledby="company-openings">
            <h2 id="company-openings">{text("company-home-openings")}</h2>
            <button
                type="button"
                class="button"
                aria-expanded=move || adding.get().to_string()
                aria-controls="opening-new"
                on:click=move |_| {
                    adding.update(|a| *a = !*a);
                    added.set(false);
                    if adding.get_untracked() {
                        focus_soon("opening-kind");
                    }
                }
            >
                {text("opening-new")}
            </button>
            <p role="status" class="status-line">
                {move || added.get().then(|| i18n.t("opening-created"))}
            </p>
            <div id="opening-new" class="subform" hidden=move || !adding.get()>
                {move || {
                    let id = id.clone();
                    adding
                        .get()
                        .then(|| {
                            view! {
                                <OpeningForm
                                    organisation=id
                                    done=Callback::new(move |_| {
                                        adding.set(false);
                                        added.set(true);
                                        openings.refetch();
                                    })
                                />
                            }
                        })
                }}
            </div>
            <Loaded resource=openings part=true children=move |page| {
                if page.items.is_empty() {
                    return view! { <p>{text("company-home-no-openings")}</p> }
                        .into_any();
                }
                view! {
                    <ul class="item-list">
                        {page
                            .items
                            .into_iter()
                            .map(|o| view! { <OpeningItem opening=o changed=refresh /> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            } />
        </section>
    }
}

/// One opening in a list: what, when, who registered or was introduced, and its next states.
#[component]
pub(crate) fn OpeningItem(opening: OpeningDetail, changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = opening.kind;
    let status = opening.status;
    let when = opening.date.or(opening.start_date);
    let href = format!("/openings/{}", opening.id);
    let places = opening
        .places_left
        .filter(|_| kind == OpeningKind::CompanyVisit);
    let candidates = opening.candidates.clone();
    let title = opening.title.clone();
    view! {
        <li class="opening">
            <h3>
                <A href=href>{title}</A>
            </h3>
            <p class="meta">
                {text(opening_kind_key(kind))} " · "
                <span class="badge badge-status">{text(opening_status_key(status))}</span>
                {move || when.map(|d| format!(" · {}", i18n.date(&d)))}
            </p>
            {places
                .map(|n| {
                    view! {
                        <p class="meta">
                            {move || i18n.t_with("opening-places-left", &[("count", n.to_string())])}
                        </p>
                    }
                })}
            <Candidates candidates=candidates />
            <StatusButtons opening=opening changed=changed />
        </li>
    }
}

/// The people registered for an opening or introduced for it, by first name where they
/// consented to share it.
#[component]
pub(crate) fn Candidates(candidates: Vec<shared::api::OpeningCandidate>) -> impl IntoView {
    if candidates.is_empty() {
        return view! { <p class="meta">{text("opening-no-candidates")}</p> }.into_any();
    }
    view! {
        <div class="candidates">
            <p class="meta">{text("opening-candidates")}</p>
            <ul>
                {candidates
                    .into_iter()
                    .map(|c| match c.first_name {
                        Some(name) => view! { <li>{name}</li> }.into_any(),
                        None => {
                            view! { <li class="meta">{text("opening-candidate-hidden")}</li> }
                                .into_any()
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// The buttons that move an opening on (draft → open → filled or closed), for its organisation
/// and coordinators.
#[component]
pub(crate) fn StatusButtons(opening: OpeningDetail, changed: Callback<()>) -> impl IntoView {
    let may = matches!(role(), Some(Role::CompanyContact | Role::Coordinator));
    let form = Form::new("opening-status", &[]);
    let shown = form.shown(Vec::new);
    let current = opening.status;
    let next: Vec<_> = OPENING_STATUSES
        .into_iter()
        .filter(|to| *to != current && opening_transition(current, *to).is_ok())
        .collect();
    if !may || next.is_empty() {
        return ().into_any();
    }
    let title = opening.title.clone();
    view! {
        <div class="actions">
            {next
                .into_iter()
                .map(|to| {
                    let id = opening.id.clone();
                    let version = opening.version;
                    let title = title.clone();
                    view! {
                        <button
                            type="button"
                            class="button button-secondary button-small"
                            aria-disabled=move || form.busy().then_some("true")
                            on:click=move |_| {
                                let id = id.clone();
                                form.submit(
                                    Vec::new(),
                                    move || async move {
                                        let patch = OpeningPatch {
                                            status: Some(to),
                                            opening: None,
                                            version,
                                        };
                                        api::openings::update_opening(&id, &patch).await
                                    },
                                    move |_| changed.run(()),
                                );
                            }
                        >
                            {text(opening_action(to))}
                            <span class="visually-hidden">": " {title.clone()}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <FormAlert form=form shown=shown errors_id="opening-status-errors" on_reload=Some(changed) />
    }
    .into_any()
}
