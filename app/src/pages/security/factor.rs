use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::components::A;
use shared::{
    Violation, ViolationKind,
    api::{SecondFactor, TotpEnrolment},
    roles::Role,
};
use wasm_bindgen::JsCast;

use super::qr::QrCodeImage;
use crate::{
    api::{self, ApiError},
    auth::use_auth,
    components::{ErrorAlert, FieldCheck, TextField, focus_by_id, focus_soon},
    i18n::use_i18n,
};

/// Where the enrolment of the second factor stands on this page.
#[derive(Debug, Clone, PartialEq)]
enum Phase {
    /// No factor; the button starts the enrolment.
    Off,
    /// A secret to scan or type, and the field for its first code.
    Enrolling(TotpEnrolment),
    /// Confirmed: the recovery codes, shown this once.
    Codes(Vec<String>),
    /// A factor is enrolled.
    On,
}

/// A base32 secret in groups of four, easier to type by hand.
fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The second step of logging in: whether it is on, and setting it up.
#[component]
pub fn SecondFactorSection() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let start_state = auth.me().map(|me| me.second_factor);
    let phase = RwSignal::new(if start_state == Some(SecondFactor::Enrolled) {
        Phase::On
    } else {
        Phase::Off
    });
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);

    let start = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = auth.check(api::auth::start_enrolment().await);
            busy.set(false);
            match result {
                Ok(enrolment) => {
                    phase.set(Phase::Enrolling(enrolment));
                    focus_soon("factor-steps-title");
                }
                Err(err) => failure.set(Some(err)),
            }
        });
    };
    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));

    let body = move || match phase.get() {
        Phase::Off => {
            let participant = auth.role() == Some(Role::Participant);
            let required = auth.me().map(|me| me.second_factor) == Some(SecondFactor::Required);
            view! {
                <p>{move || i18n.t("factor-intro")}</p>
                {(!required && participant)
                    .then(|| view! { <p class="hint">{move || i18n.t("factor-optional")}</p> })}
                <ErrorAlert message=message />
                <button
                    type="button"
                    class="button"
                    aria-disabled=move || busy.get().then_some("true")
                    on:click=start
                >
                    {move || {
                        if busy.get() { i18n.t("factor-starting") } else { i18n.t("factor-start") }
                    }}
                </button>
            }
            .into_any()
        }
        Phase::Enrolling(enrolment) => {
            view! { <Enrolment enrolment=enrolment phase=phase /> }.into_any()
        }
        Phase::Codes(codes) => view! { <RecoveryCodeList codes=codes phase=phase /> }.into_any(),
        Phase::On => view! { <p role="status">{move || i18n.t("factor-on")}</p> }.into_any(),
    };

    view! {
        <section class="card" aria-labelledby="factor-title">
            <h2 id="factor-title">{move || i18n.t("factor-title")}</h2>
            {body}
        </section>
    }
}

/// The secret as a QR code and as text, and the first code that confirms it.
#[component]
fn Enrolment(enrolment: TotpEnrolment, phase: RwSignal<Phase>) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let code = RwSignal::new(String::new());
    let violations = RwSignal::new(Vec::<Violation>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let TotpEnrolment {
        otpauth_uri,
        secret,
    } = enrolment;

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let typed = code.get_untracked().trim().to_owned();
        failure.set(None);
        if typed.is_empty() {
            violations.set(vec![Violation::new("code", ViolationKind::Required {})]);
            focus_by_id("factor-code");
            return;
        }
        violations.set(Vec::new());
        busy.set(true);
        spawn_local(async move {
            let result = auth.check(api::auth::confirm_enrolment(&typed).await);
            busy.set(false);
            match result {
                Ok(codes) => {
                    if let Some(mut me) = auth.me() {
                        me.second_factor = SecondFactor::Enrolled;
                        auth.signed_in(me);
                    }
                    phase.set(Phase::Codes(codes.codes));
                    focus_soon("factor-codes-title");
                }
                Err(err) => {
                    code.set(String::new());
                    let theirs = err.violations();
                    if theirs.is_empty() {
                        failure.set(Some(err));
                    } else {
                        violations.set(theirs);
                    }
                    focus_by_id("factor-code");
                }
            }
        });
    };

    let message = Signal::derive(move || failure.get().map(|err| err.text(i18n)));
    let check = FieldCheck::new(violations, "code", "factor-code-errors");
    let shown_secret = grouped(&secret);
    view! {
        <h3 id="factor-steps-title" tabindex="-1">
            {move || i18n.t("factor-steps-title")}
        </h3>
        <ol class="factor-steps">
            <li>{move || i18n.t("factor-step-app")}</li>
            <li>
                <p>{move || i18n.t("factor-step-scan")}</p>
                <QrCodeImage
                    text=otpauth_uri
                    label=Signal::derive(move || i18n.t("factor-qr-label"))
                />
                <div class="field">
                    <label for="factor-secret">{move || i18n.t("factor-secret")}</label>
                    <p class="hint" id="factor-secret-hint">
                        {move || i18n.t("factor-secret-hint")}
                    </p>
                    // Two lines, so the whole key shows on a phone.
                    <textarea
                        id="factor-secret"
                        class="secret"
                        readonly
                        rows="2"
                        dir="ltr"
                        aria-describedby="factor-secret-hint"
                        on:focus=move |ev| {
                            if let Some(field) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                            {
                                field.select();
                            }
                        }
                    >
                        {shown_secret}
                    </textarea>
                </div>
            </li>
            <li>
                <form
                    class="form"
                    novalidate
                    aria-labelledby="factor-confirm-title"
                    on:submit=on_submit
                    aria-busy=move || busy.get().then_some("true")
                >
                    <p id="factor-confirm-title">{move || i18n.t("factor-step-confirm")}</p>
                    <ErrorAlert message=message />
                    <TextField
                        id="factor-code"
                        label=Signal::derive(move || i18n.t("factor-code"))
                        value=code
                        check=check
                        autocomplete="one-time-code"
                        inputmode="numeric"
                        dir="ltr"
                    />
                    <button type="submit" class="button">
                        {move || {
                            if busy.get() {
                                i18n.t("factor-confirm-busy")
                            } else {
                                i18n.t("factor-confirm")
                            }
                        }}
                    </button>
                </form>
            </li>
        </ol>
    }
}

/// The recovery codes, shown once after the enrolment is confirmed.
#[component]
fn RecoveryCodeList(codes: Vec<String>, phase: RwSignal<Phase>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="alert alert-success">
            <h3 id="factor-codes-title" tabindex="-1">
                {move || i18n.t("factor-codes-title")}
            </h3>
            <p>{move || i18n.t("factor-codes-intro")}</p>
            <ul class="recovery-codes" aria-labelledby="factor-codes-title">
                {codes
                    .into_iter()
                    .map(|code| view! { <li><code dir="ltr">{code}</code></li> })
                    .collect_view()}
            </ul>
            <p>
                <A href="/">{move || i18n.t("factor-codes-done")}</A>
            </p>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| phase.set(Phase::On)
            >
                {move || i18n.t("factor-codes-hide")}
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_shown_in_groups_of_four() {
        assert_eq!(
            grouped("KZEVAIDSN52XIZJAMRSW23ZAGIYDENRB"),
            "KZEV AIDS N52X IZJA MRSW 23ZA GIYD ENRB"
        );
        assert_eq!(grouped("ABCDEF"), "ABCD EF");
    }
}
