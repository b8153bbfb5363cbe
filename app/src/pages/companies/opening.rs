use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::components::A;
use shared::{
    Violation, ViolationKind,
    api::{ErrorKind, OpeningDetail, RegistrationInput},
    ids::{OpeningId, ParticipantId},
    roles::Role,
    rules::openings::{OpeningKind, OpeningStatus},
};

use super::{
    opening_form::OpeningForm,
    organisation::{Candidates, StatusButtons},
    registration::RegistrationCard,
    suggested::SuggestedParticipants,
};
use crate::{
    api::{self, ApiError, history::HistoryOf},
    components::{
        FieldCheck, Form, HistoryPanel, Loaded, SelectField, api_resource, focus_soon, id_param,
        role, set_page_title, text,
    },
    i18n::{opening_kind_key, opening_status_key, use_i18n},
};

/// `/openings/{id}`: an opening with its details; its organisation and coordinators change its
/// state or edit it, coaches and coordinators register participants for a company visit.
#[component]
pub fn OpeningPage() -> impl IntoView {
    set_page_title(text("opening-page"));
    let id = id_param::<OpeningId>();
    let opening = api_resource(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::openings::opening(&id).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    let changed = Callback::new(move |()| opening.refetch());
    // Kept apart from the details, so that what it says stays when they are loaded again.
    let registrable = Memo::new(move |_| {
        opening
            .get()
            .and_then(Result::ok)
            .filter(|o| o.kind == OpeningKind::CompanyVisit && o.status == OpeningStatus::Open)
            .map(|o| o.id)
    });
    let registers = matches!(role(), Some(Role::Coach | Role::Coordinator));
    view! {
        <Loaded
            resource=opening
            children=move |o| view! { <Opening opening=o changed=changed /> }
        />
        {move || {
            registrable
                .get()
                .filter(|_| registers)
                .map(|id| view! { <Registration opening=id changed=changed /> })
        }}
    }
}

#[component]
fn Opening(opening: OpeningDetail, changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let role = role();
    let manages = matches!(role, Some(Role::CompanyContact | Role::Coordinator));
    let editing = RwSignal::new(false);
    let (kind, status) = (opening.kind, opening.status);
    let back = match role {
        Some(Role::CompanyContact) => "/".to_owned(),
        Some(Role::Coordinator) => format!("/organisations/{}", opening.organisation_id),
        Some(Role::Participant | Role::Coach | Role::MunicipalityViewer) | None => {
            "/openings".to_owned()
        }
    };
    let fact = |key: &'static str, value: Option<String>| {
        value.map(|value| {
            view! {
                <div>
                    <dt>{move || i18n.t(key)}</dt>
                    <dd>{value}</dd>
                </div>
            }
        })
    };
    let period = match (opening.start_date, opening.end_date) {
        (Some(start), Some(end)) => Some(i18n.t_with(
            "agreement-period-value",
            &[("start", i18n.date(&start)), ("end", i18n.date(&end))],
        )),
        (Some(_) | None, _) => None,
    };
    let facts = view! {
        <dl class="card facts">
            <div>
                <dt>{text("opening-kind")}</dt>
                <dd>{text(opening_kind_key(kind))}</dd>
            </div>
            <div>
                <dt>{text("opening-status")}</dt>
                <dd>{text(opening_status_key(status))}</dd>
            </div>
            {fact("opening-date", opening.date.map(|d| i18n.date(&d)))}
            {fact("opening-place", opening.place.clone())}
            {fact("opening-capacity", opening.capacity.map(|c| c.to_string()))}
            {fact("opening-places", opening.places_left.filter(|_| kind == OpeningKind::CompanyVisit).map(|n| n.to_string()))}
            {fact("internship-period", period)}
            {fact("internship-hours", opening.hours_per_week.map(|h| h.to_string()))}
            {fact("opening-level", opening.dutch_level.map(|l| l.as_str().to_owned()))}
            {fact(
                "opening-description",
                Some(opening.description.clone()).filter(|d| !d.is_empty()),
            )}
        </dl>
    };
    let manage = manages.then(|| {
        let existing = opening.clone();
        let organisation = opening.organisation_id.clone();
        view! {
            <section class="card" aria-labelledby="opening-manage">
                <h2 id="opening-manage">{text("opening-manage")}</h2>
                <Candidates candidates=opening.candidates.clone() />
                <StatusButtons opening=opening.clone() changed=changed />
                <button
                    type="button"
                    class="button button-secondary"
                    aria-expanded=move || editing.get().to_string()
                    aria-controls="opening-edit"
                    on:click=move |_| {
                        editing.update(|e| *e = !*e);
                        if editing.get_untracked() {
                            focus_soon("opening-title");
                        }
                    }
                >
                    {text("opening-edit")}
                </button>
                <div id="opening-edit" class="subform" hidden=move || !editing.get()>
                    {move || {
                        editing
                            .get()
                            .then(|| {
                                view! {
                                    <OpeningForm
                                        organisation=organisation.clone()
                                        existing=existing.clone()
                                        done=Callback::new(move |_| {
                                            editing.set(false);
                                            changed.run(());
                                        })
                                    />
                                }
                            })
                    }}
                </div>
            </section>
        }
    });
    let suggested = (role == Some(Role::Coordinator))
        .then(|| view! { <SuggestedParticipants opening=opening.clone() /> });
    view! {
        <section class="page" aria-labelledby="opening-heading">
            <p class="eyebrow">{opening.organisation_name.clone()}</p>
            <h1 id="opening-heading">{opening.title.clone()}</h1>
            <p>
                <A href=back>{text("opening-back")}</A>
            </p>
            {facts}
            {manage}
            <HistoryPanel of=HistoryOf::Opening(opening.id.clone()) />
            {suggested}
        </section>
    }
}

