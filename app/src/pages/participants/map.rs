use leptos::prelude::*;
use leptos_router::components::A;
use shared::{
    api::{MapActivityKind, MapEvidence},
    ids::ParticipantId,
    rules::map::MapStatus,
};

use crate::{
    api::{self, ApiError},
    components::{Loaded, api_resource, id_param, set_page_title, text},
    i18n::{I18n, use_i18n},
};

/// `/participants/{id}/map`: the MAP evidence statement, laid out to print from the browser:
/// the hours per theme, the practice hours against the threshold with host and supervisor, the
/// coach's remarks, and whether the participant is ready for the final interview.
#[component]
pub fn MapStatementPage() -> impl IntoView {
    set_page_title(text("map-title"));
    let id = id_param::<ParticipantId>();
    let statement = api_resource(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::participants::map_evidence(&id).await,
                None => Err(ApiError::not_found()),
            }
        }
    });
    view! {
        <Loaded resource=statement children=move |s| view! { <Statement s=s /> } />
    }
}

/// Minutes as hours and minutes: `2:30`.
fn hours(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

fn activity_text(
    i18n: I18n,
    kind: MapActivityKind,
    number: Option<u8>,
    place: Option<String>,
) -> String {
    match kind {
        MapActivityKind::Attended => i18n.t_with(
            "map-activity-attended",
            &[("number", number.unwrap_or_default().to_string())],
        ),
        MapActivityKind::MadeUp => i18n.t_with(
            "map-activity-made-up",
            &[("number", number.unwrap_or_default().to_string())],
        ),
        MapActivityKind::CompanyVisit => i18n.t_with(
            "map-activity-visit",
            &[("organisation", place.unwrap_or_default())],
        ),
    }
}

#[component]
fn Statement(s: MapEvidence) -> impl IntoView {
    let i18n = use_i18n();
    let name = i18n.participant_name(&s.first_name, &s.last_name);
    let back = format!("/participants/{}/route", s.participant_id);
    let route_key = match s.route {
        Some(r) => format!("map-route-{}", r.key()),
        None => "map-route-unknown".to_owned(),
    };
    let status_key = match s.status {
        MapStatus::NotApplicable => "map-status-not-applicable",
        MapStatus::InProgress => "map-status-in-progress",
        MapStatus::ReadyForFinalInterview => "map-status-ready",
    };
    let as_of = s.as_of;
    let missing_themes: Vec<String> = s
        .missing_themes
        .iter()
        .map(|t| format!("theme-{}", t.key()))
        .collect();
    let missing_minutes = s.missing_practice_minutes;
    let required = s.practice_minutes_required;
    let done = s.practice_minutes;
    let remarks = s.coach_remarks.clone();
    let insurance = s.insurance_note.clone();
    let themes = s.themes.clone();
    let practice = s.practice.clone();
    view! {
        <article class="page map-statement" aria-labelledby="map-title">
            <div class="no-print actions">
                <A href=back>{text("map-back")}</A>
                <button type="button" class="button" on:click=move |_| {
                    let _ = window().print();
                }>{text("map-print")}</button>
            </div>
            <p class="eyebrow">{text("app-name")}</p>
            <h1 id="map-title">{text("map-title")}</h1>
            <dl class="facts">
                <div>
                    <dt>{text("map-participant")}</dt>
                    <dd>{name}</dd>
                </div>
                <div>
                    <dt>{text("map-route")}</dt>
                    <dd>{move || i18n.t(&route_key)}</dd>
                </div>
                <div>
                    <dt>{text("map-as-of")}</dt>
                    <dd>{move || i18n.date(&as_of)}</dd>
                </div>
            </dl>
            <p class="map-status" class:ready=s.status == MapStatus::ReadyForFinalInterview>
                <strong>{move || i18n.t(status_key)}</strong>
            </p>
            {(s.status == MapStatus::InProgress)
                .then(|| {
                    view! {
                        <section aria-labelledby="map-missing">
                            <h2 id="map-missing">{text("map-missing")}</h2>
                            <ul>
                                {missing_themes
                                    .into_iter()
                                    .map(|key| view! { <li>{move || i18n.t(&key)}</li> })
                                    .collect_view()}
                                {(missing_minutes > 0)
                                    .then(|| {
                                        view! {
                                            <li>
                                                {move || i18n.t_with(
                                                    "map-missing-practice",
                                                    &[("hours", hours(missing_minutes))],
                                                )}
                                            </li>
                                        }
                                    })}
                            </ul>
                        </section>
                    }
                })}
            <section aria-labelledby="map-themes">
                <h2 id="map-themes">{text("map-themes")}</h2>
                <table class="map-table">
                    <thead>
                        <tr>
                            <th scope="col">{text("map-theme")}</th>
                            <th scope="col">{text("map-activities")}</th>
                            <th scope="col" class="num">{text("map-hours")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {themes
                            .into_iter()
                            .map(|t| {
                                let key = format!("theme-{}", t.theme.key());
                                let minutes = t.minutes;
                                let activities = t.activities;
                                view! {
                                    <tr>
                                        <th scope="row">{move || i18n.t(&key)}</th>
                                        <td>
                                            {if activities.is_empty() {
                                                view! { <span class="muted">{text("map-not-covered")}</span> }.into_any()
                                            } else {
                                                view! {
                                                    <ul class="plain">
                                                        {activities
                                                            .into_iter()
                                                            .map(|a| {
                                                                let date = a.date;
                                                                let kind = a.kind;
                                                                let number = a.meeting_number;
                                                                let place = a.organisation_name.clone();
                                                                let m = a.minutes;
                                                                view! {
                                                                    <li>
                                                                        {move || i18n.date(&date)} ": "
                                                                        {move || activity_text(i18n, kind, number, place.clone())}
                                                                        " (" <span dir="ltr">{hours(m)}</span> ")"
                                                                    </li>
                                                                }
                                                            })
                                                            .collect_view()}
                                                    </ul>
                                                }.into_any()
                                            }}
                                        </td>
                                        <td class="num" dir="ltr">{hours(minutes)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </section>
            <section aria-labelledby="map-practice">
                <h2 id="map-practice">{text("map-practice")}</h2>
                <p>
                    {move || i18n.t_with(
                        "map-practice-total",
                        &[("done", hours(done)), ("required", hours(required))],
                    )}
                </p>
                <ul class="plain">
                    {practice
                        .into_iter()
                        .map(|p| {
                            let start = p.start_date;
                            let end = p.end_date;
                            let kind_key = format!("placement-{}", p.kind.key());
                            let line = (p.organisation_name.clone(), p.supervisor_name.clone());
                            let m = p.minutes;
                            let absence = p.absence_hours;
                            view! {
                                <li>
                                    <strong>{line.0}</strong> " · " {move || i18n.t(&kind_key)}
                                    <br />
                                    {text("internship-supervisor")} ": " {line.1}
                                    <br />
                                    {move || i18n.date(&start)} " – " {move || i18n.date(&end)}
                                    <br />
                                    {move || i18n.t_with(
                                        "map-practice-line",
                                        &[("hours", hours(m)), ("absence", absence.to_string())],
                                    )}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
            <section aria-labelledby="map-remarks">
                <h2 id="map-remarks">{text("map-remarks")}</h2>
                <p class="pre-line">{remarks}</p>
            </section>
            {(!insurance.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="map-insurance">
                            <h2 id="map-insurance">{text("map-insurance")}</h2>
                            <p>{insurance}</p>
                        </section>
                    }
                })}
            <p class="meta">{text("map-decides")}</p>
        </article>
    }
}
