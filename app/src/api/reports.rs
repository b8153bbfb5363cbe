//! Municipality reports, nudges and outcomes.

use chrono::NaiveDate;
use shared::{
    api::{
        FollowUpPatch, MunicipalityReport, NudgeItem, OutcomeDetail, OutcomeInput,
        paths::{self, ParticipantSub},
    },
    ids::{MunicipalityId, OutcomeId, ParticipantId},
};

use super::{ApiError, get, post};

/// `GET /reports/municipalities/{id}?from=&to=`; an end left out is the server's default.
pub async fn report(
    id: &MunicipalityId,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<MunicipalityReport, ApiError> {
    let mut query = Vec::new();
    if let Some(from) = from {
        query.push(format!("from={from}"));
    }
    if let Some(to) = to {
        query.push(format!("to={to}"));
    }
    get(&format!(
        "{}?{}",
        paths::municipality_report(id),
        query.join("&")
    ))
    .await
}

/// `GET /nudges`: the coordinator's region, or the coach's own participants.
pub async fn nudges() -> Result<Vec<NudgeItem>, ApiError> {
    get(paths::NUDGES).await
}

/// `GET /participants/{id}/outcomes`.
pub async fn outcomes(participant: &ParticipantId) -> Result<Vec<OutcomeDetail>, ApiError> {
    get(&paths::participant_sub(
        participant,
        ParticipantSub::Outcomes,
    ))
    .await
}

/// `POST /participants/{id}/outcomes`.
pub async fn record_outcome(
    participant: &ParticipantId,
    input: &OutcomeInput,
) -> Result<OutcomeDetail, ApiError> {
    post(
        &paths::participant_sub(participant, ParticipantSub::Outcomes),
        input,
    )
    .await
}

/// `POST /outcomes/{id}/follow-up`.
pub async fn follow_up(id: &OutcomeId, patch: &FollowUpPatch) -> Result<OutcomeDetail, ApiError> {
    post(&paths::follow_up(id), patch).await
}
