//! Logging in (with the second factor's step) and accepting an invitation.

mod accept_invitation;
mod login;
mod second_step;

use accept_invitation::AcceptInvitationPage;
pub use login::LoginPage;

use leptos::prelude::*;

use crate::screens::lazy_screen;

lazy_screen! {
    /// `/accept-invitation`: opened once per account, so loaded on demand.
    AcceptInvitationScreen => view! { <AcceptInvitationPage /> }
}
