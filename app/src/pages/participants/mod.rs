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
use profile::ParticipantPage;
pub use route::{ParticipantRoutePage, RouteView};

use leptos::prelude::*;

use crate::{access::Screen, components::RequireAuth, screens::lazy_screen};

lazy_screen! {
    /// `/participants/:id`, loaded on demand.
    ParticipantProfileScreen => view! {
        <RequireAuth screen=Screen::ParticipantProfile><ParticipantPage /></RequireAuth>
    }
}
