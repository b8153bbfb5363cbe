use leptos::prelude::*;
use leptos_router::components::A;
use shared::ids::ParticipantId;

use crate::{
    access::Screen,
    auth::use_auth,
    components::{Glyph, Icon},
    i18n::use_i18n,
};

/// One tab of a participant's file.
#[derive(Debug, Clone, Copy)]
pub struct Tab {
    /// The screen behind the tab: the tab shows only to the roles that may use it.
    pub screen: Screen,
    /// The path after `/participants/{id}`.
    pub path: &'static str,
    /// The key of its name.
    pub label: &'static str,
    pub glyph: Glyph,
}

/// The tabs of a participant's file, in order. A screen of the file adds its line here.
pub const TABS: &[Tab] = &[
    Tab {
        screen: Screen::ParticipantProfile,
        path: "",
        label: "participant-tab-profile",
        glyph: Glyph::Person,
    },
    Tab {
        screen: Screen::ParticipantRoute,
        path: "/route",
        label: "participant-tab-route",
        glyph: Glyph::Route,
    },
    Tab {
        screen: Screen::ParticipantPlan,
        path: "/plan",
        label: "participant-tab-plan",
        glyph: Glyph::Goal,
    },
    Tab {
        screen: Screen::ParticipantCompetences,
        path: "/competences",
        label: "participant-tab-competences",
        glyph: Glyph::Training,
    },
    Tab {
        screen: Screen::ParticipantSuggestions,
        path: "/suggestions",
        label: "participant-tab-suggestions",
        glyph: Glyph::Visit,
    },
    Tab {
        screen: Screen::ParticipantContacts,
        path: "/contacts",
        label: "participant-tab-contacts",
        glyph: Glyph::Message,
    },
    Tab {
        screen: Screen::ParticipantInternships,
        path: "/internships",
        label: "participant-tab-internships",
        glyph: Glyph::Internship,
    },
    Tab {
        screen: Screen::ParticipantMap,
        path: "/map",
        label: "participant-tab-map",
        glyph: Glyph::Check,
    },
    Tab {
        screen: Screen::ParticipantBudget,
        path: "/budget",
        label: "participant-tab-budget",
        glyph: Glyph::Budget,
    },
    Tab {
        screen: Screen::ParticipantIntroductions,
        path: "/introductions",
        label: "participant-tab-introductions",
        glyph: Glyph::Introduction,
    },
    Tab {
        screen: Screen::ParticipantConsent,
        path: "/consent",
        label: "participant-tab-consent",
        glyph: Glyph::Check,
    },
    Tab {
        screen: Screen::ParticipantOutcome,
        path: "/outcome",
        label: "participant-tab-outcome",
        glyph: Glyph::Outcome,
    },
];

/// The sub-navigation of a participant's file: the tabs the role may use, the current one marked.
#[component]
pub fn ParticipantTabs(id: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let role = use_auth().role();
    let tabs = TABS
        .iter()
        .filter(|tab| role.is_some_and(|role| tab.screen.allows(role)))
        .map(|tab| {
            let href = format!("/participants/{id}{}", tab.path);
            let label = tab.label;
            view! {
                <li>
                    <A href=href exact=true>
                        <Icon glyph=tab.glyph />
                        <span>{move || i18n.t(label)}</span>
                    </A>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="tabs" aria-label=move || i18n.t("participant-tabs-label")>
            <ul>{tabs}</ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_catalog};

    #[test]
    fn every_tab_has_a_name_in_every_language_and_its_own_path() {
        for lang in Lang::ALL {
            for tab in TABS {
                assert!(
                    with_catalog(lang, |c| c.has(tab.label)),
                    "{}: {}",
                    lang.code(),
                    tab.label
                );
            }
        }
        let mut paths: Vec<&str> = TABS.iter().map(|t| t.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), TABS.len());
    }
}
