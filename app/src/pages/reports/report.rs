use chrono::NaiveDate;
use leptos::{ev::SubmitEvent, prelude::*};
use shared::{
    api::{Movement, MunicipalityReport},
    csv::Csv,
    ids::MunicipalityId,
    rules::{outcome::OutcomeKind, reports::ReportCount},
};

use super::charts::{AgreementChart, FunnelChart, LadderChart};
use crate::{
    api,
    components::{Loaded, api_resource, id_param, set_page_title, text},
    i18n::{I18n, use_i18n},
    pages::{NotFoundPage, companies::keys::expense_category, training::keys::outcome_kind},
};

/// `/reports/municipalities/:id`: the figures of a period as cards, charts and a table, with a
/// CSV download and a print view.
#[component]
pub fn ReportPage() -> impl IntoView {
    set_page_title(text("report-title"));
    let id = id_param::<MunicipalityId>();
    move || match id.get() {
        Some(id) => view! { <Report id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn Report(id: MunicipalityId) -> impl IntoView {
    let i18n = use_i18n();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let period = RwSignal::new((None::<NaiveDate>, None::<NaiveDate>));
    let municipality = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::municipalities::municipality(&id).await }
        })
    };
    let report = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            let (from, to) = period.get();
            async move { api::reports::report(&id, from, to).await }
        })
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        period.set((from.get().parse().ok(), to.get().parse().ok()));
    };
    let name = move || {
        municipality
            .get()
            .and_then(Result::ok)
            .map(|m| m.name)
            .unwrap_or_default()
    };
    view! {
        <section class="page report" aria-labelledby="report-title">
            <h1 id="report-title">
                {move || i18n.t_with("report-heading", &[("name", name())])}
            </h1>
            <form class="form report-filter no-print" on:submit=on_submit>
                <div class="field">
                    <label for="report-from">{text("report-from")}</label>
                    <input id="report-from" type="date" bind:value=from />
                </div>
                <div class="field">
                    <label for="report-to">{text("report-to")}</label>
                    <input id="report-to" type="date" bind:value=to />
                </div>
                <button type="submit" class="button">{text("report-show")}</button>
            </form>
            <Loaded resource=report children=move |r| view! { <Figures report=r /> } />
        </section>
    }
}

/// `<5` or the number.
fn shown(count: ReportCount) -> String {
    count.to_string()
}

/// The number a chart draws for a count: a hidden one is drawn as none.
pub(super) fn drawn(count: ReportCount) -> u32 {
    match count {
        ReportCount::Exact(n) => n,
        ReportCount::FewerThanFive => 0,
    }
}

/// The rows of the table and of the CSV: what, and its value.
fn rows(r: &MunicipalityReport, i18n: I18n) -> Vec<(String, String)> {
    let mut rows = vec![
        (i18n.t("report-started"), shown(r.started)),
        (i18n.t("report-in-training"), shown(r.in_training)),
        (
            i18n.t("report-training-completed"),
            shown(r.training_completed),
        ),
        (
            i18n.t("report-ready-final-interview"),
            shown(r.ready_for_final_interview),
        ),
    ];
    for month in &r.ready_per_month {
        rows.push((
            i18n.t_with(
                "report-ready-in-month",
                &[("month", i18n.month(&month.month))],
            ),
            shown(month.count),
        ));
    }
    rows.extend([
        (i18n.t("report-visits"), shown(r.visits)),
        (
            i18n.t("report-internships-started"),
            shown(r.internships_started),
        ),
        (
            i18n.t("report-internships-completed"),
            shown(r.internships_completed),
        ),
        (i18n.t("report-introductions"), shown(r.introductions.total)),
    ]);
    let intro = &r.introductions;
    for (key, count) in [
        ("report-introductions-hired", intro.hired),
        ("report-introductions-enrolled", intro.enrolled),
        ("report-introductions-volunteering", intro.volunteering),
        ("report-introductions-not_chosen", intro.not_chosen),
        ("report-introductions-declined", intro.declined),
        ("report-introductions-open", intro.open),
    ] {
        rows.push((i18n.t(key), shown(count)));
    }
    rows.push((i18n.t("report-outcomes"), shown(r.outcomes.total)));
    for (kind, count) in [
        (OutcomeKind::PaidJob, r.outcomes.paid_job),
        (OutcomeKind::Education, r.outcomes.education),
        (OutcomeKind::Volunteering, r.outcomes.volunteering),
        (OutcomeKind::None, r.outcomes.none),
    ] {
        rows.push((
            i18n.t_with(
                "report-outcomes-of",
                &[("kind", i18n.t(outcome_kind(kind)))],
            ),
            shown(count),
        ));
    }
    rows.push((
        i18n.t("report-median-days"),
        r.median_days_to_outcome
            .map_or_else(|| "<5".to_owned(), |d| d.to_string()),
    ));
    for (key, m) in [
        ("report-ladder-intake-exit", &r.ladder.intake_to_exit),
        ("report-ladder-exit-follow-up", &r.ladder.exit_to_follow_up),
    ] {
        let step = i18n.t(key);
        for (what, count) in movement_parts(m) {
            rows.push((format!("{step}: {}", i18n.t(what)), shown(count)));
        }
    }
    for line in &r.budget {
        let category = i18n.t(expense_category(line.category));
        rows.push((
            i18n.t_with("report-budget-people", &[("category", category.clone())]),
            shown(line.participants),
        ));
        rows.push((
            i18n.t_with("report-budget-amount", &[("category", category)]),
            line.amount_cents
                .map_or_else(|| "<5".to_owned(), |c| i18n.euros(c)),
        ));
    }
    if let Some(a) = &r.agreement {
        rows.push((
            i18n.t("report-agreement-contracted"),
            a.contracted.to_string(),
        ));
        rows.push((i18n.t("report-agreement-started"), shown(a.started)));
    }
    rows.push((
        i18n.t("report-programme-started"),
        r.programme_started.to_string(),
    ));
    rows.push((i18n.t("report-programme-aim"), r.programme_aim.to_string()));
    rows
}

