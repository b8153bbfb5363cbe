use leptos::prelude::*;
use leptos_router::components::A;
use shared::{
    api::NudgeItem,
    rules::coach::{Nudge, NudgeKind},
};

use crate::{
    api,
    components::{Loaded, api_resource, text},
    i18n::{I18n, use_i18n},
};

/// The key of a kind's name, for the counts.
fn kind_key(kind: NudgeKind) -> &'static str {
    match kind {
        NudgeKind::NoContact => "nudge-kind-no_contact",
        NudgeKind::TwoAbsencesInARow => "nudge-kind-two_absences_in_a_row",
        NudgeKind::InternshipEndingWithoutEvaluation => {
            "nudge-kind-internship_ending_without_evaluation"
        }
        NudgeKind::BudgetRequestWaiting => "nudge-kind-budget_request_waiting",
        NudgeKind::FollowUpDue => "nudge-kind-follow_up_due",
        NudgeKind::CoachOverCaseload => "nudge-kind-coach_over_caseload",
    }
}

/// What the nudge says, in plain words.
fn what(nudge: &Nudge, i18n: I18n) -> String {
    match nudge {
        Nudge::NoContact { days } => i18n.t_with("nudge-no_contact", &[("days", days.to_string())]),
        Nudge::TwoAbsencesInARow => i18n.t("nudge-two_absences_in_a_row"),
        Nudge::InternshipEndingWithoutEvaluation { ends_on } => i18n.t_with(
            "nudge-internship_ending_without_evaluation",
            &[("date", i18n.date(ends_on))],
        ),
        Nudge::BudgetRequestWaiting { requested_on } => i18n.t_with(
            "nudge-budget_request_waiting",
            &[("date", i18n.date(requested_on))],
        ),
        Nudge::FollowUpDue { due } => {
            i18n.t_with("nudge-follow_up_due", &[("date", i18n.date(due))])
        }
        Nudge::CoachOverCaseload { active, max } => i18n.t_with(
            "nudge-coach_over_caseload",
            &[("active", active.to_string()), ("max", max.to_string())],
        ),
    }
}

/// Where the record of a nudge is.
fn link(item: &NudgeItem) -> String {
    let Some(participant) = &item.participant_id else {
        return "/accounts".to_owned();
    };
    let tail = match item.nudge {
        Nudge::NoContact { .. } => "/contacts",
        Nudge::TwoAbsencesInARow => "/route",
        Nudge::InternshipEndingWithoutEvaluation { .. } => "/internships",
        Nudge::BudgetRequestWaiting { .. } => "/budget",
        Nudge::FollowUpDue { .. } => "/outcome",
        Nudge::CoachOverCaseload { .. } => "",
    };
    format!("/participants/{participant}{tail}")
}

/// The nudges of the account: the count per kind, then each with a link to its record.
#[component]
pub fn Nudges() -> impl IntoView {
    let nudges = api_resource(api::reports::nudges);
    view! {
        <section class="card nudges" aria-labelledby="nudges-title">
            <h2 id="nudges-title">{text("nudges-title")}</h2>
            <Loaded resource=nudges part=true children=move |items| view! { <NudgeList items=items /> } />
        </section>
    }
}

#[component]
fn NudgeList(items: Vec<NudgeItem>) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! { <p>{text("nudges-none")}</p> }.into_any();
    }
    let counts: Vec<(NudgeKind, usize)> = NudgeKind::ALL
        .into_iter()
        .map(|k| (k, items.iter().filter(|i| i.nudge.kind() == k).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    view! {
        <ul class="nudge-counts" id="nudge-counts">
            {counts
                .into_iter()
                .map(|(kind, n)| {
                    view! {
                        <li class="badge" data-kind=kind.as_str()>
                            {move || i18n.t(kind_key(kind))} ": " {n}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <ul class="item-list nudge-list">
            {items
                .into_iter()
                .map(|item| {
                    let href = link(&item);
                    let kind = item.nudge.kind().as_str();
                    let nudge = item.nudge.clone();
                    view! {
                        <li class="nudge" data-kind=kind>
                            <A href=href>{item.name}</A>
                            <p class="meta">{move || what(&nudge, i18n)}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
