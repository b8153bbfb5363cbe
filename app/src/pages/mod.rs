//! The route components, one file per page, grouped by area.

mod accounts;
mod auth;
mod companies;
mod home;
mod not_found;
mod participants;
mod training;

pub use accounts::AccountsPage;
pub use auth::{AcceptInvitationPage, LoginPage};
pub use companies::{CompanyNavItems, CompanyRoutes, OrganisationOverview};
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use participants::{ParticipantPage, RouteView};
pub use training::{TrainingNavItems, TrainingRoutes};
