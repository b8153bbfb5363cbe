//! `/events/{id}`: one event; a company contact registers colleagues and cancels their
//! registrations, the host (or a coordinator) sees everyone registered and marks who attended.

use leptos::{ev::SubmitEvent, prelude::*};
use shared::{
    api::{EventAttendanceLine, EventDetail, EventRegistrationDetail, EventRegistrationInput},
    ids::{EventId, EventRegistrationId},
    roles::Role,
};

use super::{keys::event_kind, registration::RegistrationCard};
use crate::{
    api,
    auth::use_auth,
    components::{
        FieldCheck, Form, FormAlert, Loaded, TextField, api_resource, focus_soon, id_param,
        missing, set_page_title, text, today,
    },
    i18n::use_i18n,
    pages::NotFoundPage,
};

#[component]
pub fn EventPage() -> impl IntoView {
    set_page_title(text("event-page-title"));
    let id = id_param::<EventId>();
    move || match id.get() {
        Some(id) => view! { <EventView id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn EventView(id: EventId) -> impl IntoView {
    let event = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::events::event(&id).await }
        })
    };
    let missing = missing(event);
    move || {
        if missing.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        view! {
            <Loaded resource=event children=move |e| view! { <EventBody event=e /> } />
        }
        .into_any()
    }
}

/// The event as loaded, then as each answer of the server gives it: the forms stay in place
/// (with what they said) while the places and lists follow.
#[component]
fn EventBody(event: EventDetail) -> impl IntoView {
    let i18n = use_i18n();
    let me = use_auth().me();
    let role = me.as_ref().map(|m| m.role);
    let own = me.and_then(|m| m.organisation_id);
    let hosts = role == Some(Role::Coordinator)
        || (event.host_organisation_id.is_some() && event.host_organisation_id == own);
    let company = role == Some(Role::CompanyContact);
    let date = event.date;
    let place = (!event.place.is_empty()).then(|| event.place.clone());
    let link = event.online_link.clone();
    let host = event.host_name.clone();
    let id = event.id.clone();
    let kind = event.kind;
    let title = event.title.clone();
    let start_time = event.start_time.clone();
    let detail = RwSignal::new(event);
    let changed = Callback::new(move |d: EventDetail| detail.set(d));
    let registered = RwSignal::new(None::<String>);
    let cancelled = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let full = Signal::derive(move || detail.with(|d| d.places_left == 0));
    let own_registrations = move || {
        detail.with(|d| {
            d.registrations
                .iter()
                .filter(|r| own.as_ref() == Some(&r.organisation_id))
                .cloned()
                .collect::<Vec<EventRegistrationDetail>>()
        })
    };
    view! {
        <section class="page" aria-labelledby="event-title">
            <p class="eyebrow">{text(event_kind(kind))}</p>
            <h1 id="event-title">{title}</h1>
            <section class="card" aria-labelledby="event-facts">
                <h2 id="event-facts" class="visually-hidden">{text("event-facts")}</h2>
                <dl class="facts">
                    <div>
                        <dt>{text("event-when")}</dt>
                        <dd>{move || i18n.date(&date)} " · " {start_time}</dd>
                    </div>
                    {place
                        .map(|p| {
                            view! {
                                <div>
                                    <dt>{text("event-place")}</dt>
                                    <dd>{p}</dd>
                                </div>
                            }
                        })}
                    {link
                        .map(|l| {
                            view! {
                                <div>
                                    <dt>{text("event-link")}</dt>
                                    <dd dir="ltr">
                                        <a href=l.clone() rel="noopener noreferrer">{l.clone()}</a>
                                    </dd>
                                </div>
                            }
                        })}
                    {host
                        .map(|h| {
                            view! {
                                <div>
                                    <dt>{text("event-host")}</dt>
                                    <dd>{h}</dd>
                                </div>
                            }
                        })}
                    <div>
                        <dt>{text("event-places")}</dt>
                        <dd>
                            {move || {
                                let (left, capacity) = detail.with(|d| (d.places_left, d.capacity));
                                i18n.t_with(
                                    "event-places-of",
                                    &[("left", left.to_string()), ("capacity", capacity.to_string())],
                                )
                            }}
                        </dd>
                    </div>
                </dl>
            </section>
            {company
                .then(|| {
                    view! {
                        <RegisterForm
                            id=id.clone()
                            full=full
                            registered=registered
                            cancelled=cancelled
                            changed=changed
                        />
                        <section class="card" aria-labelledby="own-registrations-title">
                            <h2 id="own-registrations-title">{text("event-own-title")}</h2>
                            <p role="status" class="status-line">
                                {move || {
                                    cancelled
                                        .get()
                                        .map(|who| i18n.t_with("event-cancelled", &[("name", who)]))
                                }}
                            </p>
                            {move || {
                                view! {
                                    <OwnRegistrations
                                        items=own_registrations()
                                        registered=registered
                                        cancelled=cancelled
                                        changed=changed
                                    />
                                }
                            }}
                        </section>
                    }
                })}
            {hosts
                .then(|| {
                    view! {
                        <section class="card" aria-labelledby="host-list-title">
                            <h2 id="host-list-title">
                                {move || {
                                    let count = detail.with(|d| d.registrations.len());
                                    i18n.t_with("event-all-registered", &[("count", count.to_string())])
                                }}
                            </h2>
                            <p role="status" class="status-line">
                                {move || saved.get().then(|| i18n.t("event-attendance-saved"))}
                            </p>
                            {move || {
                                view! {
                                    <HostList
                                        id=id.clone()
                                        date=date
                                        items=detail.with(|d| d.registrations.clone())
                                        saved=saved
                                        changed=changed
                                    />
                                }
                            }}
                        </section>
                    }
                })}
        </section>
    }
}

