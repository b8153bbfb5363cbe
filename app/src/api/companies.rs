//! Organisations, openings, company visits, internships, the training budget, introductions and
//! consent.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use shared::{
    api::{
        BudgetOverview, ConsentDetail, ConsentInput, CreateOrganisation, EvaluationInput,
        ExpenseDecisionInput, ExpenseInput, InternshipDetail, InternshipInput, InternshipPatch,
        IntroductionDetail, IntroductionInput, IntroductionPatch, OpeningDetail, OpeningInput,
        OpeningPatch, OrganisationDetail, OrganisationPatch, Page, RegistrationDetail,
        RegistrationInput,
        paths::{self, ParticipantSub},
    },
    ids::{ExpenseId, InternshipId, IntroductionId, OpeningId, OrganisationId, ParticipantId},
};

use super::{ApiError, decode, get, get_list, post, send_json};

async fn patch<B: serde::Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    decode(send_json(Request::patch(&paths::url(path)), body).await?).await
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

/// `POST /organisations/{id}/openings`: a new opening starts as a draft.
pub async fn create_opening(
    organisation: &OrganisationId,
    input: &OpeningInput,
) -> Result<OpeningDetail, ApiError> {
    post(&paths::organisation_openings(organisation), input).await
}

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

/// `GET /participants/{id}/internships`.
pub async fn internships(participant: &ParticipantId) -> Result<Vec<InternshipDetail>, ApiError> {
    get(&paths::participant_sub(
        participant,
        ParticipantSub::Internships,
    ))
    .await
}

/// `POST /participants/{id}/internships`: 422 for the window, 409 for the training or an
/// overlap.
pub async fn plan_internship(
    participant: &ParticipantId,
    input: &InternshipInput,
) -> Result<InternshipDetail, ApiError> {
    post(
        &paths::participant_sub(participant, ParticipantSub::Internships),
        input,
    )
    .await
}

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

/// `GET /participants/{id}/expenses`: the budget and its requests.
pub async fn budget(participant: &ParticipantId) -> Result<BudgetOverview, ApiError> {
    get(&paths::participant_sub(
        participant,
        ParticipantSub::Expenses,
    ))
    .await
}

/// `POST /participants/{id}/expenses`: 409 `budget_exceeded` with what remains.
pub async fn request_expense(
    participant: &ParticipantId,
    input: &ExpenseInput,
) -> Result<BudgetOverview, ApiError> {
    post(
        &paths::participant_sub(participant, ParticipantSub::Expenses),
        input,
    )
    .await
}

/// `POST /expenses/{id}/decision` (coordinator).
pub async fn decide_expense(
    id: &ExpenseId,
    input: &ExpenseDecisionInput,
) -> Result<BudgetOverview, ApiError> {
    post(&paths::expense_decision(id), input).await
}

/// `GET /participants/{id}/introductions`.
pub async fn introductions(
    participant: &ParticipantId,
) -> Result<Vec<IntroductionDetail>, ApiError> {
    get(&paths::participant_sub(
        participant,
        ParticipantSub::Introductions,
    ))
    .await
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

/// `POST /participants/{id}/introductions`: 409 `consent_missing` without consent.
pub async fn propose_introduction(
    participant: &ParticipantId,
    input: &IntroductionInput,
) -> Result<IntroductionDetail, ApiError> {
    post(
        &paths::participant_sub(participant, ParticipantSub::Introductions),
        input,
    )
    .await
}

/// `PATCH /introductions/{id}`.
pub async fn answer_introduction(
    id: &IntroductionId,
    input: &IntroductionPatch,
) -> Result<IntroductionDetail, ApiError> {
    patch(&paths::introduction(id), input).await
}

/// `GET /participants/{id}/consents`.
pub async fn consents(participant: &ParticipantId) -> Result<Vec<ConsentDetail>, ApiError> {
    get(&paths::participant_sub(
        participant,
        ParticipantSub::Consents,
    ))
    .await
}

/// `POST /participants/{id}/consents`: gives or withdraws; answers every consent.
pub async fn set_consent(
    participant: &ParticipantId,
    input: &ConsentInput,
) -> Result<Vec<ConsentDetail>, ApiError> {
    post(
        &paths::participant_sub(participant, ParticipantSub::Consents),
        input,
    )
    .await
}
