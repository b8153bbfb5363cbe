//! The history of a record on its page: who changed which field when, the old and the new value.

use leptos::prelude::*;
use shared::{
    access::{Action, Relation, Resource},
    api::{ErrorKind, FieldChange, HistoryEntry},
};

use crate::{
    api::{self, history::HistoryOf},
    auth::use_auth,
    components::{Loaded, api_resource, text},
    i18n::{I18n, use_i18n, with_catalog},
};

/// The history of a record, collapsed until its button opens it, and loaded then. It shows to
/// the roles the access table lets read it (a coordinator: the region's records; a coach: the
/// files of their own participants), and goes away when the server refuses it all the same.
#[component]
pub fn HistoryPanel(
    of: HistoryOf,
    /// Unique on the page: the ids of the panel's parts start with it.
    #[prop(default = "history")]
    id: &'static str,
) -> impl IntoView {
    let role = use_auth().role();
    let allowed =
        match role.and_then(|r| shared::access::relation(r, Resource::History, Action::Read)) {
            Some(Relation::Region) => true,
            Some(Relation::Assigned) => of.in_a_file(),
            Some(_) | None => false,
        };
    if !allowed {
        return ().into_any();
    }
    let open = RwSignal::new(false);
    let opened = RwSignal::new(false);
    let refused = RwSignal::new(false);
    let heading = format!("{id}-title");
    let body = format!("{id}-entries");
    view! {
        <Show when=move || !refused.get()>
            <section class="card history" aria-labelledby=heading.clone()>
                <h2 id=heading.clone() class="history-heading">
                    <button
                        type="button"
                        class="history-toggle"
                        aria-expanded=move || if open.get() { "true" } else { "false" }
                        aria-controls=body.clone()
                        on:click=move |_| {
                            open.update(|o| *o = !*o);
                            opened.set(true);
                        }
                    >
                        <span class="history-marker" aria-hidden="true">
                            {move || if open.get() { "▾" } else { "▸" }}
                        </span>
                        {text("history-title")}
                    </button>
                </h2>
                <div id=body.clone() class="history-entries" hidden=move || !open.get()>
                    {
                        let of = of.clone();
                        move || {
                            opened
                                .get()
                                .then(|| view! { <Entries of=of.clone() refused=refused /> })
                        }
                    }
                </div>
            </section>
        </Show>
    }
    .into_any()
}

#[component]
fn Entries(of: HistoryOf, refused: RwSignal<bool>) -> impl IntoView {
    let history = api_resource(move || {
        let of = of.clone();
        async move { api::history::history(&of).await }
    });
    Effect::new(move |_| {
        let turned_away = history.with(|r| {
            matches!(r, Some(Err(e)) if matches!(e.kind(), Some(ErrorKind::Forbidden | ErrorKind::NotFound)))
        });
        if turned_away {
            refused.set(true);
        }
    });
    view! {
        <Loaded
            resource=history
            part=true
            children=move |entries| {
                if entries.is_empty() {
                    return view! { <p>{text("history-none")}</p> }.into_any();
                }
                view! {
                    <ol class="history-list">
                        {entries.into_iter().map(|e| view! { <Entry entry=e /> }).collect_view()}
                    </ol>
                }
                    .into_any()
            }
        />
    }
}

/// The text of `key` when the language has one, else `fallback` as it is.
fn known_or(i18n: I18n, key: &str, fallback: &str) -> String {
    if with_catalog(i18n.lang(), |c| c.has(key)) {
        i18n.t(key)
    } else {
        fallback.to_owned()
    }
}

/// A stored value for people: a date written out, nothing as a dash.
fn value(i18n: I18n, value: Option<&str>) -> String {
    match value {
        None | Some("") => "—".to_owned(),
        Some(v) if chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok() => i18n.date(&v),
        Some(v) => v.to_owned(),
    }
}

