//! Organisations, their openings and introductions: `/organisations`.

use shared::{
    api::{
        CreateOrganisation, IntroductionDetail, OpeningDetail, OpeningInput, OrganisationDetail,
        OrganisationPatch, Page, paths,
    },
    ids::OrganisationId,
};

use super::{ApiError, get, get_list, patch, post};

/// `GET /organisations`.
pub async fn organisations() -> Result<Page<OrganisationDetail>, ApiError> {
    get_list(paths::ORGANISATIONS).await
}

/// `GET /organisations/{id}`.
pub async fn organisation(id: &OrganisationId) -> Result<OrganisationDetail, ApiError> {
    get(&paths::organisation(id)).await
}

/// `POST /organisations` (coordinator).
pub async fn create_organisation(
    input: &CreateOrganisation,
) -> Result<OrganisationDetail, ApiError> {
    post(paths::ORGANISATIONS, input).await
}

/// `PATCH /organisations/{id}`: 409 `stale_version` when someone else saved first.
pub async fn update_organisation(
    id: &OrganisationId,
    input: &OrganisationPatch,
) -> Result<OrganisationDetail, ApiError> {
    patch(&paths::organisation(id), input).await
}

/// `GET /organisations/{id}/openings`.
pub async fn organisation_openings(id: &OrganisationId) -> Result<Page<OpeningDetail>, ApiError> {
    get_list(&paths::organisation_openings(id)).await
}

/// `POST /organisations/{id}/openings`: a new opening starts as a draft.
pub async fn create_opening(
    organisation: &OrganisationId,
    input: &OpeningInput,
) -> Result<OpeningDetail, ApiError> {
    post(&paths::organisation_openings(organisation), input).await
}

/// `GET /organisations/{id}/introductions`: for its company contact and coordinators, with only
/// the profile each participant consented to share.
pub async fn organisation_introductions(
    organisation: &OrganisationId,
) -> Result<Vec<IntroductionDetail>, ApiError> {
    get(&format!(
        "{}/introductions",
        paths::organisation(organisation)
    ))
    .await
}
