//! `/audit`: the audit log of the coordinator's region, filtered and paged.

mod page;

use leptos::prelude::*;
use leptos_router::{
    Lazy,
    any_nested_route::IntoAnyNestedRoute,
    components::{A, Route},
    path,
};
use shared::roles::Role;

use crate::{access::Screen, components::RequireAuth, i18n::use_i18n, screens::lazy_screen};

use page::AuditPage;
#[cfg(test)]
use page::{action_key, record_kind_key};

/// The route of the screen, behind its entry in the access table and loaded on demand.
#[component(transparent)]
pub fn AuditRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! { <Route path=path!("/audit") view={Lazy::<AuditScreen>::new()} /> }
        .into_inner()
        .into_any_nested_route()
}

lazy_screen! {
    /// `/audit`, loaded on demand.
    AuditScreen => view! { <RequireAuth screen=Screen::AuditLog><AuditPage /></RequireAuth> }
}

/// The main menu's entry of the audit log, for the roles that may read it.
#[component]
pub fn AuditNavItem(role: Role) -> impl IntoView {
    let i18n = use_i18n();
    Screen::AuditLog.allows(role).then(|| {
        view! {
            <li>
                <A href="/audit">{move || i18n.t("nav-audit")}</A>
            </li>
        }
    })
}

#[cfg(test)]
mod tests {
    use shared::api::{AUDIT_ACTIONS, AUDIT_RECORD_TYPES};

    use super::*;
    use crate::i18n::{Lang, with_catalog};

    #[test]
    fn every_action_and_kind_of_record_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            for action in AUDIT_ACTIONS {
                let key = action_key(action);
                assert!(
                    with_catalog(lang, |c| c.has(&key)),
                    "{}: {key}",
                    lang.code()
                );
            }
            for kind in AUDIT_RECORD_TYPES {
                let key = record_kind_key(kind);
                assert!(
                    with_catalog(lang, |c| c.has(&key)),
                    "{}: {key}",
                    lang.code()
                );
            }
            for outcome in ["success", "failure", "refused"] {
                let key = format!("audit-outcome-{outcome}");
                assert!(
                    with_catalog(lang, |c| c.has(&key)),
                    "{}: {key}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn an_action_s_key_is_a_fluent_name() {
        assert_eq!(
            action_key("access.outside_scope"),
            "audit-action-access-outside_scope"
        );
        assert_eq!(
            record_kind_key("calendar_feed"),
            "record-kind-calendar_feed"
        );
    }

    #[test]
    fn only_a_coordinator_reads_the_audit_log() {
        for role in Role::ALL {
            assert_eq!(
                Screen::AuditLog.allows(role),
                role == Role::Coordinator,
                "{role}"
            );
        }
    }
}