const FIELDS: &[(&str, &str)] = &[("name", "registration-name"), ("role", "registration-role")];

/// A company contact registers a colleague by name and role: `EventRegistrationInput::validate`
/// as the user types; a full event or a name registered already is told by the server.
#[component]
fn RegisterForm(
    id: EventId,
    full: Signal<bool>,
    /// Who was registered last, and who cancelled last: each action's notice replaces the other.
    registered: RwSignal<Option<String>>,
    cancelled: RwSignal<Option<String>>,
    changed: Callback<EventDetail>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("registration-form", FIELDS);
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let input = move || EventRegistrationInput {
        name: name.get(),
        role: role.get(),
    };
    let live = move || input().validate().err().map(|v| v.0).unwrap_or_default();
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let id = id.clone();
        let input = input();
        let who = input.name.trim().to_owned();
        registered.set(None);
        cancelled.set(None);
        form.submit(
            live(),
            move || async move { api::events::register(&id, &input).await },
            move |answer| {
                name.set(String::new());
                role.set(String::new());
                registered.set(Some(who));
                changed.run(answer);
                focus_soon("registration-name");
            },
        );
    };
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let intro: Children = Box::new(move || {
        view! {
            <p class="meta">{text("event-register-intro")}</p>
            {move || full.get().then(|| view! { <p class="meta">{text("event-full")}</p> })}
        }
        .into_any()
    });
    view! {
        <RegistrationCard
            title="event-register-title"
            form=form
            shown=shown
            notice=Signal::derive(move || {
                registered.get().map(|who| i18n.t_with("event-registered", &[("name", who)]))
            })
            on_submit=on_submit
            submit=Signal::derive(move || {
                if form.busy() { i18n.t("form-saving") } else { i18n.t("event-register") }
            })
            intro=intro
        >
            <TextField
                id="registration-name"
                label=t("event-registration-name")
                value=name
                check=check("name", "registration-name-errors")
                autocomplete="off"
            />
            <TextField
                id="registration-role"
                label=t("event-registration-role")
                value=role
                check=check("role", "registration-role-errors")
            />
        </RegistrationCard>
    }
}

