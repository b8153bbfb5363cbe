//! The route components, one file per page, grouped by area.

mod accounts;
mod audit;
mod auth;
mod companies;
mod home;
mod not_found;
mod participants;
mod reports;
mod security;
mod training;

pub use accounts::AccountsScreen;
pub use audit::{AuditNavItem, AuditRoutes, AuditScreen};
pub use auth::{AcceptInvitationScreen, LoginPage};
pub use companies::{
    AgreementScreen, CompanyNavItems, CompanyRoutes, EventScreen, EventsScreen, InternshipScreen,
    OpeningScreen, OpeningsScreen, OrganisationOverview, OrganisationScreen, OrganisationsScreen,
};
pub use home::{
    CoachHomeScreen, CompanyHomeScreen, CoordinatorHomeScreen, HomePage, MunicipalityHomeScreen,
};
pub use not_found::NotFoundPage;
pub use participants::{
    ERASED_QUERY, NewParticipantScreen, ParticipantBudgetScreen, ParticipantCompetencesScreen,
    ParticipantConsentScreen, ParticipantContactsScreen, ParticipantInternshipsScreen,
    ParticipantIntroductionsScreen, ParticipantMapScreen, ParticipantOutcomeScreen,
    ParticipantPlanScreen, ParticipantProfileScreen, ParticipantRouteScreen, ParticipantRoutes,
    ParticipantSuggestionsScreen, RouteView,
};
pub use reports::{MunicipalityReportScreen, Nudges, ReportRoutes};
pub use security::{PasswordResetButton, ResetPasswordScreen, SecurityScreen};
pub use training::{
    AttendanceScreen, CohortScreen, CohortsScreen, MunicipalitiesScreen, MunicipalityScreen,
    TrainingNavItems, TrainingRoutes,
};
