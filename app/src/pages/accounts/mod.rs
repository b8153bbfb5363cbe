//! `/accounts` (coordinator): invitations and the list of accounts.

mod overview;

use overview::AccountsPage;

use leptos::prelude::*;

use crate::{access::Screen, components::RequireAuth, screens::lazy_screen};

lazy_screen! {
    /// `/accounts`, loaded on demand.
    AccountsScreen => view! { <RequireAuth screen=Screen::Accounts><AccountsPage /></RequireAuth> }
}