/// The colleagues the company contact's organisation registered, each with a button to cancel.
#[component]
fn OwnRegistrations(
    items: Vec<EventRegistrationDetail>,
    registered: RwSignal<Option<String>>,
    cancelled: RwSignal<Option<String>>,
    changed: Callback<EventDetail>,
) -> impl IntoView {
    let form = Form::new("own-registrations", &[]);
    let shown = form.shown(Vec::new);
    if items.is_empty() {
        return view! { <p>{text("event-own-none")}</p> }.into_any();
    }
    view! {
        <FormAlert form=form shown=shown errors_id="own-registrations-errors" />
        <ul class="item-list">
            {items
                .into_iter()
                .map(|r| {
                    let id: EventRegistrationId = r.id.clone();
                    let name = r.name.clone();
                    let label = r.name.clone();
                    let role_text = (!r.role.is_empty()).then(|| format!(" · {}", r.role));
                    view! {
                        <li class="registration">
                            <p>
                                <strong>{r.name.clone()}</strong>
                                {role_text}
                            </p>
                            <button
                                type="button"
                                class="button button-secondary button-small"
                                aria-disabled=move || form.busy().then_some("true")
                                on:click=move |_| {
                                    let id = id.clone();
                                    let name = name.clone();
                                    cancelled.set(None);
                                    registered.set(None);
                                    form.submit(
                                        Vec::new(),
                                        move || async move {
                                            api::events::cancel_registration(&id).await
                                        },
                                        move |answer| {
                                            cancelled.set(Some(name));
                                            changed.run(answer);
                                        },
                                    );
                                }
                            >
                                {text("event-cancel")}
                                <span class="visually-hidden">": " {label}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// The host's list of everyone registered, and on the day or after it, who attended.
#[component]
fn HostList(
    id: EventId,
    date: chrono::NaiveDate,
    items: Vec<EventRegistrationDetail>,
    saved: RwSignal<bool>,
    changed: Callback<EventDetail>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("attendance-form", &[]);
    let shown = form.shown(Vec::new);
    let past = date <= today::<chrono::NaiveDate>();
    let marks: Vec<(EventRegistrationId, RwSignal<bool>)> = items
        .iter()
        .map(|r| (r.id.clone(), RwSignal::new(r.attended.unwrap_or(false))))
        .collect();
    let count = items.len();
    let rows = items
        .into_iter()
        .zip(marks.clone())
        .map(|(r, (_, mark))| {
            let element = format!("attended-{}", r.id);
            let line = format!("{} · {}", r.name, r.organisation_name);
            let role_text = (!r.role.is_empty()).then(|| r.role.clone());
            view! {
                <li class="registration">
                    {if past {
                        view! {
                            <div class="check">
                                <input type="checkbox" id=element.clone() bind:checked=mark />
                                <label for=element>{line}</label>
                            </div>
                        }
                            .into_any()
                    } else {
                        view! { <p>{line}</p> }.into_any()
                    }}
                    {role_text.map(|t| view! { <p class="meta">{t}</p> })}
                </li>
            }
        })
        .collect_view();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let id = id.clone();
        let lines: Vec<EventAttendanceLine> = marks
            .iter()
            .map(|(registration_id, mark)| EventAttendanceLine {
                registration_id: registration_id.clone(),
                attended: mark.get_untracked(),
            })
            .collect();
        saved.set(false);
        form.submit(
            Vec::new(),
            move || async move { api::events::mark_attendance(&id, &lines).await },
            move |answer| {
                saved.set(true);
                changed.run(answer);
            },
        );
    };
    view! {
            {if count == 0 {
                view! { <p>{text("event-nobody")}</p> }.into_any()
            } else {
                view! {
                    <form
                        id="attendance-form"
                        class="form"
                        novalidate
                        on:submit=on_submit
                        aria-busy=move || form.busy().then_some("true")
                    >
                        <FormAlert form=form shown=shown errors_id="attendance-errors" />
                        {(!past).then(|| view! { <p class="meta">{text("event-attendance-later")}</p> })}
                        <ul class="item-list">{rows}</ul>
                        {past
                            .then(|| {
                                view! {
                                    <button type="submit" class="button">
                                        {move || {
                                            if form.busy() {
                                                i18n.t("form-saving")
                                            } else {
                                                i18n.t("event-attendance-save")
                                            }
                                        }}
                                    </button>
                                }
                            })}
                    </form>
                }
                    .into_any()
            }}
    }
}
