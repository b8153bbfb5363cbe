//! The screens that are not in the main WebAssembly module: every screen but the login, the
//! participant's home and the not-found page. Each is a [`LazyRoute`] whose view the bundle
//! (`cargo xtask bundle`, as cargo-leptos does) splits off into a module of its own, fetched the
//! first time it is opened; code that several of them share goes into modules of its own too. So
//! the first visit of a participant downloads only the main module, and the home of any other
//! role adds its own.
//!
//! Once someone has signed in and the first screen is painted, [`Prefetch`] fetches the modules
//! of every screen their role may open, so following a link needs no wait.

use std::{future::Future, pin::Pin, time::Duration};

use leptos::{prelude::*, task::spawn_local};
use leptos_router::LazyRoute;
use shared::roles::Role;

use crate::{
    access::Screen,
    auth::use_auth,
    components::Loading,
    pages::{
        AccountsScreen, AgreementScreen, AttendanceScreen, CoachHomeScreen, CohortScreen,
        CohortsScreen, CompanyHomeScreen, CoordinatorHomeScreen, InternshipScreen,
        MunicipalitiesScreen, MunicipalityHomeScreen, MunicipalityScreen, NewParticipantScreen,
        OpeningScreen, OpeningsScreen, OrganisationScreen, OrganisationsScreen,
        ParticipantBudgetScreen, ParticipantConsentScreen, ParticipantContactsScreen,
        ParticipantInternshipsScreen, ParticipantIntroductionsScreen, ParticipantPlanScreen,
        ParticipantProfileScreen, ParticipantRouteScreen,
    },
};

