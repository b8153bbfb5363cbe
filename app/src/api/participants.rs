//! Participants and their file: `/participants` and what lies under `/participants/{id}`.

use shared::{
    api::{
        BudgetOverview, ConsentDetail, ConsentInput, ContactDetail, ContactInput, ExpenseInput,
        GoalDetail, GoalInput, InternshipDetail, InternshipInput, IntroductionDetail,
        IntroductionInput, Page, ParticipantDetail, ParticipantInput, ParticipantPatch,
        ParticipantSummary, RouteResponse,
        paths::{self, ParticipantSub},
    },
    ids::ParticipantId,
};

use super::{ApiError, get, get_list, patch, post};

/// `GET /participants`: those the caller may see.
pub async fn participants() -> Result<Page<ParticipantSummary>, ApiError> {
    get_list(paths::PARTICIPANTS).await
}

/// `GET /participants/{id}`: 404 when missing or outside the caller's scope.
pub async fn participant(id: &ParticipantId) -> Result<ParticipantDetail, ApiError> {
    get(&paths::participant(id)).await
}

/// `POST /participants` (coordinator).
pub async fn create_participant(input: &ParticipantInput) -> Result<ParticipantDetail, ApiError> {
    post(paths::PARTICIPANTS, input).await
}

/// `PATCH /participants/{id}`: the whole profile as edited, with its version.
pub async fn update_participant(
    id: &ParticipantId,
    input: &ParticipantPatch,
) -> Result<ParticipantDetail, ApiError> {
    patch(&paths::participant(id), input).await
}

/// `GET /participants/{id}/route`: the route derived from the participant's file.
pub async fn route(id: &ParticipantId) -> Result<RouteResponse, ApiError> {
    get(&paths::participant_sub(id, ParticipantSub::Route)).await
}

/// `GET /participants/{id}/goals`: the action plan, each goal with its actions.
pub async fn goals(id: &ParticipantId) -> Result<Vec<GoalDetail>, ApiError> {
    get(&paths::participant_sub(id, ParticipantSub::Goals)).await
}

/// `POST /participants/{id}/goals`.
pub async fn create_goal(id: &ParticipantId, input: &GoalInput) -> Result<GoalDetail, ApiError> {
    post(&paths::participant_sub(id, ParticipantSub::Goals), input).await
}

/// `GET /participants/{id}/contacts`: notes only for coaches and coordinators.
pub async fn contacts(id: &ParticipantId) -> Result<Vec<ContactDetail>, ApiError> {
    get(&paths::participant_sub(id, ParticipantSub::Contacts)).await
}

/// `POST /participants/{id}/contacts`.
pub async fn create_contact(
    id: &ParticipantId,
    input: &ContactInput,
) -> Result<ContactDetail, ApiError> {
    post(&paths::participant_sub(id, ParticipantSub::Contacts), input).await
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

/// `POST /participants/{id}/introductions`: without consent the proposal waits for it.
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

/// `GET /participants/{id}/map-evidence`: the MAP evidence statement.
pub async fn map_evidence(id: &ParticipantId) -> Result<shared::api::MapEvidence, ApiError> {
    get(&paths::map_evidence(id)).await
}

/// `GET /participants/{id}/civic-integration`: route, date of birth, the coach's remarks.
pub async fn civic_integration(
    id: &ParticipantId,
) -> Result<shared::api::CivicIntegrationDetail, ApiError> {
    get(&paths::civic_integration(id)).await
}
