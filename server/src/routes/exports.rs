//! CSV downloads of the lists a coordinator works with (RFC 4180, UTF-8, formulas neutralised;
//! see [`shared::csv`]): participants, the attendance of a cohort, internships, budget requests
//! and openings, with the filters of the lists on screen. Each download is written to the audit
//! log.

use axum::{
    Router,
    extract::State,
    http::header,
    response::{IntoResponse, Response},
    routing::get,
};
use serde::Serialize;
use shared::{
    api::{ExpenseQuery, OpeningQuery, PageQuery, paths},
    csv::Csv,
    ids::CohortId,
    rules::{erasure, training::MeetingNumber},
};

use super::cohorts::visible_cohort;
use crate::{
    AppError, AppState,
    access::{self, Action, Resource},
    audit::{self, Entry, Outcome},
    auth::{ClientAddress, CurrentUser},
    db,
    error::{Path, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::EXPORT_PARTICIPANTS, get(export_participants))
        .route(paths::EXPORT_INTERNSHIPS, get(export_internships))
        .route(paths::EXPORT_EXPENSES, get(export_expenses))
        .route(paths::EXPORT_OPENINGS, get(export_openings))
        .route(paths::EXPORT_ATTENDANCE_PATTERN, get(export_attendance))
}

/// The stored (snake case) name of a value, as its JSON has it.
fn code(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(text)) => text,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A participant's first and last name, or for an erased participant one neutral label.
fn names(first_name: String, last_name: String) -> [String; 2] {
    if erasure::is_erased(&first_name, &last_name) {
        [erasure::ERASED_CSV_LABEL.to_owned(), String::new()]
    } else {
        [first_name, last_name]
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// Euros with two decimals, from a non-negative amount in cents.
fn euros(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The download, written to the audit log first.
async fn download(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    what: &str,
    record_id: Option<&str>,
    csv: Csv,
) -> Result<Response, AppError> {
    audit::record(
        &state.db,
        Entry {
            actor: Some(&user.id),
            action: &format!("export.{what}"),
            record_type: Some("export"),
            record_id,
            address: Some(&address.0),
            outcome: Outcome::Success,
        },
    )
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{what}.csv\""),
            ),
        ],
        csv.finish(),
    )
        .into_response())
}

async fn export_participants(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
) -> Result<Response, AppError> {
    access::require(&state, &user, &address, Resource::CsvExport, Action::Read).await?;
    let mut csv = Csv::new(&[
        "id",
        "first_name",
        "last_name",
        "email",
        "phone",
        "languages",
        "dutch_level",
        "municipality",
        "cohort",
        "coach",
        "ladder_rung_at_intake",
    ]);
    for p in db::exports::participants(&state.db, user.id.as_str()).await? {
        let [first_name, last_name] = names(p.first_name, p.last_name);
        csv.row(&[
            p.id,
            first_name,
            last_name,
            p.email,
            p.phone.unwrap_or_default(),
            p.languages,
            p.dutch_level,
            p.municipality,
            p.cohort.unwrap_or_default(),
            p.coach.unwrap_or_default(),
            p.ladder_rung_at_intake.to_string(),
        ]);
    }
    download(&state, &user, &address, "participants", None, csv).await
}

async fn export_internships(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
) -> Result<Response, AppError> {
    access::require(&state, &user, &address, Resource::CsvExport, Action::Read).await?;
    let mut csv = Csv::new(&[
        "id",
        "first_name",
        "last_name",
        "organisation",
        "start_date",
        "end_date",
        "hours_per_week",
        "supervisor",
        "extended",
        "cancelled",
    ]);
    for i in db::exports::internships(&state.db, user.id.as_str()).await? {
        let [first_name, last_name] = names(i.first_name, i.last_name);
        csv.row(&[
            i.id,
            first_name,
            last_name,
            i.organisation,
            i.start_date,
            i.end_date,
            i.hours_per_week.to_string(),
            i.supervisor_name,
            yes_no(i.extended).to_owned(),
            yes_no(i.cancelled).to_owned(),
        ]);
    }
    download(&state, &user, &address, "internships", None, csv).await
}

