//! The report's charts, drawn as SVG: a bar per figure, its label and value in text beside it so
//! that the chart reads the same in both writing directions and to a screen reader (the table
//! below holds the same figures).

use leptos::prelude::*;
use shared::{api::MunicipalityReport, rules::reports::ReportCount};

use super::report::{drawn, movement_parts};
use crate::{components::text, i18n::use_i18n};

/// A horizontal bar filled to `value` of `max`.
#[component]
fn Bar(
    value: u32,
    max: u32,
    #[prop(default = "report-bar-fill")] class: &'static str,
) -> impl IntoView {
    let width = if max == 0 {
        0.0
    } else {
        f64::from(value.min(max)) * 100.0 / f64::from(max)
    };
    view! {
        <svg class="report-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
            <rect class="report-bar-track" x="0" y="0" width="100" height="8" />
            <rect class=class x="0" y="0" width=format!("{width:.1}") height="8" />
        </svg>
    }
}

/// From intake to outcome: how many reached each step.
#[component]
pub fn FunnelChart(report: MunicipalityReport) -> impl IntoView {
    let steps: [(&'static str, ReportCount); 5] = [
        ("report-started", report.started),
        ("report-training-completed", report.training_completed),
        ("report-internships-started", report.internships_started),
        ("report-introductions", report.introductions.total),
        ("report-outcomes", report.outcomes.total),
    ];
    let max = steps.iter().map(|(_, c)| drawn(*c)).max().unwrap_or(0);
    view! {
        <figure class="card report-chart" id="report-funnel">
            <figcaption>
                <h2>{text("report-funnel-title")}</h2>
            </figcaption>
            <ul class="report-bars">
                {steps
                    .into_iter()
                    .map(|(key, count)| {
                        view! {
                            <li>
                                <span class="report-bar-label">{text(key)}</span>
                                <Bar value=drawn(count) max=max />
                                <span class="report-bar-value" dir="ltr">{count.to_string()}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </figure>
    }
}

/// Ladder movement: up, the same and down, from intake to exit and from exit to follow-up.
#[component]
pub fn LadderChart(report: MunicipalityReport) -> impl IntoView {
    let i18n = use_i18n();
    let steps = [
        (
            "report-ladder-intake-exit",
            report.ladder.intake_to_exit.clone(),
        ),
        (
            "report-ladder-exit-follow-up",
            report.ladder.exit_to_follow_up.clone(),
        ),
    ];
    view! {
        <figure class="card report-chart" id="report-ladder">
            <figcaption>
                <h2>{text("report-ladder-title")}</h2>
            </figcaption>
            {steps
                .into_iter()
                .map(|(key, m)| {
                    let max = drawn(m.participants);
                    view! {
                        <h3 class="report-chart-step">{text(key)}</h3>
                        <ul class="report-bars">
                            {movement_parts(&m)
                                .into_iter()
                                .skip(1)
                                .map(|(what, count)| {
                                    let class = match what {
                                        "report-ladder-up" => "report-bar-fill report-bar-up",
                                        "report-ladder-down" => "report-bar-fill report-bar-down",
                                        _ => "report-bar-fill",
                                    };
                                    view! {
                                        <li>
                                            <span class="report-bar-label">
                                                {move || i18n.t(what)}
                                            </span>
                                            <Bar value=drawn(count) max=max class=class />
                                            <span class="report-bar-value" dir="ltr">
                                                {count.to_string()}
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </figure>
    }
}

/// Started against the agreement, and the programme against its aim of 1,500.
#[component]
pub fn AgreementChart(report: MunicipalityReport) -> impl IntoView {
    let i18n = use_i18n();
    let agreement = report.agreement.clone().map(|a| {
        let started = a.started;
        view! {
            <li>
                <span class="report-bar-label">
                    {move || {
                        i18n.t_with(
                            "report-agreement-of",
                            &[("start", i18n.date(&a.start)), ("end", i18n.date(&a.end))],
                        )
                    }}
                </span>
                <Bar value=drawn(started) max=a.contracted />
                <span class="report-bar-value" dir="ltr">
                    {format!("{} / {}", started, a.contracted)}
                </span>
            </li>
        }
    });
    let (started, aim) = (report.programme_started, report.programme_aim);
    view! {
        <figure class="card report-chart" id="report-agreement">
            <figcaption>
                <h2>{text("report-agreement-title")}</h2>
            </figcaption>
            <ul class="report-bars">
                {agreement
                    .map(IntoAny::into_any)
                    .unwrap_or_else(|| {
                        view! {
                            <li>
                                <span class="report-bar-label">
                                    {text("report-agreement-none")}
                                </span>
                            </li>
                        }
                        .into_any()
                    })}
                <li>
                    <span class="report-bar-label">{text("report-programme-title")}</span>
                    <Bar value=started max=aim />
                    <span class="report-bar-value" dir="ltr">{format!("{started} / {aim}")}</span>
                </li>
            </ul>
        </figure>
    }
}