const REGISTRATION_FIELDS: &[(&str, &str)] = &[("participant_id", "registration-participant")];

/// A coach or coordinator registers a participant for a company visit. A full visit or a
/// second registration is refused by the server (409) and shown at the choice.
#[component]
fn Registration(opening: OpeningId, changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let participants = api_resource(api::participants::participants);
    let chosen = RwSignal::new(String::new());
    let registered = RwSignal::new(None::<String>);
    let form = Form::new("registration-form", REGISTRATION_FIELDS);
    let live = move || {
        if chosen.with(String::is_empty) {
            vec![Violation::new("participant_id", ViolationKind::Required {})]
        } else {
            Vec::new()
        }
    };
    let shown = form.shown(live);
    let options = Signal::derive(move || {
        participants
            .get()
            .and_then(Result::ok)
            .map(|page| {
                page.items
                    .into_iter()
                    .map(|p| {
                        (
                            p.id.to_string(),
                            i18n.participant_name(&p.first_name, &p.last_name),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let opening = opening.clone();
        let participant = ParticipantId::parse(chosen.get_untracked()).ok();
        let name = options.with_untracked(|o| {
            o.iter()
                .find(|(id, _)| *id == chosen.get_untracked())
                .map(|(_, name)| name.clone())
        });
        registered.set(None);
        form.submit(
            live(),
            move || async move {
                let input = RegistrationInput {
                    participant_id: participant.ok_or_else(ApiError::not_found)?,
                };
                let answer = api::openings::register_for_visit(&opening, &input).await;
                // Full in the meantime: show the places left as they are now.
                if answer
                    .as_ref()
                    .is_err_and(|e| e.kind() == Some(ErrorKind::Conflict))
                {
                    changed.run(());
                }
                answer
            },
            move |_| {
                registered.set(name);
                chosen.set(String::new());
                changed.run(());
            },
        );
    };
    view! {
        <RegistrationCard
            title="registration-title"
            form=form
            shown=shown
            notice=Signal::derive(move || {
                registered.get().map(|name| i18n.t_with("registration-done", &[("name", name)]))
            })
            on_submit=on_submit
            submit=Signal::derive(move || i18n.t("registration-submit"))
        >
            <Loaded resource=participants part=true children=move |_| {
                view! {
                    <SelectField
                        id="registration-participant"
                        label=Signal::derive(text("registration-participant"))
                        value=chosen
                        check=FieldCheck::new(shown, "participant_id", "registration-participant-errors")
                        options=options
                        empty=Signal::derive(text("form-choose"))
                    />
                }
            } />
        </RegistrationCard>
    }
}
