//! `/events`: the upcoming expert meetings and trainings for organisations, and the form that
//! publishes one.

use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::components::A;
use shared::{
    Violation,
    api::{EventDetail, EventInput},
    ids::MunicipalityId,
    roles::Role,
};

use super::keys::{EVENT_KINDS, event_kind, pick};
use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{
        FieldCheck, FieldErrors, Form, FormAlert, Loaded, SelectField, TextField, api_resource,
        focus_soon, parse_opt, role, set_page_title, text, today, unreadable, with_format_errors,
    },
    i18n::use_i18n,
};

/// `/events`: the upcoming events, and for a coordinator or company contact the form that
/// publishes one.
#[component]
pub fn EventsPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(text("events-title"));
    let events = api_resource(api::events::events);
    let adding = RwSignal::new(false);
    let published = RwSignal::new(None::<String>);
    view! {
        <section class="page" aria-labelledby="events-title">
            <h1 id="events-title">{text("events-title")}</h1>
            <p>{text("events-intro")}</p>
            <button
                type="button"
                class="button"
                aria-expanded=move || adding.get().to_string()
                aria-controls="event-new"
                on:click=move |_| {
                    adding.update(|a| *a = !*a);
                    published.set(None);
                    if adding.get_untracked() {
                        focus_soon("event-kind");
                    }
                }
            >
                {text("event-new")}
            </button>
            <p role="status" class="status-line">
                {move || {
                    published
                        .get()
                        .map(|title| i18n.t_with("event-published", &[("title", title)]))
                }}
            </p>
            <div id="event-new" class="subform" hidden=move || !adding.get()>
                {move || {
                    adding
                        .get()
                        .then(|| {
                            view! {
                                <EventForm done=Callback::new(move |saved: EventDetail| {
                                    adding.set(false);
                                    published.set(Some(saved.title));
                                    events.refetch();
                                }) />
                            }
                        })
                }}
            </div>
            <section class="card" aria-labelledby="events-upcoming">
                <h2 id="events-upcoming">{text("events-upcoming")}</h2>
                <EventList events=events />
            </section>
        </section>
    }
}

/// The upcoming events for a company contact's municipalities, with their own registrations: a
/// part of their home.
#[component]
pub fn UpcomingEvents() -> impl IntoView {
    let events = api_resource(api::events::events);
    view! {
        <section class="card" aria-labelledby="company-events">
            <h2 id="company-events">{text("events-upcoming")}</h2>
            <EventList events=events />
            <p>
                <A href="/events">{text("events-all")}</A>
            </p>
        </section>
    }
}

/// The events in a list: what, when, where, the places left, and who of the account's own
/// organisation is registered.
#[component]
fn EventList(events: LocalResource<Result<Vec<EventDetail>, ApiError>>) -> impl IntoView {
    let own = use_auth().me().and_then(|me| me.organisation_id);
    view! {
        <Loaded resource=events part=true children=move |items| {
            if items.is_empty() {
                return view! { <p>{text("events-none")}</p> }.into_any();
            }
            let own = own.clone();
            view! {
                <ul class="item-list">
                    {items
                        .into_iter()
                        .map(|e| view! { <EventItem event=e own=own.clone() /> })
                        .collect_view()}
                </ul>
            }
                .into_any()
        } />
    }
}

#[component]
fn EventItem(event: EventDetail, own: Option<shared::ids::OrganisationId>) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/events/{}", event.id);
    let date = event.date;
    let time = event.start_time.clone();
    let place = if event.place.is_empty() {
        None
    } else {
        Some(event.place.clone())
    };
    let left = event.places_left;
    let names: Vec<String> = event
        .registrations
        .iter()
        .filter(|r| own.as_ref() == Some(&r.organisation_id))
        .map(|r| r.name.clone())
        .collect();
    let kind = event.kind;
    view! {
        <li class="opening event">
            <h3>
                <A href=href>{event.title}</A>
            </h3>
            <p class="meta">
                {text(event_kind(kind))} " · " {move || i18n.date(&date)} " · " {time}
            </p>
            {place.map(|p| view! { <p class="meta">{p}</p> })}
            <p class="meta">
                {move || i18n.t_with("event-places-left", &[("count", left.to_string())])}
            </p>
            {(!names.is_empty())
                .then(|| {
                    view! {
                        <p class="meta">
                            {move || {
                                i18n.t_with("event-own-registered", &[("names", names.join(", "))])
                            }}
                        </p>
                    }
                })}
        </li>
    }
}

const FIELDS: &[(&str, &str)] = &[
    ("kind", "event-kind"),
    ("title", "event-title-field"),
    ("date", "event-date"),
    ("start_time", "event-time"),
    ("place", "event-place"),
    ("online_link", "event-link"),
    ("capacity", "event-capacity"),
    ("municipality_ids", "event-municipality"),
];

