//! The card in which someone is registered: a colleague for an expert meeting or training (on
//! the event's page), a participant for a company visit (on the opening's page).

use leptos::{ev::SubmitEvent, prelude::*};
use shared::Violation;

use crate::components::{Form, FormAlert, text};

/// The card's title, what it says first (`intro`), the notice of who was registered last, and
/// the form `registration-form` with its alert, its fields (`children`) and its button.
#[component]
pub(crate) fn RegistrationCard(
    /// The title's translation key.
    title: &'static str,
    form: Form,
    shown: Signal<Vec<Violation>>,
    /// Who was registered last, in words.
    notice: Signal<Option<String>>,
    on_submit: impl Fn(SubmitEvent) + 'static,
    /// The button's label.
    submit: Signal<String>,
    #[prop(optional)] intro: Option<Children>,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="registration-title">
            <h2 id="registration-title">{text(title)}</h2>
            {intro.map(|intro| intro())}
            <p role="status" class="status-line">{move || notice.get()}</p>
            <form
                id="registration-form"
                class="form"
                novalidate
                on:submit=on_submit
                on:input=move |ev| form.changed(&ev)
                aria-busy=move || form.busy().then_some("true")
            >
                <FormAlert form=form shown=shown errors_id="registration-errors" />
                {children()}
                <button type="submit" class="button">
                    {move || submit.get()}
                </button>
            </form>
        </section>
    }
}
