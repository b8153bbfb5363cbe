//! Municipalities and their agreements, cohorts with their 8 meetings and attendance,
//! participants, the action plan, the contact log and the participant's route.

use gloo_net::http::Request;
use serde::{Serialize, de::DeserializeOwned};
use shared::{
    api::{
        ActionDetail, ActionInput, ActionPatch, AttendanceInput, AttendanceRow, CohortDetail,
        CohortInput, ContactDetail, ContactInput, GoalDetail, GoalInput, GoalPatch,
        MunicipalityDetail, MunicipalityInput, ParticipantDetail, ParticipantInput,
        ParticipantPatch, RouteResponse, ScheduleMeetingInput,
        paths::{self, ParticipantSub},
    },
    ids::{ActionId, CohortId, GoalId, MunicipalityId, ParticipantId},
    rules::training::MeetingNumber,
};

use super::{ApiError, decode, get, post, send_json};

async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    decode(send_json(Request::put(&paths::url(path)), body).await?).await
}

async fn patch<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    decode(send_json(Request::patch(&paths::url(path)), body).await?).await
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

/// `POST /cohorts` (coordinator): a cohort with 8 meetings still to schedule.
pub async fn create_cohort(input: &CohortInput) -> Result<CohortDetail, ApiError> {
    post(paths::COHORTS, input).await
}

/// `GET /cohorts/{id}`: with its 8 meetings in order.
pub async fn cohort(id: &CohortId) -> Result<CohortDetail, ApiError> {
    get(&paths::cohort(id)).await
}

/// `PUT /cohorts/{id}/meetings/{n}` (coordinator): answers the whole cohort.
pub async fn schedule_meeting(
    cohort: &CohortId,
    number: MeetingNumber,
    input: &ScheduleMeetingInput,
) -> Result<CohortDetail, ApiError> {
    put(&paths::meeting(cohort, number), input).await
}

/// `GET /cohorts/{id}/meetings/{n}/attendance`: everyone in the cohort, with what is recorded.
pub async fn attendance(
    cohort: &CohortId,
    number: MeetingNumber,
) -> Result<Vec<AttendanceRow>, ApiError> {
    get(&paths::attendance(cohort, number)).await
}

/// `PUT /cohorts/{id}/meetings/{n}/attendance`: the whole list in one request.
pub async fn save_attendance(
    cohort: &CohortId,
    number: MeetingNumber,
    input: &AttendanceInput,
) -> Result<Vec<AttendanceRow>, ApiError> {
    put(&paths::attendance(cohort, number), input).await
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

/// `PATCH /goals/{id}`.
pub async fn update_goal(id: &GoalId, input: &GoalPatch) -> Result<GoalDetail, ApiError> {
    patch(&paths::goal(id), input).await
}

/// `POST /goals/{id}/actions`.
pub async fn create_action(goal: &GoalId, input: &ActionInput) -> Result<ActionDetail, ApiError> {
    post(&paths::goal_actions(goal), input).await
}

/// `PATCH /actions/{id}`: ticking off sends only `done` and the version.
pub async fn update_action(id: &ActionId, input: &ActionPatch) -> Result<ActionDetail, ApiError> {
    patch(&paths::action(id), input).await
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
