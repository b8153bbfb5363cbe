//! The screens that are not in the main WebAssembly module: every screen but the login, the
//! participant's home and the not-found page. Each is a [`LazyRoute`] whose view the bundle
//! (`cargo xtask bundle`, as cargo-leptos does) splits off into a module of its own, fetched the
//! first time it is opened; code that several of them share goes into modules of its own too. So
//! the first visit of a participant downloads only the main module, and the home of any other
//! role adds its own.
//!
//! Once someone has signed in, the app has taken the static shell's place and the browser is
//! idle, [`Prefetch`] downloads the modules of the screens their role may open into the
//! browser's cache, so following a link does not wait for the network. It does not run them:
//! a module is compiled and run only when its screen is opened. Nothing is fetched ahead when the
//! browser asks to save data or the connection is 2G.

use std::future::Future;

use leptos::prelude::*;
use shared::roles::Role;

use crate::{
    access::Screen,
    auth::use_auth,
    components::Loading,
    pages::{
        AccountsScreen, AgreementScreen, AttendanceScreen, AuditScreen, CoachHomeScreen,
        CohortScreen, CohortsScreen, CompanyHomeScreen, CoordinatorHomeScreen, EventScreen,
        EventsScreen, InternshipScreen, MunicipalitiesScreen, MunicipalityHomeScreen,
        MunicipalityReportScreen, MunicipalityScreen, NewParticipantScreen, OpeningScreen,
        OpeningsScreen, OrganisationScreen, OrganisationsScreen, ParticipantBudgetScreen,
        ParticipantCompetencesScreen, ParticipantConsentScreen, ParticipantContactsScreen,
        ParticipantInternshipsScreen, ParticipantIntroductionsScreen, ParticipantMapScreen,
        ParticipantOutcomeScreen, ParticipantPlanScreen, ParticipantProfileScreen,
        ParticipantRouteScreen, ParticipantSuggestionsScreen,
    },
    shell::use_shell,
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

/// The name of a lazily loaded route's split module, without the hash the bundle adds:
/// `#[lazy_route]` calls the view of `T` `__{T}_View`, and `#[lazy]` names the module after it in
/// snake case.
type ModuleName = fn() -> String;

fn module_name<T>() -> String {
    let ty = std::any::type_name::<T>();
    let ty = ty.rsplit("::").next().unwrap_or(ty);
    let mut name = String::from("_");
    for c in ty.chars() {
        if c.is_ascii_uppercase() {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    name.push_str("_view");
    name
}

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
const SCREENS: &[(Who, ModuleName)] = &[
    (
        Who::HomeOf(Role::Coordinator),
        module_name::<CoordinatorHomeScreen>,
    ),
    (Who::HomeOf(Role::Coach), module_name::<CoachHomeScreen>),
    (
        Who::HomeOf(Role::CompanyContact),
        module_name::<CompanyHomeScreen>,
    ),
    (
        Who::HomeOf(Role::MunicipalityViewer),
        module_name::<MunicipalityHomeScreen>,
    ),
    (
        Who::Allowed(Screen::Accounts),
        module_name::<AccountsScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantProfile),
        module_name::<ParticipantProfileScreen>,
    ),
    (
        Who::Allowed(Screen::Municipalities),
        module_name::<MunicipalitiesScreen>,
    ),
    (
        Who::Allowed(Screen::Municipalities),
        module_name::<MunicipalityScreen>,
    ),
    (Who::Allowed(Screen::Cohorts), module_name::<CohortsScreen>),
    (Who::Allowed(Screen::Cohorts), module_name::<CohortScreen>),
    (
        Who::Allowed(Screen::Attendance),
        module_name::<AttendanceScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantNew),
        module_name::<NewParticipantScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantRoute),
        module_name::<ParticipantRouteScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantPlan),
        module_name::<ParticipantPlanScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantContacts),
        module_name::<ParticipantContactsScreen>,
    ),
    (
        Who::Allowed(Screen::Organisations),
        module_name::<OrganisationsScreen>,
    ),
    (
        Who::Allowed(Screen::Organisation),
        module_name::<OrganisationScreen>,
    ),
    (
        Who::Allowed(Screen::Openings),
        module_name::<OpeningsScreen>,
    ),
    (Who::Allowed(Screen::Opening), module_name::<OpeningScreen>),
    (
        Who::Allowed(Screen::Internship),
        module_name::<InternshipScreen>,
    ),
    (
        Who::Allowed(Screen::Internship),
        module_name::<AgreementScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantInternships),
        module_name::<ParticipantInternshipsScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantMap),
        module_name::<ParticipantMapScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantBudget),
        module_name::<ParticipantBudgetScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantIntroductions),
        module_name::<ParticipantIntroductionsScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantConsent),
        module_name::<ParticipantConsentScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantOutcome),
        module_name::<ParticipantOutcomeScreen>,
    ),
    (
        Who::Allowed(Screen::Report),
        module_name::<MunicipalityReportScreen>,
    ),
    (Who::Allowed(Screen::AuditLog), module_name::<AuditScreen>),
    (
        Who::Allowed(Screen::ParticipantCompetences),
        module_name::<ParticipantCompetencesScreen>,
    ),
    (
        Who::Allowed(Screen::ParticipantSuggestions),
        module_name::<ParticipantSuggestionsScreen>,
    ),
    (Who::Allowed(Screen::Events), module_name::<EventsScreen>),
    (Who::Allowed(Screen::Events), module_name::<EventScreen>),
];

