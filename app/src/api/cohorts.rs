//! Cohorts with their 8 meetings and attendance: `/cohorts`.

use shared::{
    api::{
        AttendanceInput, AttendanceRow, CohortDetail, CohortInput, CohortSummary, Page,
        ScheduleMeetingInput, paths,
    },
    ids::CohortId,
    rules::training::MeetingNumber,
};

use super::{ApiError, get, get_list, post, put};

/// `GET /cohorts`.
pub async fn cohorts() -> Result<Page<CohortSummary>, ApiError> {
    get_list(paths::COHORTS).await
}

/// `GET /cohorts/{id}`: with its 8 meetings in order.
pub async fn cohort(id: &CohortId) -> Result<CohortDetail, ApiError> {
    get(&paths::cohort(id)).await
}

/// `POST /cohorts` (coordinator): a cohort with 8 meetings still to schedule.
pub async fn create_cohort(input: &CohortInput) -> Result<CohortDetail, ApiError> {
    post(paths::COHORTS, input).await
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
