//! Municipalities and their agreements: `/municipalities`.

use shared::{
    api::{MunicipalityDetail, MunicipalityInput, Page, paths},
    ids::MunicipalityId,
};

use super::{ApiError, get, get_list, post, put};

/// `GET /municipalities`.
pub async fn municipalities() -> Result<Page<MunicipalityDetail>, ApiError> {
    get_list(paths::MUNICIPALITIES).await
}

/// `GET /municipalities/{id}`.
pub async fn municipality(id: &MunicipalityId) -> Result<MunicipalityDetail, ApiError> {
    get(&paths::municipality(id)).await
}

/// `POST /municipalities` (coordinator): the new municipality joins the coordinator's region.
pub async fn create_municipality(
    input: &MunicipalityInput,
) -> Result<MunicipalityDetail, ApiError> {
    post(paths::MUNICIPALITIES, input).await
}

/// `PUT /municipalities/{id}`: `input.version` is the version the edit started from.
pub async fn update_municipality(
    id: &MunicipalityId,
    input: &MunicipalityInput,
) -> Result<MunicipalityDetail, ApiError> {
    put(&paths::municipality(id), input).await
}

/// `GET /municipalities/{id}/programme-settings`: the defaults (version 0) until set.
pub async fn programme_settings(
    id: &MunicipalityId,
) -> Result<shared::api::ProgrammeSettingsDetail, ApiError> {
    get(&paths::programme_settings(id)).await
}

/// `PUT /municipalities/{id}/programme-settings` (coordinator).
pub async fn update_programme_settings(
    id: &MunicipalityId,
    input: &shared::api::ProgrammeSettingsInput,
) -> Result<shared::api::ProgrammeSettingsDetail, ApiError> {
    put(&paths::programme_settings(id), input).await
}