async fn export_expenses(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<ExpenseQuery>,
) -> Result<Response, AppError> {
    access::require(&state, &user, &address, Resource::CsvExport, Action::Read).await?;
    let mut csv = Csv::new(&[
        "id",
        "first_name",
        "last_name",
        "category",
        "amount_eur",
        "description",
        "status",
        "requested_on",
    ]);
    for e in db::exports::expenses(&state.db, user.id.as_str(), query.status).await? {
        let [first_name, last_name] = names(e.first_name, e.last_name);
        csv.row(&[
            e.id,
            first_name,
            last_name,
            e.category,
            euros(e.amount_cents),
            e.description,
            e.status,
            e.requested_on,
        ]);
    }
    download(&state, &user, &address, "expenses", None, csv).await
}

async fn export_openings(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(filter): Query<OpeningQuery>,
) -> Result<Response, AppError> {
    let relation =
        access::require(&state, &user, &address, Resource::CsvExport, Action::Read).await?;
    let mut csv = Csv::new(&[
        "id",
        "organisation",
        "kind",
        "status",
        "title",
        "date",
        "place",
        "capacity",
        "start_date",
        "end_date",
        "hours_per_week",
        "dutch_level",
        "registered",
    ]);
    let mut cursor = String::new();
    loop {
        let rows = db::openings::list(
            &state.db,
            user.scope(relation),
            None,
            &filter,
            &cursor,
            PageQuery::MAX_LIMIT,
        )
        .await?;
        let full = rows.len() == PageQuery::MAX_LIMIT as usize;
        for o in rows {
            cursor = o.id.to_string();
            csv.row(&[
                o.id.to_string(),
                o.organisation_name,
                code(&o.kind),
                code(&o.status),
                o.title,
                o.date.map(|d| d.to_string()).unwrap_or_default(),
                o.place.unwrap_or_default(),
                o.capacity.map(|c| c.to_string()).unwrap_or_default(),
                o.start_date.map(|d| d.to_string()).unwrap_or_default(),
                o.end_date.map(|d| d.to_string()).unwrap_or_default(),
                o.hours_per_week.map(|h| h.to_string()).unwrap_or_default(),
                o.dutch_level.as_ref().map(code).unwrap_or_default(),
                o.registered.to_string(),
            ]);
        }
        if !full {
            break;
        }
    }
    download(&state, &user, &address, "openings", None, csv).await
}

/// The cohort's participants, one row each, with their attendance at each of the 8 meetings.
async fn export_attendance(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<CohortId>,
) -> Result<Response, AppError> {
    let cohort = visible_cohort(
        &state,
        &user,
        &address,
        &id,
        Resource::CsvExport,
        Action::Read,
    )
    .await?;
    let mut header = vec!["first_name".to_owned(), "last_name".to_owned()];
    let mut lines: Vec<(String, String, String, Vec<String>)> = Vec::new();
    for number in MeetingNumber::all() {
        header.push(format!("meeting_{}", number.get()));
        for row in db::cohorts::attendance(&state.db, &cohort.id, number).await? {
            let status = row.status.as_ref().map(code).unwrap_or_default();
            match lines
                .iter_mut()
                .find(|l| l.0 == row.participant_id.as_str())
            {
                Some(line) => line.3.push(status),
                None => lines.push((
                    row.participant_id.to_string(),
                    row.first_name,
                    row.last_name,
                    vec![status],
                )),
            }
        }
    }
    let mut csv = Csv::new(&header);
    for (_, first_name, last_name, statuses) in lines {
        let mut fields = names(first_name, last_name).to_vec();
        fields.extend(statuses);
        csv.row(&fields);
    }
    download(
        &state,
        &user,
        &address,
        "attendance",
        Some(cohort.id.as_str()),
        csv,
    )
    .await
}