/// A [`LazyRoute`] named `$name` whose view, `$view`, is loaded on demand. The view usually
/// puts a page behind its entry in the access table.
macro_rules! lazy_screen {
    ($(#[$doc:meta])* $name:ident => $view:expr) => {
        $(#[$doc])*
        pub struct $name;

        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            fn view(_this: Self) -> AnyView {
                $view.into_any()
            }
        }
    };
}

pub(crate) use lazy_screen;

/// A view that is loaded on demand: the loading text until its module is there. A
/// `Transition`, as [`crate::components::Loaded`] uses, so that the main module holds one kind
/// of boundary.
pub fn lazily(view: impl Future<Output = AnyView> + Send + 'static) -> impl IntoView {
    view! { <Transition fallback=|| view! { <Loading /> }>{Suspend::new(view)}</Transition> }
}

type Preload = fn() -> Pin<Box<dyn Future<Output = ()>>>;

/// Who may open a screen that is loaded on demand.
#[derive(Clone, Copy)]
enum Who {
    /// The home page of this role.
    HomeOf(Role),
    /// The roles of this entry of the access table.
    Allowed(Screen),
}

impl Who {
    fn includes(self, role: Role) -> bool {
        match self {
            Who::HomeOf(home) => home == role,
            Who::Allowed(screen) => screen.allows(role),
        }
    }
}

/// Every screen outside the main module, with who may open it.
const SCREENS: &[(Who, Preload)] = &[
    (Who::HomeOf(Role::Coordinator), || {
        Box::pin(CoordinatorHomeScreen::preload())
    }),
    (Who::HomeOf(Role::Coach), || {
        Box::pin(CoachHomeScreen::preload())
    }),
    (Who::HomeOf(Role::CompanyContact), || {
        Box::pin(CompanyHomeScreen::preload())
    }),
    (Who::HomeOf(Role::MunicipalityViewer), || {
        Box::pin(MunicipalityHomeScreen::preload())
    }),
    (Who::Allowed(Screen::Accounts), || {
        Box::pin(AccountsScreen::preload())
    }),
    (Who::Allowed(Screen::ParticipantProfile), || {
        Box::pin(ParticipantProfileScreen::preload())
    }),
    (Who::Allowed(Screen::Municipalities), || {
        Box::pin(MunicipalitiesScreen::preload())
    }),
    (Who::Allowed(Screen::Municipalities), || {
        Box::pin(MunicipalityScreen::preload())
    }),
    (Who::Allowed(Screen::Cohorts), || {
        Box::pin(CohortsScreen::preload())
    }),
    (Who::Allowed(Screen::Cohorts), || {
        Box::pin(CohortScreen::preload())
    }),
    (Who::Allowed(Screen::Attendance), || {
        Box::pin(AttendanceScreen::preload())
    }),
    (Who::Allowed(Screen::ParticipantNew), || {
        Box::pin(NewParticipantScreen::preload())
    }),
    (Who::Allowed(Screen::ParticipantRoute), || {
        Box::pin(ParticipantRouteScreen::preload())
    }),
    (Who::Allowed(Screen::ParticipantPlan), || {
        Box::pin(ParticipantPlanScreen::preload())
    }),
    (Who::Allowed(Screen::ParticipantContacts), || {
        Box::pin(ParticipantContactsScreen::preload())
    }),
    (Who::Allowed(Screen::Organisations), || {
        Box::pin(OrganisationsScreen::preload())
    }),
    (Who::Allowed(Screen::Organisation), || {
        Box::pin(OrganisationScreen::preload())
    }),
    (Who::Allowed(Screen::Openings), || {
        Box::pin(OpeningsScreen::preload())
    }),
    (Who::Allowed(Screen::Opening), || {
        Box::pin(OpeningScreen::preload())
    }),
    (Who::Allowed(Screen::Internship), || {
        Box::pin(InternshipScreen::preload())
    }),
    (Who::Allowed(Screen::Internship), || {
        Box::pin(AgreementScreen::preload())
    }),
    (Who::Allowed(Screen::ParticipantInternships), || {
        Box::pin(ParticipantInternshipsScreen::preload())
    }),
    (Who::Allowed(Screen::ParticipantBudget), || {
        Box::pin(ParticipantBudgetScreen::preload())
    }),
    (Who::Allowed(Screen::ParticipantIntroductions), || {
        Box::pin(ParticipantIntroductionsScreen::preload())
    }),
    (Who::Allowed(Screen::ParticipantConsent), || {
        Box::pin(ParticipantConsentScreen::preload())
    }),
];

/// Fetches the modules of the screens the role signed in may open, once the first screen is
/// painted. Fetching twice costs nothing: a module is loaded once.
#[component]
pub fn Prefetch() -> impl IntoView {
    let auth = use_auth();
    let role = Memo::new(move |_| auth.me().map(|me| me.role));
    Effect::new(move |_| {
        let Some(role) = role.get() else {
            return;
        };
        // After the next frame is painted, not before it.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    for (who, preload) in SCREENS {
                        if who.includes(role) {
                            spawn_local(preload());
                        }
                    }
                },
                Duration::ZERO,
            );
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_fetches_its_own_home_only() {
        for role in Role::ALL {
            let homes: Vec<Role> = SCREENS
                .iter()
                .filter_map(|(who, _)| match who {
                    Who::HomeOf(home) if who.includes(role) => Some(*home),
                    Who::HomeOf(_) | Who::Allowed(_) => None,
                })
                .collect();
            let expected = if role == Role::Participant {
                vec![]
            } else {
                vec![role]
            };
            assert_eq!(homes, expected, "{role}");
        }
    }

    #[test]
    fn a_participant_fetches_the_screens_of_their_own_file() {
        let fetched = SCREENS
            .iter()
            .filter(|(who, _)| who.includes(Role::Participant))
            .count();
        // profile, route, plan, internship and its agreement, internships, budget,
        // introductions and consent
        assert_eq!(fetched, 9);
    }

    #[test]
    fn a_company_contact_fetches_no_participant_file() {
        for (who, _) in SCREENS {
            if let Who::Allowed(screen) = who
                && who.includes(Role::CompanyContact)
            {
                assert!(
                    matches!(
                        screen,
                        Screen::Organisation | Screen::Opening | Screen::Internship
                    ),
                    "{screen:?}"
                );
            }
        }
    }
}
