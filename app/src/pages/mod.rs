//! The route components, one file per page, grouped by area.

mod accounts;
mod auth;
mod home;
mod not_found;
mod participants;

pub use accounts::AccountsPage;
pub use auth::{AcceptInvitationPage, LoginPage};
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use participants::ParticipantPage;
