//! Internships and their evaluations: `/internships`.

use shared::{
    api::{EvaluationInput, InternshipDetail, InternshipPatch, paths},
    ids::InternshipId,
};

use super::{ApiError, get, patch, post};

/// `GET /internships/{id}`: also for the company contact of its organisation.
pub async fn internship(id: &InternshipId) -> Result<InternshipDetail, ApiError> {
    get(&paths::internship(id)).await
}

/// `PATCH /internships/{id}`: extend (coordinator) or cancel.
pub async fn change_internship(
    id: &InternshipId,
    input: &InternshipPatch,
) -> Result<InternshipDetail, ApiError> {
    patch(&paths::internship(id), input).await
}

/// `POST /internships/{id}/evaluations`.
pub async fn evaluate_internship(
    id: &InternshipId,
    input: &EvaluationInput,
) -> Result<InternshipDetail, ApiError> {
    post(&paths::evaluations(id), input).await
}
