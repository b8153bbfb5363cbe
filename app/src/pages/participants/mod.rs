//! A participant's file.

mod actions;
mod budget;
mod consent;
mod contacts;
mod intake;
mod internships;
mod introductions;
mod plan;
mod profile;
mod route;

pub use budget::ParticipantBudgetPage;
pub use consent::ParticipantConsentPage;
pub use contacts::ParticipantContactsPage;
pub use intake::NewParticipantPage;
pub use internships::ParticipantInternshipsPage;
pub use introductions::ParticipantIntroductionsPage;
pub use plan::ParticipantPlanPage;
pub use profile::ParticipantPage;
pub use route::{ParticipantRoutePage, RouteView};