/// Downloads the modules of the screens the role signed in may open, once the app has taken the
/// shell's place, and only when the browser is idle (see the module's documentation).
#[component]
pub fn Prefetch() -> impl IntoView {
    let auth = use_auth();
    let shell = use_shell();
    let role = Memo::new(move |_| auth.me().map(|me| me.role));
    // Once per role: a new login in the same page fetches the new role's screens.
    Effect::new(move |fetched: Option<Option<Role>>| {
        let fetched = fetched.flatten();
        let role = role.get();
        if !shell.gone() || role.is_none() || role == fetched {
            return fetched;
        }
        if let Some(role) = role {
            download(modules_of(role));
        }
        role
    });
}

/// The split modules of the screens `role` may open.
fn modules_of(role: Role) -> Vec<String> {
    SCREENS
        .iter()
        .filter(|(who, _)| who.includes(role))
        .map(|(_, name)| name())
        .collect()
}

#[cfg(target_family = "wasm")]
fn download(modules: Vec<String>) {
    js::prefetch_modules(modules);
}

#[cfg(not(target_family = "wasm"))]
fn download(_modules: Vec<String>) {}

/// The browser's side: `prefetch.json` of the bundle (beside `app.js`, two folders above this
/// snippet) names the files of each split module; they are fetched two at a time at low priority
/// into the HTTP cache (the bundle's files are cached for a year), where the split loader finds
/// them when a screen is opened.
#[cfg(target_family = "wasm")]
mod js {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen(inline_js = r#"
export function prefetchModules(names) {
  const connection = navigator.connection;
  if (connection && (connection.saveData || /2g$/.test(connection.effectiveType || ''))) return;
  const url = (file) => new URL('../../' + file, import.meta.url);
  const wanted = (split) => names.some((name) => {
    const rest = split.startsWith(name + '_') ? split.slice(name.length + 1) : '';
    return /^[0-9]+$/.test(rest);
  });
  const fetchAll = async () => {
    const answer = await fetch(url('prefetch.json'), { priority: 'low' });
    if (!answer.ok) return;
    const map = await answer.json();
    const queue = [...new Set(Object.keys(map).filter(wanted).flatMap((split) => map[split]))];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const module = await fetch(url(file), { priority: 'low' });
        await module.arrayBuffer();
      }
    };
    await Promise.all([worker(), worker()]);
  };
  const start = () => fetchAll().catch(() => {});
  const idle = () => (window.requestIdleCallback
    ? window.requestIdleCallback(start, { timeout: 5000 })
    : window.setTimeout(start, 1000));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}
"#)]
    extern "C" {
        #[wasm_bindgen(js_name = prefetchModules)]
        pub fn prefetch_modules(names: Vec<String>);
    }
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
        // introductions, consent, the MAP statement, the outcome and the competences
        assert_eq!(fetched, 12);
    }

    #[test]
    fn a_module_is_named_as_the_bundle_names_it() {
        assert_eq!(
            module_name::<ParticipantPlanScreen>(),
            "__participant_plan_screen_view"
        );
        assert_eq!(
            module_name::<CoordinatorHomeScreen>(),
            "__coordinator_home_screen_view"
        );
    }

    #[test]
    fn a_participant_downloads_no_screen_of_another_role() {
        let modules = modules_of(Role::Participant);
        assert_eq!(modules.len(), 12);
        for other in [
            module_name::<AccountsScreen>(),
            module_name::<CohortsScreen>(),
            module_name::<ParticipantContactsScreen>(),
            module_name::<CoordinatorHomeScreen>(),
            module_name::<OrganisationsScreen>(),
        ] {
            assert!(!modules.contains(&other), "{other}");
        }
        assert!(modules.contains(&module_name::<ParticipantPlanScreen>()));
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
                        Screen::Organisation
                            | Screen::Opening
                            | Screen::Internship
                            | Screen::Events
                    ),
                    "{screen:?}"
                );
            }
        }
    }
}
