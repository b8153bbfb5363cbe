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