/// A new event: `EventInput::validate` as the user types and on sending. A coordinator chooses
/// the municipalities of their region it is for; a company contact hosts it for their own.
#[component]
fn EventForm(done: Callback<EventDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let coordinator = role() == Some(Role::Coordinator);
    let own_municipalities = use_auth()
        .me()
        .map(|me| me.municipality_ids)
        .unwrap_or_default();
    let form = Form::new("event-form", FIELDS);
    let blank = || RwSignal::new(String::new());
    let (kind, title, date, time, place, link, capacity) = (
        blank(),
        blank(),
        blank(),
        blank(),
        blank(),
        blank(),
        blank(),
    );
    let chosen = RwSignal::new(Vec::<MunicipalityId>::new());
    let municipalities = api_resource(move || async move {
        if coordinator {
            api::municipalities::municipalities()
                .await
                .map(|page| page.items)
        } else {
            Ok(Vec::new())
        }
    });
    let input = move || EventInput {
        kind: pick(&EVENT_KINDS, &kind.get()),
        title: title.get(),
        date: parse_opt(&date.get()),
        start_time: time.get(),
        place: place.get(),
        online_link: link.get(),
        capacity: parse_opt(&capacity.get()),
        municipality_ids: if coordinator {
            chosen.get()
        } else {
            own_municipalities.clone()
        },
    };
    let live = {
        let input = input.clone();
        move || -> Vec<Violation> {
            let found = input()
                .validate(today())
                .err()
                .map(|v| v.0)
                .unwrap_or_default();
            with_format_errors(
                found,
                &[
                    ("capacity", unreadable::<i64>(&capacity.get())),
                    ("date", unreadable::<chrono::NaiveDate>(&date.get())),
                ],
            )
        }
    };
    let shown = form.shown(live.clone());
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let input = input();
        form.submit(
            live(),
            move || async move { api::events::create_event(&input).await },
            move |saved| {
                for value in [kind, title, date, time, place, link, capacity] {
                    value.set(String::new());
                }
                chosen.set(Vec::new());
                done.run(saved);
            },
        );
    };
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    let kinds = Signal::derive(move || {
        EVENT_KINDS
            .iter()
            .map(|(k, name)| ((*name).to_owned(), i18n.t(event_kind(*k))))
            .collect::<Vec<_>>()
    });
    let municipality_check = check("municipality_ids", "event-municipality-errors");
    let choices = move || {
        coordinator.then(|| {
            view! {
                <fieldset
                    class="field"
                    aria-invalid=move || municipality_check.aria_invalid()
                    aria-describedby=move || municipality_check.aria_describedby()
                >
                    <legend>{text("event-municipalities")}</legend>
                    <Loaded resource=municipalities part=true children=move |items| {
                        items
                            .into_iter()
                            .map(|m| {
                                let id = m.id.clone();
                                let element = format!("event-municipality-{}", m.id);
                                let checked = {
                                    let id = id.clone();
                                    move || chosen.with(|c| c.contains(&id))
                                };
                                view! {
                                    <div class="check">
                                        <input
                                            type="checkbox"
                                            id=element.clone()
                                            name="event-municipality"
                                            prop:checked=checked
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let id = id.clone();
                                                chosen
                                                    .update(|c| {
                                                        c.retain(|m| *m != id);
                                                        if on {
                                                            c.push(id);
                                                        }
                                                    });
                                            }
                                        />
                                        <label for=element>{m.name}</label>
                                    </div>
                                }
                            })
                            .collect_view()
                    } />
                    <FieldErrors check=municipality_check />
                </fieldset>
            }
        })
    };
    view! {
        <form
            id="event-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            on:change=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="event-errors" />
            {(!coordinator).then(|| view! { <p class="meta">{text("event-host-hint")}</p> })}
            <SelectField
                id="event-kind"
                label=t("event-kind")
                value=kind
                check=check("kind", "event-kind-errors")
                options=kinds
                empty=t("form-choose")
            />
            <TextField
                id="event-title-field"
                label=t("event-title-label")
                value=title
                check=check("title", "event-title-field-errors")
            />
            <TextField
                id="event-date"
                label=t("event-date")
                value=date
                check=check("date", "event-date-errors")
                input_type="date"
            />
            <TextField
                id="event-time"
                label=t("event-time")
                value=time
                check=check("start_time", "event-time-errors").with_hint("event-time-hint")
                hint=t("event-time-hint")
                inputmode="numeric"
            />
            <TextField
                id="event-place"
                label=t("event-place")
                value=place
                check=check("place", "event-place-errors")
            />
            <TextField
                id="event-link"
                label=t("event-link")
                value=link
                check=check("online_link", "event-link-errors").with_hint("event-link-hint")
                hint=t("event-link-hint")
                input_type="url"
                dir="ltr"
            />
            <TextField
                id="event-capacity"
                label=t("event-capacity")
                value=capacity
                check=check("capacity", "event-capacity-errors")
                inputmode="numeric"
            />
            {choices}
            <button type="submit" class="button">
                {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("event-publish") }}
            </button>
        </form>
    }
}
