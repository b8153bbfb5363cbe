//! Openings and the registrations for a company visit: `/openings`.

use shared::{
    api::{OpeningDetail, OpeningPatch, Page, RegistrationDetail, RegistrationInput, paths},
    ids::OpeningId,
};

use super::{ApiError, get, get_list, patch, post};

/// `GET /openings`: those the caller may see (a coach: the open ones of the region).
pub async fn openings() -> Result<Page<OpeningDetail>, ApiError> {
    get_list(paths::OPENINGS).await
}

/// `GET /openings/{id}`.
pub async fn opening(id: &OpeningId) -> Result<OpeningDetail, ApiError> {
    get(&paths::opening(id)).await
}

/// `PATCH /openings/{id}`: a change of state and/or the opening as edited.
pub async fn update_opening(
    id: &OpeningId,
    input: &OpeningPatch,
) -> Result<OpeningDetail, ApiError> {
    patch(&paths::opening(id), input).await
}

/// `POST /openings/{id}/registrations`: 409 `capacity_full` or `already_registered`.
pub async fn register_for_visit(
    opening: &OpeningId,
    input: &RegistrationInput,
) -> Result<RegistrationDetail, ApiError> {
    post(&paths::registrations(opening), input).await
}
