use leptos::prelude::*;
use shared::Violation;

use crate::i18n::use_i18n;

/// One field of a form and the violations of the whole form: what the field needs to mark itself
/// invalid and point at its messages.
#[derive(Debug, Clone, Copy)]
pub struct FieldCheck {
    violations: Signal<Vec<Violation>>,
    /// The field's name in the request (`email`, `password`, `municipality_id`).
    field: &'static str,
    /// The id of the messages' element.
    errors_id: &'static str,
    /// The id of a hint shown with the field, if any.
    hint_id: Option<&'static str>,
}

impl FieldCheck {
    pub fn new(
        violations: impl Into<Signal<Vec<Violation>>>,
        field: &'static str,
        errors_id: &'static str,
    ) -> FieldCheck {
        FieldCheck {
            violations: violations.into(),
            field,
            errors_id,
            hint_id: None,
        }
    }

    /// A hint that describes the field whether or not it has violations.
    pub fn with_hint(self, hint_id: &'static str) -> FieldCheck {
        FieldCheck {
            hint_id: Some(hint_id),
            ..self
        }
    }

    /// The field's violations (reactive).
    pub fn violations(self) -> Vec<Violation> {
        self.violations.with(|all| {
            all.iter()
                .filter(|v| v.field == self.field)
                .cloned()
                .collect()
        })
    }

    /// Whether the field has violations (reactive).
    pub fn invalid(self) -> bool {
        self.violations
            .with(|all| all.iter().any(|v| v.field == self.field))
    }

    /// The value of `aria-invalid` (reactive).
    pub fn aria_invalid(self) -> Option<&'static str> {
        self.invalid().then_some("true")
    }

    /// The value of `aria-describedby`: the hint, and the messages when there are any (reactive).
    pub fn aria_describedby(self) -> Option<String> {
        let errors = self.invalid().then_some(self.errors_id);
        let ids: Vec<&str> = self.hint_id.into_iter().chain(errors).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The violations of one field, from the shared rules in the browser or from the server's answer,
/// translated, beneath the field. Every form shows its violations through this component.
#[component]
pub fn FieldErrors(check: FieldCheck) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div id=check.errors_id class="field-errors" aria-live="polite">
            {move || {
                check
                    .violations()
                    .into_iter()
                    .map(|v| view! { <p>{i18n.violation(&v)}</p> })
                    .collect_view()
            }}
        </div>
    }
}

/// A message about the whole form or page, read out at once by screen readers. Renders nothing
/// while there is no message.
#[component]
pub fn ErrorAlert(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|text| view! { <p role="alert" class="alert alert-error">{text}</p> })
    }
}
