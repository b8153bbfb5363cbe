//! The participant's rights on their file: the download of everything stored about them (the
//! participant themself, a coordinator of the region) and erasure (a coordinator).

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::{NavigateOptions, hooks::use_navigate};
use shared::{
    Violation,
    access::{Action, Resource},
    api::{ErasureInput, ParticipantDetail},
    ids::ParticipantId,
    roles::Role,
    rules::erasure::{CONFIRM_FIELD, check_confirmation, full_name},
};

use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{
        Date, ErrorAlert, FieldCheck, TextField, focus_by_id, focus_soon, save_file, today,
    },
    i18n::use_i18n,
};

/// The name of the downloaded file: the day, never a name.
pub fn data_file_name(own: bool, day: &Date) -> String {
    let what = if own { "my-data" } else { "participant-data" };
    format!("{what}-{day}.json")
}

/// The query the participant list is opened with after an erasure, to say it is done.
pub const ERASED_QUERY: &str = "erased";

/// Downloads everything stored about the participant as one JSON file: for the participant
/// themself ("my data") and a coordinator of the region.
#[component]
pub fn DataDownload(id: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let role = auth.role();
    let own = role == Some(Role::Participant);
    let allowed =
        role.is_some_and(|role| shared::access::allows(role, Resource::DataExport, Action::Read));
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(None::<String>);
    let id = StoredValue::new(id);
    let download = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        saved.set(None);
        spawn_local(async move {
            let result = auth.check(api::rights::export_text(&id.get_value()).await);
            busy.set(false);
            match result {
                Ok(text) => {
                    let name = data_file_name(own, &today());
                    match save_file(&name, "application/json", &text) {
                        Ok(()) => saved.set(Some(name)),
                        Err(_) => failure.set(Some(ApiError::Decode)),
                    }
                }
                Err(err) => failure.set(Some(err)),
            }
        });
    };
    let key = move |own_key: &'static str, staff_key: &'static str| {
        move || i18n.t(if own { own_key } else { staff_key })
    };
    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    allowed.then(|| {
        view! {
            <section class="card" aria-labelledby="data-title">
                <h2 id="data-title">{key("data-title", "data-title-staff")}</h2>
                <p>{key("data-intro", "data-intro-staff")}</p>
                <ErrorAlert message=message />
                <p role="status">
                    {move || {
                        saved.get().map(|file| i18n.t_with("data-done", &[("file", file)]))
                    }}
                </p>
                <button
                    type="button"
                    class="button button-secondary"
                    aria-disabled=move || busy.get().then_some("true")
                    on:click=download
                >
                    {move || {
                        if busy.get() {
                            i18n.t("data-busy")
                        } else if own {
                            i18n.t("data-download")
                        } else {
                            i18n.t("data-download-staff")
                        }
                    }}
                </button>
            </section>
        }
    })
}

/// For a coordinator of the region: erases the participant's personal data, after typing their
/// full name; then the participant list.
#[component]
pub fn ErasureSection(participant: ParticipantDetail) -> impl IntoView {
    let role = use_auth().role();
    let allowed =
        role.is_some_and(|role| shared::access::allows(role, Resource::Erasure, Action::Disable));
    allowed.then(|| view! { <Erasure participant=participant /> })
}

#[component]
fn Erasure(participant: ParticipantDetail) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let navigate = use_navigate();
    let typed = RwSignal::new(String::new());
    let violations = RwSignal::new(Vec::<Violation>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let name = full_name(&participant.first_name, &participant.last_name);
    let ParticipantDetail {
        id,
        first_name,
        last_name,
        ..
    } = participant;
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        failure.set(None);
        let confirm_name = typed.get_untracked();
        if let Err(refused) = check_confirmation(&confirm_name, &first_name, &last_name) {
            violations.set(vec![refused]);
            focus_by_id("erase-confirm");
            return;
        }
        violations.set(Vec::new());
        busy.set(true);
        let id = id.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = auth.check(api::rights::erase(&id, &ErasureInput { confirm_name }).await);
            busy.set(false);
            match result {
                Ok(()) => navigate(&format!("/?{ERASED_QUERY}=1"), NavigateOptions::default()),
                Err(err) => {
                    let theirs = err.violations();
                    if theirs.is_empty() {
                        failure.set(Some(err));
                        focus_soon("erase-title");
                    } else {
                        violations.set(theirs);
                        focus_by_id("erase-confirm");
                    }
                }
            }
        });
    };
    // A new try: the refusal of what was typed before goes.
    Effect::new(move |previous: Option<()>| {
        typed.track();
        if previous.is_some() {
            violations.set(Vec::new());
        }
    });
    let check = FieldCheck::new(violations, CONFIRM_FIELD, "erase-confirm-errors")
        .with_hint("erase-confirm-hint");
    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    view! {
        <section class="card erase" aria-labelledby="erase-title">
            <h2 id="erase-title" tabindex="-1">{move || i18n.t("erase-title")}</h2>
            <p>{move || i18n.t("erase-intro")}</p>
            <ul>
                <li>{move || i18n.t("erase-what-personal")}</li>
                <li>{move || i18n.t("erase-what-account")}</li>
                <li>{move || i18n.t("erase-what-kept")}</li>
            </ul>
            <form
                class="form"
                novalidate
                aria-labelledby="erase-title"
                aria-busy=move || busy.get().then_some("true")
                on:submit=on_submit
            >
                <ErrorAlert message=message />
                <TextField
                    id="erase-confirm"
                    label=Signal::derive(move || i18n.t("erase-confirm"))
                    value=typed
                    check=check
                    hint=Signal::derive(move || {
                        i18n.t_with("erase-confirm-hint", &[("name", name.clone())])
                    })
                />
                <button type="submit" class="button button-danger">
                    {move || {
                        if busy.get() { i18n.t("erase-busy") } else { i18n.t("erase-submit") }
                    }}
                </button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_named_by_the_day_only() {
        let day: Date = "2026-11-30".parse().unwrap();
        assert_eq!(data_file_name(true, &day), "my-data-2026-11-30.json");
        assert_eq!(
            data_file_name(false, &day),
            "participant-data-2026-11-30.json"
        );
    }
}
