//! Municipalities with their agreements, cohorts with their 8 meetings and attendance.

mod attendance;
mod cohort;
mod cohorts;
pub(crate) mod keys;
mod municipalities;
mod municipality_form;
mod programme_settings;

use leptos::prelude::*;
use leptos_router::{
    Lazy,
    any_nested_route::IntoAnyNestedRoute,
    components::{A, Route},
    path,
};
use shared::{api::Me, roles::Role};

use crate::{access::Screen, components::RequireAuth, i18n::use_i18n, screens::lazy_screen};

use attendance::AttendancePage;
use cohort::CohortPage;
use cohorts::CohortsPage;
use municipalities::{MunicipalitiesPage, MunicipalityPage};

/// The routes of these screens, each behind its entry in the access table and loaded on demand.
#[component(transparent)]
pub fn TrainingRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/municipalities") view={Lazy::<MunicipalitiesScreen>::new()} />
        <Route path=path!("/municipalities/:id") view={Lazy::<MunicipalityScreen>::new()} />
        <Route path=path!("/cohorts") view={Lazy::<CohortsScreen>::new()} />
        <Route path=path!("/cohorts/:id") view={Lazy::<CohortScreen>::new()} />
        <Route
            path=path!("/cohorts/:id/meetings/:n/attendance")
            view={Lazy::<AttendanceScreen>::new()}
        />
    }
    .into_inner()
    .into_any_nested_route()
}

lazy_screen! {
    /// `/municipalities`, loaded on demand.
    MunicipalitiesScreen => view! {
        <RequireAuth screen=Screen::Municipalities><MunicipalitiesPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/municipalities/:id`, loaded on demand.
    MunicipalityScreen => view! {
        <RequireAuth screen=Screen::Municipalities><MunicipalityPage /></RequireAuth>
    }
}

lazy_screen! {
    /// `/cohorts`, loaded on demand.
    CohortsScreen => view! { <RequireAuth screen=Screen::Cohorts><CohortsPage /></RequireAuth> }
}

lazy_screen! {
    /// `/cohorts/:id`, loaded on demand.
    CohortScreen => view! { <RequireAuth screen=Screen::Cohorts><CohortPage /></RequireAuth> }
}

lazy_screen! {
    /// `/cohorts/:id/meetings/:n/attendance`, loaded on demand.
    AttendanceScreen => view! {
        <RequireAuth screen=Screen::Attendance><AttendancePage /></RequireAuth>
    }
}

/// The main menu's entries of these screens for the account signed in.
#[component]
pub fn TrainingNavItems(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let municipalities = Screen::Municipalities.allows(me.role).then(|| {
        view! {
            <li>
                <A href="/municipalities">{move || i18n.t("nav-municipalities")}</A>
            </li>
        }
    });
    let cohorts = Screen::Cohorts.allows(me.role).then(|| {
        view! {
            <li>
                <A href="/cohorts">{move || i18n.t("nav-cohorts")}</A>
            </li>
        }
    });
    let plan = me
        .participant_id
        .filter(|_| me.role == Role::Participant)
        .map(|id| {
            let href = format!("/participants/{id}/plan");
            view! {
                <li>
                    <A href=href>{move || i18n.t("nav-my-plan")}</A>
                </li>
            }
        });
    view! {
        {municipalities}
        {cohorts}
        {plan}
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::i18n::{Lang, with_catalog};

    /// The element ids of the forms' fields, which are also the keys of their labels: the
    /// second string of each line of a `const ...: &[(&str, &str)]` table.
    fn label_keys_in(path: &std::path::Path, found: &mut BTreeSet<String>) {
        if path.is_dir() {
            for entry in std::fs::read_dir(path).expect("the source folder is readable") {
                label_keys_in(&entry.expect("a directory entry").path(), found);
            }
            return;
        }
        let text = std::fs::read_to_string(path).expect("a source file is readable");
        for (_, rest) in text
            .match_indices(": &[(&str, &str)] = &[")
            .map(|(at, m)| text.split_at(at + m.len()))
        {
            let table = rest.split_once("];").map_or(rest, |(t, _)| t);
            for line in table.lines() {
                let quoted: Vec<&str> = line.split('"').collect();
                if let [_, _, _, id, ..] = quoted.as_slice() {
                    found.insert((*id).to_owned());
                }
            }
        }
    }

    #[test]
    fn the_keys_chosen_at_run_time_exist_in_every_language() {
        let keys = [
            "goal-save",
            "action-save",
            "meeting-schedule",
            "meeting-reschedule",
            "route-steps",
            "route-steps-own",
            "plan-intro",
            "plan-intro-staff",
            "route-has-coach",
            "route-no-coach-yet",
        ];
        for lang in Lang::ALL {
            for key in keys {
                assert!(with_catalog(lang, |c| c.has(key)), "{}: {key}", lang.code());
            }
        }
    }

    #[test]
    fn every_field_of_the_training_forms_has_a_label_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/pages");
        let mut keys = BTreeSet::new();
        label_keys_in(&root.join("training"), &mut keys);
        for file in ["intake.rs", "plan.rs", "contacts.rs"] {
            label_keys_in(&root.join("participants").join(file), &mut keys);
        }
        assert!(keys.contains("meeting-date"), "the scan found too little");
        assert!(keys.contains("action-owner"), "the scan missed a table");
        for lang in Lang::ALL {
            for key in &keys {
                assert!(with_catalog(lang, |c| c.has(key)), "{}: {key}", lang.code());
            }
        }
    }
}
