//! Expert meetings and trainings for organisations: `/events`.

use shared::{
    api::{EventAttendanceLine, EventDetail, EventInput, EventRegistrationInput, paths},
    ids::{EventId, EventRegistrationId},
};

use super::{ApiError, get, post, put};

/// `GET /events`: the upcoming events for the account's municipalities (and those it hosts).
pub async fn events() -> Result<Vec<EventDetail>, ApiError> {
    get(paths::EVENTS).await
}

/// `GET /events/{id}`.
pub async fn event(id: &EventId) -> Result<EventDetail, ApiError> {
    get(&paths::event(id)).await
}

/// `POST /events`: a coordinator publishes one, a company contact hosts one.
pub async fn create_event(input: &EventInput) -> Result<EventDetail, ApiError> {
    post(paths::EVENTS, input).await
}

/// `POST /events/{id}/registrations`: 409 `capacity_full` or `already_registered`.
pub async fn register(
    id: &EventId,
    input: &EventRegistrationInput,
) -> Result<EventDetail, ApiError> {
    post(&paths::event_registrations(id), input).await
}

/// `POST /event-registrations/{id}/cancel`.
pub async fn cancel_registration(id: &EventRegistrationId) -> Result<EventDetail, ApiError> {
    post(
        &paths::event_registration_cancel(id),
        &serde_json::json!({}),
    )
    .await
}

/// `PUT /events/{id}/attendance`: the host marks who attended.
pub async fn mark_attendance(
    id: &EventId,
    lines: &[EventAttendanceLine],
) -> Result<EventDetail, ApiError> {
    put(&paths::event_attendance(id), &lines).await
}
