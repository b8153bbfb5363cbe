//! `/accounts` (coordinator): invitations and the list of accounts.

mod overview;

pub use overview::AccountsPage;
