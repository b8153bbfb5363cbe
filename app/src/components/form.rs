//! What every form of the app shares: the shared rules run as the user types and on sending,
//! the server's refusals (422 and 409) land next to the same fields, and a refusal because someone
//! else saved first offers to load the latest version without losing what was typed.

use std::{future::Future, str::FromStr};

use leptos::{ev::Event, prelude::*, task::spawn_local};
use shared::{Violation, ViolationKind};
use wasm_bindgen::JsCast;

use crate::{
    api::ApiError,
    auth::{Auth, use_auth},
    components::{FieldCheck, FieldErrors},
    i18n::use_i18n,
};

/// The state of one form.
///
/// The violations shown are those of the shared rules for the fields the user has changed (all
/// of them once the user has tried to send), and the server's answer to the last sending until
/// the user changes the field it names. Violations of fields the form does not show (the record
/// as a whole, `version`) are shown above the form.
#[derive(Debug, Clone, Copy)]
pub struct Form {
    /// The form element's id.
    id: &'static str,
    /// `(request field, element name)` of every field of the form.
    fields: &'static [(&'static str, &'static str)],
    touched: RwSignal<Vec<&'static str>>,
    submitted: RwSignal<bool>,
    server: RwSignal<Vec<Violation>>,
    failure: RwSignal<Option<ApiError>>,
    busy: RwSignal<bool>,
    auth: Auth,
}

impl Form {
    pub fn new(id: &'static str, fields: &'static [(&'static str, &'static str)]) -> Form {
        Form {
            id,
            fields,
            touched: RwSignal::new(Vec::new()),
            submitted: RwSignal::new(false),
            server: RwSignal::new(Vec::new()),
            failure: RwSignal::new(None),
            busy: RwSignal::new(false),
            auth: use_auth(),
        }
    }

    /// The form element's id.
    pub fn id(self) -> &'static str {
        self.id
    }

    /// Whether a request is under way (reactive).
    pub fn busy(self) -> bool {
        self.busy.get()
    }

    /// The violations to show, given the shared rules' verdict on what is typed now (reactive).
    pub fn shown(
        self,
        live: impl Fn() -> Vec<Violation> + Send + Sync + 'static,
    ) -> Signal<Vec<Violation>> {
        Signal::derive(move || {
            let submitted = self.submitted.get();
            let mut shown: Vec<Violation> = self.touched.with(|touched| {
                live()
                    .into_iter()
                    .filter(|v| submitted || touched.iter().any(|f| *f == v.field))
                    .collect()
            });
            self.server.with(|server| {
                for v in server {
                    if !shown.contains(v) {
                        shown.push(v.clone());
                    }
                }
            });
            shown
        })
    }

    /// For `on:input` and `on:change` of the form: the field the user changed shows its
    /// violations from now on, and the server's refusal of its previous value goes.
    pub fn changed(self, ev: &Event) {
        let Some(name) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("name"))
        else {
            return;
        };
        let Some((field, _)) = self.fields.iter().find(|(_, n)| *n == name) else {
            return;
        };
        if !self.touched.with_untracked(|t| t.contains(field)) {
            self.touched.update(|t| t.push(field));
        }
        if self
            .server
            .with_untracked(|s| s.iter().any(|v| v.field == *field))
        {
            self.server.update(|s| s.retain(|v| v.field != *field));
            if self.server.with_untracked(Vec::is_empty) {
                self.failure.set(None);
            }
        }
    }

    /// Forgets what was typed and refused, as after saving.
    pub fn reset(self) {
        self.touched.set(Vec::new());
        self.submitted.set(false);
        self.server.set(Vec::new());
        self.failure.set(None);
    }

    /// Sends the form when the shared rules accept it (`live` is their verdict now): `call`
    /// makes the request and `done` takes the answer. A refusal by the rules or the server
    /// puts the keyboard on the first field it names.
    pub fn submit<T, Fut>(
        self,
        live: Vec<Violation>,
        call: impl FnOnce() -> Fut,
        done: impl FnOnce(T) + 'static,
    ) where
        T: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        if self.busy.get_untracked() {
            return;
        }
        self.submitted.set(true);
        self.server.set(Vec::new());
        self.failure.set(None);
        if !live.is_empty() {
            focus_first_invalid(self.id);
            return;
        }
        self.busy.set(true);
        let request = call();
        spawn_local(async move {
            let result = self.auth.check(request.await);
            self.busy.set(false);
            match result {
                Ok(answer) => {
                    self.reset();
                    done(answer);
                }
                Err(err) => self.refused(err),
            }
        });
    }

    /// Shows a refusal that did not come through [`Form::submit`] (a button of the form).
    pub fn refused(self, err: ApiError) {
        let known = |field: &str| self.fields.iter().any(|(f, _)| *f == field);
        let theirs = err
            .violations()
            .into_iter()
            .map(|v| {
                if known(&v.field) {
                    v
                } else {
                    Violation::new("", v.kind)
                }
            })
            .collect();
        self.server.set(theirs);
        self.failure.set(Some(err));
        focus_first_invalid(self.id);
    }

    /// Whether the server refused because someone else saved first (reactive).
    pub fn stale(self) -> bool {
        self.server.with(|s| {
            s.iter()
                .any(|v| matches!(v.kind, ViolationKind::StaleVersion { .. }))
        })
    }
}

