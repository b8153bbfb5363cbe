//! The participant's rights: the download of their data, erasure, the personal calendar feed,
//! and the CSV downloads of a coordinator's lists.

use gloo_net::http::Request;
use serde::Serialize;
use shared::{
    api::{CalendarFeedCreated, CalendarFeedStatus, ErasureInput, paths},
    ids::{CohortId, ParticipantId},
    rules::{
        budget::ExpenseStatus,
        openings::{OpeningKind, OpeningStatus},
    },
};

use super::{ApiError, decode_empty, error_of, get, post, post_empty, send};

/// `GET /participants/{id}/export`: the document exactly as the server wrote it, to save as a
/// file.
pub async fn export_text(id: &ParticipantId) -> Result<String, ApiError> {
    let response = send(Request::get(&paths::url(&paths::participant_export(id)))).await?;
    if response.ok() {
        response.text().await.map_err(|_| ApiError::Decode)
    } else {
        Err(error_of(response).await)
    }
}

/// `POST /participants/{id}/erasure` (coordinator): 422 `confirmation_mismatch` when the typed
/// name is not the participant's full name.
pub async fn erase(id: &ParticipantId, input: &ErasureInput) -> Result<(), ApiError> {
    post_empty(&paths::participant_erasure(id), input).await
}

/// `GET /calendar-feed`: whether the account has a live feed link, and since when.
pub async fn feed_status() -> Result<CalendarFeedStatus, ApiError> {
    get(paths::CALENDAR_FEED).await
}

/// `POST /calendar-feed`: a new feed link, shown once; the earlier one stops working.
pub async fn create_feed() -> Result<CalendarFeedCreated, ApiError> {
    post(paths::CALENDAR_FEED, &serde_json::json!({})).await
}

/// `DELETE /calendar-feed`: the feed link stops working.
pub async fn revoke_feed() -> Result<(), ApiError> {
    decode_empty(send(Request::delete(&paths::url(paths::CALENDAR_FEED))).await?).await
}

/// The stored (snake case) name of a filter's value, as the query takes it.
fn name_of(value: &impl Serialize) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => Some(name),
        _ => None,
    }
}

/// A path with the filters that are set, as its query.
fn with_query(path: &str, filters: &[(&str, Option<String>)]) -> String {
    let query: Vec<String> = filters
        .iter()
        .filter_map(|(key, value)| value.as_ref().map(|v| format!("{key}={v}")))
        .collect();
    if query.is_empty() {
        paths::url(path)
    } else {
        format!("{}?{}", paths::url(path), query.join("&"))
    }
}

/// The CSV download of the participants (coordinator).
pub fn participants_csv() -> String {
    paths::url(paths::EXPORT_PARTICIPANTS)
}

/// The CSV download of the internships (coordinator).
pub fn internships_csv() -> String {
    paths::url(paths::EXPORT_INTERNSHIPS)
}

/// The CSV download of the budget requests, of one status or all (coordinator).
pub fn expenses_csv(status: Option<ExpenseStatus>) -> String {
    with_query(
        paths::EXPORT_EXPENSES,
        &[("status", status.as_ref().and_then(name_of))],
    )
}

/// The CSV download of the openings, of one kind and/or status or all (coordinator).
pub fn openings_csv(kind: Option<OpeningKind>, status: Option<OpeningStatus>) -> String {
    with_query(
        paths::EXPORT_OPENINGS,
        &[
            ("kind", kind.as_ref().and_then(name_of)),
            ("status", status.as_ref().and_then(name_of)),
        ],
    )
}

/// The CSV download of a cohort's attendance (coordinator).
pub fn attendance_csv(cohort: &CohortId) -> String {
    paths::url(&paths::export_attendance(cohort))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_carries_only_the_filters_that_are_set() {
        assert_eq!(participants_csv(), "/api/v1/exports/participants");
        assert_eq!(expenses_csv(None), "/api/v1/exports/expenses");
        assert_eq!(
            expenses_csv(Some(ExpenseStatus::Pending)),
            "/api/v1/exports/expenses?status=pending"
        );
        assert_eq!(
            openings_csv(Some(OpeningKind::CompanyVisit), None),
            "/api/v1/exports/openings?kind=company_visit"
        );
        assert_eq!(
            openings_csv(Some(OpeningKind::Job), Some(OpeningStatus::Open)),
            "/api/v1/exports/openings?kind=job&status=open"
        );
        assert_eq!(openings_csv(None, None), "/api/v1/exports/openings");
    }
}
