use leptos::{ev::SubmitEvent, prelude::*};
use shared::{
    api::{ContactDetail, ContactInput, ParticipantDetail},
    ids::ParticipantId,
    rules::contact::ContactKind,
};

use crate::{
    api::{self, ApiError},
    components::{
        Date, FieldCheck, Form, FormAlert, Glyph, Icon, Loaded, ParticipantTabs, SelectField,
        TextAreaField, TextField, api_resource, parse_opt, path_param, set_page_title, today,
        unreadable, with_format_errors,
    },
    i18n::use_i18n,
    pages::training::keys,
};

const FIELDS: &[(&str, &str)] = &[
    ("date", "contact-date"),
    ("kind", "contact-kind"),
    ("minutes", "contact-minutes"),
    ("summary", "contact-summary"),
    ("note", "contact-note"),
];

fn kind_of(text: &str) -> Option<ContactKind> {
    keys::CONTACT_KINDS
        .into_iter()
        .find(|k| keys::contact_kind_value(*k) == text)
}

/// `/participants/{id}/contacts` (coach, coordinator): the contact log, newest first, and a new
/// contact.
#[component]
pub fn ParticipantContactsPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("contacts-title"));
    let id = path_param::<ParticipantId>("id");
    let log = api_resource(move || {
        let id = id.get();
        async move {
            let Some(id) = id else {
                return Err(ApiError::not_found());
            };
            let participant = api::participants::participant(&id).await?;
            let contacts = api::participants::contacts(&id).await?;
            Ok::<_, ApiError>((participant, contacts))
        }
    });
    view! {
        <Loaded resource=log children=move |(participant, contacts)| {
            view! { <Contacts participant=participant contacts=contacts /> }
        } />
    }
}

/// Newest first.
fn sorted(mut contacts: Vec<ContactDetail>) -> Vec<ContactDetail> {
    contacts.sort_by_key(|c| std::cmp::Reverse(c.date));
    contacts
}

#[component]
fn Contacts(participant: ParticipantDetail, contacts: Vec<ContactDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let contacts = RwSignal::new(sorted(contacts));
    let id = participant.id.clone();
    let added = Callback::new(move |contact: ContactDetail| {
        contacts.update(|list| {
            list.push(contact);
            *list = sorted(std::mem::take(list));
        });
    });
    let list = move || {
        let all = contacts.get();
        if all.is_empty() {
            return view! { <p>{move || i18n.t("contacts-none")}</p> }.into_any();
        }
        view! {
            <ul class="item-list contact-list">
                {all.into_iter().map(|c| view! { <ContactItem contact=c /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="page" aria-labelledby="contacts-title">
            <p class="eyebrow">
                {
                    let (first, last) = (participant.first_name.clone(), participant.last_name.clone());
                    move || i18n.participant_name(&first, &last)
                }
            </p>
            <h1 id="contacts-title">{move || i18n.t("contacts-title")}</h1>
            <ParticipantTabs id=id.clone() />
            <section class="card" aria-labelledby="contact-new-title">
                <h2 id="contact-new-title">{move || i18n.t("contact-new-title")}</h2>
                <ContactForm participant=id done=added />
            </section>
            <section class="card" aria-labelledby="contacts-list-title">
                <h2 id="contacts-list-title">{move || i18n.t("contacts-list-title")}</h2>
                {list}
            </section>
        </section>
    }
}

#[component]
fn ContactItem(contact: ContactDetail) -> impl IntoView {
    let i18n = use_i18n();
    let ContactDetail {
        date,
        kind,
        minutes,
        note,
        summary,
        ..
    } = contact;
    let note = note.filter(|n| !n.is_empty()).map(|note| {
        view! {
            <div class="contact-note">
                <p class="meta">{move || i18n.t("contact-note-private")}</p>
                <p>{note}</p>
            </div>
        }
    });
    let summary = (!summary.is_empty()).then(|| view! { <p>{summary}</p> });
    view! {
        <li>
            <p class="contact-head">
                <Icon glyph=keys::contact_glyph(kind) />
                <strong>{move || i18n.t(keys::contact_kind(kind))}</strong>
                <span class="meta">
                    {move || i18n.date(&date)}
                    " · "
                    {move || {
                        i18n.t_with("contact-minutes-value", &[("minutes", minutes.to_string())])
                    }}
                </span>
            </p>
            {summary}
            {note}
        </li>
    }
}

/// A new contact: `ContactInput::validate` with today's date as the user types and on sending.
#[component]
fn ContactForm(participant: ParticipantId, done: Callback<ContactDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("contact-form", FIELDS);
    let today: Date = today();
    let date = RwSignal::new(today.to_string());
    let kind = RwSignal::new(String::new());
    let minutes = RwSignal::new(String::new());
    let summary = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let saved = RwSignal::new(false);
    let input = move || ContactInput {
        date: parse_opt(&date.get()),
        kind: kind_of(&kind.get()),
        minutes: parse_opt(&minutes.get()),
        note: note.get(),
        summary: summary.get(),
    };
    let live = move || {
        let found = input()
            .validate(today)
            .err()
            .map(|v| v.0)
            .unwrap_or_default();
        with_format_errors(found, &[("minutes", unreadable::<u32>(&minutes.get()))])
    };
    let shown = form.shown(live);
    let check = move |field, errors| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let input = input();
        let participant = participant.clone();
        form.submit(
            live(),
            move || async move { api::participants::create_contact(&participant, &input).await },
            move |contact: ContactDetail| {
                kind.set(String::new());
                minutes.set(String::new());
                summary.set(String::new());
                note.set(String::new());
                saved.set(true);
                done.run(contact);
            },
        );
    };
    let kinds = Signal::derive(move || {
        keys::CONTACT_KINDS
            .into_iter()
            .map(|k| {
                (
                    keys::contact_kind_value(k).to_owned(),
                    i18n.t(keys::contact_kind(k)),
                )
            })
            .collect::<Vec<_>>()
    });
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    view! {
        <form
            id="contact-form"
            class="form"
            novalidate
            on:submit=on_submit
            on:input=move |ev| form.changed(&ev)
            aria-busy=move || form.busy().then_some("true")
        >
            <FormAlert form=form shown=shown errors_id="contact-errors" />
            <TextField
                id="contact-date"
                label=t("contact-date")
                value=date
                check=check("date", "contact-date-errors")
                input_type="date"
            />
            <SelectField
                id="contact-kind"
                label=t("contact-kind")
                value=kind
                check=check("kind", "contact-kind-errors")
                options=kinds
                empty=t("edit-choose")
            />
            <TextField
                id="contact-minutes"
                label=t("contact-minutes")
                value=minutes
                check=check("minutes", "contact-minutes-errors")
                inputmode="numeric"
            />
            <TextAreaField
                id="contact-summary"
                label=t("contact-summary")
                value=summary
                check=check("summary", "contact-summary-errors").with_hint("contact-summary-hint")
                hint=t("contact-summary-hint")
                rows=3
            />
            <TextAreaField
                id="contact-note"
                label=t("contact-note")
                value=note
                check=check("note", "contact-note-errors").with_hint("contact-note-hint")
                hint=t("contact-note-hint")
            />
            <button type="submit" class="button">
                <Icon glyph=Glyph::Plus />
                {move || if form.busy() { i18n.t("edit-saving") } else { i18n.t("contact-save") }}
            </button>
            {move || {
                saved
                    .get()
                    .then(|| {
                        view! {
                            <p role="status" class="alert alert-success">
                                {move || i18n.t("contact-saved")}
                            </p>
                        }
                    })
            }}
        </form>
    }
}
