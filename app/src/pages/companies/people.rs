//! The company contact's own people on their home: current and upcoming interns (by first name
//! where they consented) with the evaluations due, and the upcoming visits with how many are
//! registered.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::{
    api::{InternOverview, VisitOverview},
    ids::OrganisationId,
    rules::internship::InternshipProgress,
};

use super::keys::evaluation_moment;
use crate::{
    api,
    components::{Loaded, api_resource, text},
    i18n::use_i18n,
};

#[component]
pub fn OrganisationPeople(id: OrganisationId) -> impl IntoView {
    let people = api_resource(move || {
        let id = id.clone();
        async move { api::matching::organisation_people(&id).await }
    });
    view! {
        <section class="card" aria-labelledby="company-interns">
            <h2 id="company-interns">{text("people-interns")}</h2>
            <Loaded resource=people part=true children=move |p| {
                if p.interns.is_empty() {
                    return view! { <p>{text("people-no-interns")}</p> }.into_any();
                }
                view! {
                    <ul class="item-list">
                        {p
                            .interns
                            .into_iter()
                            .map(|i| view! { <Intern intern=i /> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            } />
        </section>
        <section class="card" aria-labelledby="company-visits">
            <h2 id="company-visits">{text("people-visits")}</h2>
            <Loaded resource=people part=true children=move |p| {
                if p.visits.is_empty() {
                    return view! { <p>{text("people-no-visits")}</p> }.into_any();
                }
                view! {
                    <ul class="item-list">
                        {p
                            .visits
                            .into_iter()
                            .map(|v| view! { <Visit visit=v /> })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            } />
        </section>
    }
}

#[component]
fn Intern(intern: InternOverview) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/internships/{}", intern.internship_id);
    let (start, end) = (intern.start_date, intern.end_date);
    let progress = intern.progress;
    let name = intern
        .first_name
        .as_deref()
        .map(|n| i18n.participant_first_name(n));
    let due = intern.evaluations_due.clone();
    view! {
        <li class="intern">
            <h3>
                <A href=href>
                    {match name {
                        Some(n) => n.into_any(),
                        None => text("people-intern-hidden").into_any(),
                    }}
                </A>
            </h3>
            <p class="meta">
                {move || {
                    i18n.t_with(
                        "people-period",
                        &[("start", i18n.date(&start)), ("end", i18n.date(&end))],
                    )
                }}
            </p>
            <p class="meta">
                {move || match progress {
                    InternshipProgress::NotStarted { weeks } => {
                        i18n.t_with("internship-not-started", &[("weeks", weeks.to_string())])
                    }
                    InternshipProgress::UnderWay { week, weeks } => {
                        i18n.t_with(
                            "internship-week",
                            &[("week", week.to_string()), ("weeks", weeks.to_string())],
                        )
                    }
                    InternshipProgress::Finished { weeks } => {
                        i18n.t_with("internship-finished", &[("weeks", weeks.to_string())])
                    }
                }}
            </p>
            <p class="meta">
                {move || {
                    i18n.t_with("people-supervisor", &[("name", intern.supervisor_name.clone())])
                }}
            </p>
            {(!due.is_empty())
                .then(|| {
                    view! {
                        <p class="badge badge-status">
                            {move || {
                                let moments: Vec<String> = due
                                    .iter()
                                    .map(|m| i18n.t(evaluation_moment(*m)))
                                    .collect();
                                i18n.t_with("people-evaluations-due", &[("moments", moments.join(", "))])
                            }}
                        </p>
                    }
                })}
        </li>
    }
}

#[component]
fn Visit(visit: VisitOverview) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/openings/{}", visit.opening_id);
    let date = visit.date;
    let registered = visit.registered;
    let capacity = visit.capacity;
    view! {
        <li class="visit">
            <h3>
                <A href=href>{visit.title.clone()}</A>
            </h3>
            <p class="meta">
                {move || date.map(|d| i18n.date(&d))}
                {visit.place.clone().map(|p| format!(" · {p}"))}
            </p>
            <p class="meta">
                {move || match capacity {
                    Some(c) => {
                        i18n.t_with(
                            "people-registered-of",
                            &[("count", registered.to_string()), ("capacity", c.to_string())],
                        )
                    }
                    None => i18n.t_with("people-registered", &[("count", registered.to_string())]),
                }}
            </p>
        </li>
    }
}