#[component]
fn Entry(entry: HistoryEntry) -> impl IntoView {
    let i18n = use_i18n();
    let HistoryEntry {
        record_type,
        at,
        actor_id,
        actor_name,
        created,
        changes,
        ..
    } = entry;
    let when = at.clone();
    // The name the account gave, else its id; no account: a change the system made.
    let who = match (actor_name, actor_id) {
        (Some(name), _) => view! { <strong>{name}</strong> }.into_any(),
        (None, Some(id)) => {
            view! { <strong class="audit-id" dir="ltr">{id.to_string()}</strong> }.into_any()
        }
        (None, None) => view! { <strong>{text("history-system")}</strong> }.into_any(),
    };
    let kind = {
        let record_type = record_type.clone();
        move || known_or(i18n, &format!("record-kind-{record_type}"), &record_type)
    };
    let what = move || {
        if created {
            i18n.t_with("history-created", &[("record", kind())])
        } else {
            i18n.t_with("history-changed", &[("record", kind())])
        }
    };
    view! {
        <li>
            <p class="meta">
                {who}
                " · "
                <time datetime=at>{move || i18n.date_time(&when)}</time>
                " · "
                {what}
            </p>
            <dl class="history-changes">
                {changes.into_iter().map(|c| view! { <Change change=c /> }).collect_view()}
            </dl>
        </li>
    }
}

#[component]
fn Change(change: FieldChange) -> impl IntoView {
    let i18n = use_i18n();
    let FieldChange {
        field,
        old,
        new,
        old_name,
        new_name,
    } = change;
    let name = move || known_or(i18n, &format!("history-field-{field}"), &field);
    // An id is shown by the name of its record when the server gave one.
    let old = move || value(i18n, old_name.as_deref().or(old.as_deref()));
    let new = move || value(i18n, new_name.as_deref().or(new.as_deref()));
    view! {
        <div class="history-change">
            <dt>{name}</dt>
            <dd>
                <span class="visually-hidden">{text("history-old")} ": "</span>
                <del class="history-old">{old}</del>
                <span aria-hidden="true">" → "</span>
                <span class="visually-hidden">", " {text("history-new")} ": "</span>
                <ins class="history-new">{new}</ins>
            </dd>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The fields the history triggers of the migrations write.
    const FIELDS: &[&str] = &[
        "amount_cents",
        "cancelled",
        "capacity",
        "category",
        "changed_on",
        "city",
        "coach_id",
        "cohort_id",
        "date",
        "description",
        "done",
        "due_date",
        "dutch_level",
        "email",
        "end_date",
        "extended",
        "first_name",
        "given",
        "hours_per_week",
        "kind",
        "kvk_number",
        "ladder_rung_at_intake",
        "languages",
        "last_name",
        "municipality_id",
        "name",
        "opening_id",
        "organisation_id",
        "original_end_date",
        "owner",
        "phone",
        "place",
        "postcode",
        "purpose",
        "requested_on",
        "sector",
        "start_date",
        "status",
        "street",
        "supervisor_name",
        "target_date",
        "text",
        "title",
    ];

    #[test]
    fn every_field_a_history_holds_has_a_name_in_every_language() {
        let migrations =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/migrations");
        let mut written = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(migrations).expect("the migrations are readable") {
            let text =
                std::fs::read_to_string(entry.expect("an entry").path()).expect("a migration");
            for (at, _) in text.match_indices("'field', '") {
                let rest = &text[at + "'field', '".len()..];
                if let Some(end) = rest.find('\'') {
                    written.insert(rest[..end].to_owned());
                }
            }
        }
        assert!(written.contains("dutch_level"), "the scan found too little");
        let listed: std::collections::BTreeSet<String> =
            FIELDS.iter().map(|f| (*f).to_owned()).collect();
        assert_eq!(written, listed);
        for lang in Lang::ALL {
            for field in FIELDS {
                let key = format!("history-field-{field}");
                assert!(
                    with_catalog(lang, |c| c.has(&key)),
                    "{}: {key}",
                    lang.code()
                );
            }
            for key in [
                "history-title",
                "history-none",
                "history-system",
                "history-old",
                "history-new",
            ] {
                assert!(with_catalog(lang, |c| c.has(key)), "{}: {key}", lang.code());
            }
            for key in ["history-created", "history-changed"] {
                let text = with_catalog(lang, |c| c.try_format(key, &[("record", "X".to_owned())]));
                assert!(
                    text.is_ok_and(|t| t.contains('X')),
                    "{}: {key}",
                    lang.code()
                );
            }
        }
    }
}
