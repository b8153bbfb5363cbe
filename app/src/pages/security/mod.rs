//! `/security`: a signed-in account changes its password and sets up its second factor (a
//! coordinator must, before anything else); `/reset-password#<token>`: a reset link sets a new
//! password; and the button that gives a coordinator such a link for an account.

mod factor;
mod password;
mod qr;
mod reset;
mod reset_link;

pub use reset_link::PasswordResetButton;

use leptos::prelude::*;
use shared::{api::SecondFactor, roles::Role};

use crate::{
    access::Screen,
    auth::use_auth,
    components::{CalendarFeedSection, RequireAuth, set_page_title},
    i18n::use_i18n,
    screens::lazy_screen,
};

lazy_screen! {
    /// `/security`, loaded on demand.
    SecurityScreen => view! { <RequireAuth screen=Screen::Security><SecurityPage /></RequireAuth> }
}

lazy_screen! {
    /// `/reset-password`: opened from a reset link, so loaded on demand.
    ResetPasswordScreen => view! { <reset::ResetPasswordPage /> }
}

/// The second factor, and (once an account that must have one has it) the password and the
/// personal calendar feed.
#[component]
fn SecurityPage() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    set_page_title(move || i18n.t("security-title"));
    let required = Memo::new(move |_| {
        auth.me()
            .is_some_and(|me| me.second_factor == SecondFactor::Required)
    });
    view! {
        <section class="page narrow" aria-labelledby="security-title">
            <h1 id="security-title">{move || i18n.t("security-title")}</h1>
            {move || {
                required
                    .get()
                    .then(|| {
                        view! {
                            <p class="alert alert-info" role="status">
                                {move || i18n.t("security-required")}
                            </p>
                        }
                    })
            }}
            <factor::SecondFactorSection />
            <Show when=move || !required.get()>
                <password::PasswordChange />
            </Show>
            // A participant's calendar is on their profile, next to their data.
            <Show when=move || !required.get() && auth.role() != Some(Role::Participant)>
                <CalendarFeedSection />
            </Show>
        </section>
    }
}
