use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::components::A;
use shared::{
    Violation,
    api::{AUDIT_ACTIONS, AUDIT_RECORD_TYPES, AuditEntry, AuditOutcome, AuditQuery},
};

use crate::{
    api,
    components::{
        FieldCheck, Loaded, SelectField, TextField, api_resource, focus_soon, set_page_title, text,
    },
    i18n::{I18n, use_i18n},
};

/// Entries per page.
const PAGE_SIZE: u32 = 20;

/// The key of an action's name: `audit-action-` and the action with its dots as dashes (Fluent
/// names have no dots).
pub fn action_key(action: &str) -> String {
    format!("audit-action-{}", action.replace('.', "-"))
}

/// The key of the name of a kind of record.
pub fn record_kind_key(kind: &str) -> String {
    format!("record-kind-{kind}")
}

/// The translated name of an action the app knows, else the action as stored.
fn action_name(i18n: I18n, action: &str) -> String {
    if AUDIT_ACTIONS.contains(&action) {
        i18n.t(&action_key(action))
    } else {
        action.to_owned()
    }
}

fn kind_name(i18n: I18n, kind: &str) -> String {
    if AUDIT_RECORD_TYPES.contains(&kind) {
        i18n.t(&record_kind_key(kind))
    } else {
        kind.to_owned()
    }
}

fn outcome_key(outcome: AuditOutcome) -> &'static str {
    match outcome {
        AuditOutcome::Success => "audit-outcome-success",
        AuditOutcome::Failure => "audit-outcome-failure",
        AuditOutcome::Refused => "audit-outcome-refused",
    }
}

/// The text of a field, or nothing when it is empty.
fn given(value: RwSignal<String>) -> Option<String> {
    let text = value.get_untracked().trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// `/audit` (coordinators): who did what to which record, and when; newest first, filtered by
/// period, action, account and record, a page at a time.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(text("audit-title"));
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let action = RwSignal::new(String::new());
    let actor = RwSignal::new(String::new());
    let record_type = RwSignal::new(String::new());
    let record_id = RwSignal::new(String::new());
    let applied = RwSignal::new(AuditQuery::default());
    // The cursors of the pages before this one; the last is this page's.
    let cursors = RwSignal::new(Vec::<String>::new());
    let next = RwSignal::new(None::<String>);
    let log = api_resource(move || {
        let mut query = applied.get();
        query.cursor = cursors.with(|c| c.last().cloned());
        query.limit = Some(PAGE_SIZE.to_string());
        async move { api::history::audit(&query).await }
    });
    Effect::new(move |_| {
        let cursor = log.with(|r| match r {
            Some(Ok(page)) => page.next_cursor.clone(),
            Some(Err(_)) | None => None,
        });
        next.set(cursor);
    });
    let violations: Signal<Vec<Violation>> = Signal::derive(move || {
        log.with(|r| match r {
            Some(Err(e)) => e.violations(),
            Some(Ok(_)) | None => Vec::new(),
        })
    });
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        applied.set(AuditQuery {
            from: given(from),
            to: given(to),
            action: given(action),
            actor_id: given(actor),
            record_type: given(record_type),
            record_id: given(record_id),
            limit: None,
            cursor: None,
        });
        cursors.set(Vec::new());
    };
    let actions = Signal::derive(move || {
        let mut named: Vec<(String, String)> = AUDIT_ACTIONS
            .iter()
            .map(|a| ((*a).to_owned(), action_name(i18n, a)))
            .collect();
        named.sort_by(|a, b| a.1.cmp(&b.1));
        named
    });
    let kinds = Signal::derive(move || {
        let mut named: Vec<(String, String)> = AUDIT_RECORD_TYPES
            .iter()
            .map(|k| ((*k).to_owned(), kind_name(i18n, k)))
            .collect();
        named.sort_by(|a, b| a.1.cmp(&b.1));
        named
    });
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(violations, field, errors);
    let older = move |_| {
        if let Some(cursor) = next.get_untracked() {
            cursors.update(|c| c.push(cursor));
            focus_soon("audit-results");
        }
    };
    let newer = move |_| {
        cursors.update(|c| {
            c.pop();
        });
        focus_soon("audit-results");
    };
    view! {
        <section class="page audit" aria-labelledby="audit-title">
            <h1 id="audit-title">{text("audit-title")}</h1>
            <p>{text("audit-intro")}</p>
            <form class="card form audit-filter" on:submit=on_submit aria-labelledby="audit-filter-title">
                <h2 id="audit-filter-title">{text("audit-filter-title")}</h2>
                <div class="audit-filter-fields">
                    <TextField
                        id="audit-from"
                        label=Signal::derive(text("audit-from"))
                        value=from
                        check=check("from", "audit-from-errors")
                        input_type="date"
                    />
                    <TextField
                        id="audit-to"
                        label=Signal::derive(text("audit-to"))
                        value=to
                        check=check("to", "audit-to-errors")
                        input_type="date"
                    />
                    <SelectField
                        id="audit-action"
                        label=Signal::derive(text("audit-action"))
                        value=action
                        check=check("action", "audit-action-errors")
                        options=actions
                        empty=Signal::derive(text("audit-all"))
                    />
                    <TextField
                        id="audit-actor"
                        label=Signal::derive(text("audit-actor"))
                        value=actor
                        check=check("actor_id", "audit-actor-errors")
                        dir="ltr"
                    />
                    <SelectField
                        id="audit-record-type"
                        label=Signal::derive(text("audit-record-type"))
                        value=record_type
                        check=check("record_type", "audit-record-type-errors")
                        options=kinds
                        empty=Signal::derive(text("audit-all"))
                    />
                    <TextField
                        id="audit-record-id"
                        label=Signal::derive(text("audit-record-id"))
                        value=record_id
                        check=check("record_id", "audit-record-id-errors")
                        dir="ltr"
                    />
                </div>
                <button type="submit" class="button">{text("audit-show")}</button>
            </form>
            <section class="card" aria-labelledby="audit-results" aria-live="polite">
                <h2 id="audit-results" tabindex="-1">
                    {move || {
                        i18n.t_with(
                            "audit-results",
                            &[("page", cursors.with(Vec::len).saturating_add(1).to_string())],
                        )
                    }}
                </h2>
                <Loaded resource=log part=true children=move |page| {
                    if page.items.is_empty() {
                        return view! { <p class="audit-none">{text("audit-none")}</p> }.into_any();
                    }
                    view! { <Entries entries=page.items /> }.into_any()
                } />
                <nav class="pager" aria-label=move || i18n.t("audit-pages")>
                    <button
                        type="button"
                        class="button button-secondary"
                        disabled=move || cursors.with(Vec::is_empty)
                        on:click=newer
                    >
                        {text("audit-newer")}
                    </button>
                    <button
                        type="button"
                        class="button button-secondary"
                        disabled=move || next.with(Option::is_none)
                        on:click=older
                    >
                        {text("audit-older")}
                    </button>
                </nav>
            </section>
        </section>
    }
}