pub(super) fn movement_parts(m: &Movement) -> [(&'static str, ReportCount); 4] {
    [
        ("report-ladder-participants", m.participants),
        ("report-ladder-up", m.up),
        ("report-ladder-same", m.same),
        ("report-ladder-down", m.down),
    ]
}

/// The table as a CSV file, as a `data:` link: UTF-8 with a header row, RFC 4180.
fn csv_href(rows: &[(String, String)], i18n: I18n) -> String {
    let mut csv = Csv::new(&[
        i18n.t("report-column-figure"),
        i18n.t("report-column-value"),
    ]);
    for (what, value) in rows {
        csv.row(&[what, value]);
    }
    let mut href = String::from("data:text/csv;charset=utf-8,");
    for byte in csv.finish().bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            href.push(char::from(byte));
        } else {
            href.push_str(&format!("%{byte:02X}"));
        }
    }
    href
}

#[component]
fn Figures(report: MunicipalityReport) -> impl IntoView {
    let i18n = use_i18n();
    let r = report.clone();
    let period = move || {
        i18n.t_with(
            "report-period",
            &[("from", i18n.date(&r.from)), ("to", i18n.date(&r.to))],
        )
    };
    let cards = [
        ("report-started", report.started),
        ("report-training-completed", report.training_completed),
        ("report-internships-started", report.internships_started),
        ("report-introductions", report.introductions.total),
        ("report-outcomes", report.outcomes.total),
        ("report-visits", report.visits),
    ];
    let median = report.median_days_to_outcome;
    let file = format!("report-{}-{}.csv", report.from, report.to);
    let table = {
        let report = report.clone();
        move || rows(&report, i18n)
    };
    let href = {
        let table = table.clone();
        move || csv_href(&table(), i18n)
    };
    view! {
        <p class="meta">{period}</p>
        <p class="hint">{text("report-small-cells")}</p>
        <ul class="report-cards">
            {cards
                .into_iter()
                .map(|(key, count)| {
                    view! {
                        <li class="card report-card">
                            <span class="report-figure" dir="ltr">{shown(count)}</span>
                            <span class="report-label">{text(key)}</span>
                        </li>
                    }
                })
                .collect_view()}
            <li class="card report-card">
                <span class="report-figure" dir="ltr">
                    {median.map_or_else(|| "<5".to_owned(), |d| d.to_string())}
                </span>
                <span class="report-label">{text("report-median-days")}</span>
            </li>
        </ul>
        <div class="report-charts">
            <FunnelChart report=report.clone() />
            <LadderChart report=report.clone() />
            <AgreementChart report=report.clone() />
        </div>
        <section class="card" aria-labelledby="report-table-title">
            <h2 id="report-table-title">{text("report-table-title")}</h2>
            <div class="actions no-print">
                <a class="button" id="report-csv" href=href download=file>
                    {text("report-download")}
                </a>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    {text("report-print")}
                </button>
            </div>
            <table class="report-table">
                <thead>
                    <tr>
                        <th scope="col">{text("report-column-figure")}</th>
                        <th scope="col">{text("report-column-value")}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        table()
                            .into_iter()
                            .map(|(what, value)| {
                                view! {
                                    <tr>
                                        <th scope="row">{what}</th>
                                        <td>
                                            <span dir="ltr">{value}</span>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </section>
    }
}
