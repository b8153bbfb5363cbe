use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::{
    components::{FieldCheck, FieldErrors},
    i18n::use_i18n,
};

/// Moves the keyboard focus to the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Moves the focus to the element with this id once the page has shown the latest change (for an
/// element that a change of state has only just added or revealed).
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || focus_by_id(id));
}

/// A labelled text input with its hint and violations.
#[component]
pub fn TextField(
    id: &'static str,
    label: Signal<String>,
    value: RwSignal<String>,
    check: FieldCheck,
    /// `text`, `email` or `date`.
    #[prop(default = "text")]
    input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    /// The keyboard a phone shows: `numeric` or `decimal` for numbers typed as text.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Writing direction of the value; `ltr` for email addresses and links in Arabic.
    #[prop(optional)]
    dir: Option<&'static str>,
    /// Shown beneath the label; `check` must carry its id (`{id}-hint`).
    #[prop(optional)]
    hint: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                dir=dir
                bind:value=value
                aria-invalid=move || check.aria_invalid()
                aria-describedby=move || check.aria_describedby()
            />
            <FieldErrors check=check />
        </div>
    }
}

/// A labelled password input with a switch to show what was typed, its hint and violations.
#[component]
pub fn PasswordField(
    id: &'static str,
    label: Signal<String>,
    value: RwSignal<String>,
    check: FieldCheck,
    /// `current-password` or `new-password`.
    autocomplete: &'static str,
    #[prop(optional)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(false);
    let show_id = format!("{id}-show");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <input
                id=id
                name=id
                type=move || if shown.get() { "text" } else { "password" }
                autocomplete=autocomplete
                autocapitalize="none"
                spellcheck="false"
                dir="ltr"
                bind:value=value
                aria-invalid=move || check.aria_invalid()
                aria-describedby=move || check.aria_describedby()
            />
            <div class="check">
                <input id=show_id.clone() type="checkbox" bind:checked=shown />
                <label for=show_id>{move || i18n.t("password-show")}</label>
            </div>
            <FieldErrors check=check />
        </div>
    }
}