/// Puts the keyboard on the first field of the form marked invalid, once the page shows it.
pub fn focus_first_invalid(form_id: &'static str) {
    request_animation_frame(move || {
        let selector = format!(
            "#{form_id} :is(input, select, textarea)[aria-invalid=\"true\"], \
             #{form_id} fieldset[aria-invalid=\"true\"] input"
        );
        if let Some(element) = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// Above a form: what went wrong with sending it, the violations of the record as a whole, and
/// after a refusal because someone else saved first, the way to load the latest version.
#[component]
pub fn FormAlert(
    form: Form,
    shown: Signal<Vec<Violation>>,
    errors_id: &'static str,
    /// Loads the latest version; what the user typed stays in the form.
    #[prop(default = None)]
    on_reload: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let check = FieldCheck::new(shown, "", errors_id);
    move || {
        let failure = form.failure.get();
        let whole = check.invalid();
        (failure.is_some() || whole).then(|| {
            let reload = on_reload.filter(|_| form.stale()).map(|reload| {
                view! {
                    <p>{move || i18n.t("form-stale-kept")}</p>
                    <button
                        type="button"
                        class="button button-secondary"
                        on:click=move |_| {
                            form.server.set(Vec::new());
                            form.failure.set(None);
                            reload.run(());
                        }
                    >
                        {move || i18n.t("form-stale-reload")}
                    </button>
                }
            });
            view! {
                <div role="alert" class="alert alert-error">
                    {failure.map(|err| view! { <p>{move || err.text(i18n)}</p> })}
                    <FieldErrors check=check />
                    {reload}
                </div>
            }
        })
    }
}

/// A labelled choice, with a first empty choice when `empty` names it.
#[component]
pub fn SelectField(
    id: &'static str,
    label: Signal<String>,
    value: RwSignal<String>,
    check: FieldCheck,
    /// `(value, shown text)`.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The text of the empty first choice, if there is one.
    #[prop(optional)]
    empty: Option<Signal<String>>,
    #[prop(optional)] hint: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <select
                id=id
                name=id
                aria-invalid=move || check.aria_invalid()
                aria-describedby=move || check.aria_describedby()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {empty
                    .map(|text| {
                        view! {
                            <option value="" selected=move || value.with(String::is_empty)>
                                {text}
                            </option>
                        }
                    })}
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(key, text)| {
                            let selected = {
                                let key = key.clone();
                                move || value.with(|v| *v == key)
                            };
                            view! {
                                <option value=key selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <FieldErrors check=check />
        </div>
    }
}

/// A labelled text area.
#[component]
pub fn TextAreaField(
    id: &'static str,
    label: Signal<String>,
    value: RwSignal<String>,
    check: FieldCheck,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] hint: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <textarea
                id=id
                name=id
                rows=rows
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || check.aria_invalid()
                aria-describedby=move || check.aria_describedby()
            ></textarea>
            <FieldErrors check=check />
        </div>
    }
}

/// A score of 1 to 5 as a group of radio buttons.
#[component]
pub fn ScoreField(
    /// The group's name; the buttons' ids are `{name}-1` to `{name}-5`.
    name: &'static str,
    legend: Signal<String>,
    value: RwSignal<String>,
    check: FieldCheck,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset
            class="field score"
            role="radiogroup"
            aria-labelledby=format!("{name}-legend")
            aria-invalid=move || check.aria_invalid()
            aria-describedby=move || check.aria_describedby()
        >
            <legend id=format!("{name}-legend")>{legend}</legend>
            <div class="score-options">
                {(1..=5)
                    .map(|n| {
                        let id = format!("{name}-{n}");
                        let text = n.to_string();
                        view! {
                            <div class="score-option">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name=name
                                    value=text.clone()
                                    prop:checked=move || value.with(|v| *v == n.to_string())
                                    on:change=move |_| value.set(n.to_string())
                                />
                                <label for=id>{text}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="hint">{move || i18n.t("score-scale")}</p>
            <FieldErrors check=check />
        </fieldset>
    }
}

thread_local! {
    /// Days between the programme's calendar (the server's, in the programme's time zone) and
    /// this device's, learnt from `GET /auth/me`: a phone set to another zone, or a check just
    /// after midnight, still agrees with the server.
    static PROGRAMME_OFFSET_DAYS: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

/// Remembers the programme's day as the server gave it.
pub fn set_programme_today(server_today: chrono::NaiveDate) {
    if let Some(device) = device_today() {
        let offset = server_today.signed_duration_since(device).num_days();
        PROGRAMME_OFFSET_DAYS.with(|days| days.set(offset));
    }
}

fn device_today() -> Option<chrono::NaiveDate> {
    #[cfg(target_arch = "wasm32")]
    {
        let now = web_sys::js_sys::Date::new_0();
        let month = now.get_month() + 1;
        chrono::NaiveDate::from_ymd_opt(
            i32::try_from(now.get_full_year()).ok()?,
            month,
            now.get_date(),
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Today in the programme's calendar: this device's date moved by what the server said.
pub fn today<D: FromStr + Default>() -> D {
    let offset = PROGRAMME_OFFSET_DAYS.with(std::cell::Cell::get);
    device_today()
        .and_then(|day| day.checked_add_signed(chrono::Duration::days(offset)))
        .and_then(|day| day.to_string().parse().ok())
        .unwrap_or_default()
}

/// A typed value: `None` when empty (the rules then say it is required).
pub fn parse_opt<T: FromStr>(text: &str) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        None
    } else {
        text.parse().ok()
    }
}

/// Adds `invalid_format` for each field whose text could not be read (not empty, yet no
/// value); the rules' verdict on such a field (`required`) gives way to it.
pub fn with_format_errors(
    mut violations: Vec<Violation>,
    unreadable: &[(&'static str, bool)],
) -> Vec<Violation> {
    for (field, bad) in unreadable {
        if *bad {
            violations.retain(|v| v.field != *field);
            violations.push(Violation::new(*field, ViolationKind::InvalidFormat {}));
        }
    }
    violations
}

/// Whether a text is typed but cannot be read as a `T`.
pub fn unreadable<T: FromStr>(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.parse::<T>().is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_text_is_no_value_and_a_number_is_read() {
        assert_eq!(parse_opt::<u32>("  "), None);
        assert_eq!(parse_opt::<u32>(" 24 "), Some(24));
        assert_eq!(parse_opt::<u32>("24 uur"), None);
    }

    #[test]
    fn an_unreadable_number_replaces_required_by_invalid_format() {
        let rules = vec![
            Violation::new("hours_per_week", ViolationKind::Required {}),
            Violation::new("end_date", ViolationKind::Required {}),
        ];
        let shown = with_format_errors(
            rules,
            &[
                ("hours_per_week", unreadable::<u32>("twenty")),
                ("end_date", unreadable::<u32>("")),
            ],
        );
        assert_eq!(
            shown,
            vec![
                Violation::new("end_date", ViolationKind::Required {}),
                Violation::new("hours_per_week", ViolationKind::InvalidFormat {}),
            ]
        );
    }
}
