//! Warm introductions: `/introductions`.

use shared::{
    api::{IntroductionDetail, IntroductionPatch, paths},
    ids::IntroductionId,
};

use super::{ApiError, patch};

/// `PATCH /introductions/{id}`.
pub async fn answer_introduction(
    id: &IntroductionId,
    input: &IntroductionPatch,
) -> Result<IntroductionDetail, ApiError> {
    patch(&paths::introduction(id), input).await
}
