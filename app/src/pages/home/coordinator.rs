use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};
use shared::{
    Violation,
    api::{CohortSummary, MunicipalityDetail},
    rules::budget::ExpenseStatus,
};

use crate::{
    api,
    components::{
        AgreementFacts, FieldCheck, Glyph, Icon, Loaded, ParticipantList, SelectField,
        api_resource, focus_soon, set_page_title,
    },
    i18n::use_i18n,
    pages::{ERASED_QUERY, Nudges},
};

/// A coordinator's home: their municipalities with the agreements, the cohorts and the
/// participants.
#[component]
pub fn CoordinatorHome() -> impl IntoView {
    let i18n = use_i18n();
    set_page_title(move || i18n.t("coordinator-home-title"));
    let municipalities = api_resource(api::municipalities::municipalities);
    let cohorts = api_resource(api::cohorts::cohorts);
    let participants = api_resource(api::participants::participants);
    // Back from erasing a participant: say that it is done.
    let erased = use_query_map().with_untracked(|q| q.get(ERASED_QUERY).is_some());
    if erased {
        focus_soon("erased-notice");
    }
    view! {
        <section class="page" aria-labelledby="home-title">
            <h1 id="home-title">{move || i18n.t("coordinator-home-title")}</h1>
            {erased
                .then(|| {
                    view! {
                        <p id="erased-notice" class="alert alert-success" role="status" tabindex="-1">
                            {move || i18n.t("erased-notice")}
                        </p>
                    }
                })}
            <p>
                {move || i18n.t("coordinator-home-intro")} " "
                <A href="/accounts">{move || i18n.t("coordinator-home-accounts")}</A>
            </p>
            <Nudges />
            <section class="card" aria-labelledby="coordinator-municipalities">
                <h2 id="coordinator-municipalities">
                    {move || i18n.t("coordinator-home-municipalities")}
                </h2>
                <Loaded
                    resource=municipalities
                    part=true
                    children=move |page| view! { <Municipalities municipalities=page.items /> }
                />
            </section>
            <section class="card" aria-labelledby="coordinator-cohorts">
                <h2 id="coordinator-cohorts">{move || i18n.t("coordinator-home-cohorts")}</h2>
                <Loaded
                    resource=cohorts
                    part=true
                    children=move |page| view! { <Cohorts cohorts=page.items /> }
                />
            </section>
            <section class="card" aria-labelledby="coordinator-participants">
                <h2 id="coordinator-participants">
                    {move || i18n.t("coordinator-home-participants")}
                </h2>
                <Loaded
                    resource=participants
                    part=true
                    children=move |page| view! { <ParticipantList participants=page.items /> }
                />
                <p class="actions">
                    <A href="/participants/new" attr:class="button button-secondary">
                        {move || i18n.t("participant-new")}
                    </A>
                    <a class="button button-secondary" href=api::rights::participants_csv() download="">
                        <Icon glyph=Glyph::Download />
                        {move || i18n.t("csv-participants")}
                    </a>
                </p>
            </section>
            <Downloads />
        </section>
    }
}

/// The lists that have no screen of their own here, as CSV files: the internships, and the
/// budget requests of one status or all.
#[component]
fn Downloads() -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(String::new());
    let statuses = Signal::derive(move || {
        ExpenseStatus::ALL
            .iter()
            .map(|s| (status_name(*s).to_owned(), i18n.t(status_key(*s))))
            .collect::<Vec<_>>()
    });
    let chosen = move || {
        status.with(|name| {
            ExpenseStatus::ALL
                .iter()
                .copied()
                .find(|s| status_name(*s) == name)
        })
    };
    let no_violations = Signal::derive(Vec::<Violation>::new);
    view! {
        <section class="card" aria-labelledby="coordinator-downloads">
            <h2 id="coordinator-downloads">{move || i18n.t("csv-title")}</h2>
            <p>{move || i18n.t("csv-intro")}</p>
            <p>
                <a class="button button-secondary" href=api::rights::internships_csv() download="">
                    <Icon glyph=Glyph::Download />
                    {move || i18n.t("csv-internships")}
                </a>
            </p>
            <SelectField
                id="csv-expenses-status"
                label=Signal::derive(move || i18n.t("csv-expenses-status"))
                value=status
                check=FieldCheck::new(no_violations, "status", "csv-expenses-status-errors")
                options=statuses
                empty=Signal::derive(move || i18n.t("csv-expenses-all"))
            />
            <p>
                <a
                    class="button button-secondary"
                    href=move || api::rights::expenses_csv(chosen())
                    download=""
                >
                    <Icon glyph=Glyph::Download />
                    {move || i18n.t("csv-expenses")}
                </a>
            </p>
        </section>
    }
}

/// The stored name of a status, as the download's filter takes it.
fn status_name(status: ExpenseStatus) -> &'static str {
    match status {
        ExpenseStatus::Pending => "pending",
        ExpenseStatus::Approved => "approved",
        ExpenseStatus::Rejected => "rejected",
        ExpenseStatus::Paid => "paid",
    }
}

fn status_key(status: ExpenseStatus) -> &'static str {
    match status {
        ExpenseStatus::Pending => "expense-status-pending",
        ExpenseStatus::Approved => "expense-status-approved",
        ExpenseStatus::Rejected => "expense-status-rejected",
        ExpenseStatus::Paid => "expense-status-paid",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_status_is_named_as_the_api_names_it() {
        for status in ExpenseStatus::ALL {
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                status_name(status),
                "{status:?}"
            );
        }
    }
}

#[component]
fn Municipalities(municipalities: Vec<MunicipalityDetail>) -> impl IntoView {
    let i18n = use_i18n();
    if municipalities.is_empty() {
        return view! { <p>{move || i18n.t("municipalities-none")}</p> }.into_any();
    }
    view! {
        <ul class="item-list">
            {municipalities
                .into_iter()
                .map(|m| {
                    let href = format!("/municipalities/{}", m.id);
                    let report = format!("/reports/municipalities/{}", m.id);
                    view! {
                        <li>
                            <h3>
                                <A href=href>{m.name}</A>
                                " "
                                <span class="code">{m.cbs_code.to_string()}</span>
                            </h3>
                            <AgreementFacts agreement=m.agreement />
                            <p>
                                <A href=report>{move || i18n.t("report-open")}</A>
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Cohorts(cohorts: Vec<CohortSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if cohorts.is_empty() {
        return view! { <p>{move || i18n.t("cohorts-none")}</p> }.into_any();
    }
    view! {
        <ul class="item-list">
            {cohorts
                .into_iter()
                .map(|c| {
                    let count = c.participants;
                    let small = c.small;
                    let href = format!("/cohorts/{}", c.id);
                    view! {
                        <li>
                            <h3>
                                <A href=href>{c.name}</A>
                            </h3>
                            <p class="meta">
                                {c.location} " · "
                                {move || {
                                    i18n.t_with("cohort-participants", &[("count", count.to_string())])
                                }}
                            </p>
                            {small
                                .then(|| {
                                    view! {
                                        <p class="badge badge-warning">
                                            {move || i18n.t("cohort-small")}
                                        </p>
                                    }
                                })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