/// The entries as a table; on a narrow screen each row is a block of labelled lines.
#[component]
fn Entries(entries: Vec<AuditEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |key: &'static str| move || i18n.t(key);
    view! {
        <table class="audit-table">
            <thead>
                <tr>
                    <th scope="col">{text("audit-column-when")}</th>
                    <th scope="col">{text("audit-column-action")}</th>
                    <th scope="col">{text("audit-column-outcome")}</th>
                    <th scope="col">{text("audit-column-actor")}</th>
                    <th scope="col">{text("audit-column-record")}</th>
                </tr>
            </thead>
            <tbody>
                {entries
                    .into_iter()
                    .map(|e| {
                        let AuditEntry { id, at, action, outcome, actor_id, record_type, record_id } = e;
                        let when = at.clone();
                        let actor = actor_id.map(|id| id.to_string());
                        let record = record_view(i18n, record_type, record_id);
                        view! {
                            <tr data-entry=id>
                                <td data-label=label("audit-column-when")>
                                    <time datetime=at>{move || i18n.date_time(&when)}</time>
                                </td>
                                <td data-label=label("audit-column-action") class="audit-action">
                                    {move || action_name(i18n, &action)}
                                </td>
                                <td data-label=label("audit-column-outcome")>
                                    {text(outcome_key(outcome))}
                                </td>
                                <td data-label=label("audit-column-actor")>
                                    {match actor {
                                        Some(id) => view! { <span class="audit-id" dir="ltr">{id}</span> }.into_any(),
                                        None => view! { <span>{text("audit-system")}</span> }.into_any(),
                                    }}
                                </td>
                                <td data-label=label("audit-column-record")>{record}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The kind of record and its id, a link to its page where the app has one.
fn record_view(i18n: I18n, kind: Option<String>, id: Option<String>) -> AnyView {
    let Some(kind) = kind else {
        return "—".into_any();
    };
    let name = {
        let kind = kind.clone();
        move || kind_name(i18n, &kind)
    };
    let Some(id) = id else {
        return view! { <span>{name}</span> }.into_any();
    };
    let page = match kind.as_str() {
        "participant" => Some(format!("/participants/{id}")),
        "organisation" => Some(format!("/organisations/{id}")),
        "opening" => Some(format!("/openings/{id}")),
        "internship" => Some(format!("/internships/{id}")),
        _ => None,
    };
    let shown_id = view! { <span class="audit-id" dir="ltr">{id}</span> };
    // One element, so that the cell's label and value stay two columns on a narrow screen.
    match page {
        Some(href) => view! {
            <span>
                {name} " " <A href=href>{shown_id}</A>
            </span>
        }
        .into_any(),
        None => view! {
            <span>
                {name} " " {shown_id}
            </span>
        }
        .into_any(),
    }
}
