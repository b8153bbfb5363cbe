//! Cohorts and their 8 meetings (reading; scheduling comes with the training screens).

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, put},
};
use shared::{
    Violation, Violations,
    api::{
        AttendanceInput, AttendanceRow, CohortDetail, CohortInput, CohortSummary, Page, PageQuery,
        ScheduleMeetingInput, paths,
    },
    ids::{CohortId, ParticipantId},
    roles::Role,
    rules::{
        training::{self, MeetingNumber},
        versions::check_version,
    },
};

use super::{Change, page, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Relation, Resource, Ties},
    auth::{ClientAddress, CurrentUser},
    db::{self, cohorts::CohortRow},
    error::Path,
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::COHORTS, get(list_cohorts).post(create_cohort))
        .route(paths::COHORT_PATTERN, get(get_cohort))
        .route(paths::MEETING_PATTERN, put(schedule_meeting))
        .route(
            paths::ATTENDANCE_PATTERN,
            get(get_attendance).put(record_attendance),
        )
}

/// A cohort the account may use for `action`, or 404.
pub(super) async fn visible_cohort(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &CohortId,
    resource: Resource,
    action: Action,
) -> Result<CohortRow, AppError> {
    let relation: Relation = access::require(state, user, address, resource, action).await?;
    let row = db::cohorts::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let ties = [row.municipality_id.clone()];
    access::check(
        state,
        user,
        address,
        resource,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &ties,
            ..Ties::default()
        },
    )
    .await?;
    Ok(row)
}

async fn create_cohort(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Json(input): Json<CohortInput>,
) -> Result<(StatusCode, Json<CohortDetail>), AppError> {
    access::require(&state, &user, &address, Resource::Cohort, Action::Create).await?;
    let (municipality_id, name, location) = input.validate().map_err(AppError::Validation)?;
    if !user.holds(&municipality_id) {
        return Err(access::unknown_in_region(
            &state,
            &user,
            &address,
            Resource::Municipality,
            Some(municipality_id.as_str()),
            "municipality_id",
        )
        .await);
    }
    let id = write(
        &state,
        Change::new(&user, &address, "cohort.create", "cohort"),
        async |tx| {
            Ok(
                db::cohorts::insert(&mut *tx, &municipality_id, name.as_str(), location.as_str())
                    .await?,
            )
        },
    )
    .await?;
    let row = db::cohorts::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(cohort_detail(&state, row).await?)))
}

/// Meeting n of the path: a number out of 1..=8 is a validation error, not a missing record.
fn meeting_number(n: u8) -> Result<MeetingNumber, AppError> {
    MeetingNumber::new(n)
        .map_err(|kind| AppError::Validation(Violation::new("number", kind).into()))
}

/// Schedules meeting n: date, start time, place; the order and gaps of the dates are the shared
/// rules, checked against the cohort's other meetings.
async fn schedule_meeting(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path((id, n)): Path<(CohortId, u8)>,
    Json(input): Json<ScheduleMeetingInput>,
) -> ApiResult<CohortDetail> {
    let row = visible_cohort(
        &state,
        &user,
        &address,
        &id,
        Resource::Cohort,
        Action::Update,
    )
    .await?;
    let number = meeting_number(n)?;
    let meeting = input.validate().map_err(AppError::Validation)?;
    let version = input.version.unwrap_or(0);
    write(
        &state,
        Change::new(&user, &address, "meeting.schedule", "cohort"),
        async |tx| {
            let scheduled = db::cohorts::meetings(&mut *tx, &row.id).await?;
            training::check_meeting_date(
                number,
                meeting.date,
                &db::cohorts::schedule_of(&scheduled),
                &state.settings,
            )
            .map_err(AppError::Validation)?;
            let stored_version = scheduled
                .iter()
                .find(|m| m.number == number)
                .map_or(0, |m| m.version);
            check_version(stored_version, version).map_err(|v| AppError::Conflict(v.into()))?;
            let written =
                db::cohorts::schedule_meeting(&mut *tx, &row.id, number, version, &meeting).await?;
            if written {
                Ok(row.id.clone())
            } else {
                Err(AppError::Conflict(
                    check_version(stored_version + 1, version)
                        .err()
                        .map(Into::into)
                        .unwrap_or_default(),
                ))
            }
        },
    )
    .await?;
    cohort_detail(&state, row).await.map(Json)
}

/// Whether the account takes the attendance of this participant: a coach only of their own
/// participants, a coordinator of the whole cohort.
fn takes_attendance_of(user: &CurrentUser, row: &db::cohorts::AttendanceRow) -> bool {
    user.role != Role::Coach || row.coach_id.as_ref() == Some(&user.id)
}

async fn attendance_rows(
    state: &AppState,
    user: &CurrentUser,
    cohort_id: &CohortId,
    number: MeetingNumber,
) -> Result<Vec<AttendanceRow>, AppError> {
    Ok(db::cohorts::attendance(&state.db, cohort_id, number)
        .await?
        .into_iter()
        .filter(|r| takes_attendance_of(user, r))
        .map(Into::into)
        .collect())
}

async fn get_attendance(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path((id, n)): Path<(CohortId, u8)>,
) -> ApiResult<Vec<AttendanceRow>> {
    let row = visible_cohort(
        &state,
        &user,
        &address,
        &id,
        Resource::Attendance,
        Action::Read,
    )
    .await?;
    let number = meeting_number(n)?;
    attendance_rows(&state, &user, &row.id, number)
        .await
        .map(Json)
}

/// Saves the attendance of a held meeting in one request; any refusal saves nothing.
async fn record_attendance(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path((id, n)): Path<(CohortId, u8)>,
    Json(input): Json<AttendanceInput>,
) -> ApiResult<Vec<AttendanceRow>> {
    let row = visible_cohort(
        &state,
        &user,
        &address,
        &id,
        Resource::Attendance,
        Action::Update,
    )
    .await?;
    let number = meeting_number(n)?;
    input.validate().map_err(AppError::Validation)?;
    let today = state.clock.today();
    let lines: Vec<_> = input
        .0
        .iter()
        .map(|l| (l.participant_id.clone(), l.status))
        .collect();
    write(
        &state,
        Change::new(&user, &address, "attendance.record", "cohort"),
        async |tx| {
            let schedule =
                db::cohorts::schedule_of(&db::cohorts::meetings(&mut *tx, &row.id).await?);
            let meeting_date = schedule[number.index()];
            if let Err(kind) = training::check_attendance(meeting_date, today, true) {
                return Err(AppError::Validation(Violation::new("", kind).into()));
            }
            // Participants of another coach are, for a coach, not in the cohort.
            let members: Vec<ParticipantId> = db::cohorts::attendance(&mut *tx, &row.id, number)
                .await?
                .into_iter()
                .filter(|r| takes_attendance_of(&user, r))
                .map(|r| r.participant_id)
                .collect();
            let mut violations = Violations::new();
            for (i, line) in input.0.iter().enumerate() {
                let in_cohort = members.contains(&line.participant_id);
                if let Err(kind) = training::check_attendance(meeting_date, today, in_cohort) {
                    violations.push(format!("lines.{i}.participant_id"), kind);
                }
            }
            if !violations.is_empty() {
                return Err(AppError::Validation(violations));
            }
            db::cohorts::save_attendance(tx, &row.id, number, &lines).await?;
            Ok(row.id.clone())
        },
    )
    .await?;
    attendance_rows(&state, &user, &row.id, number)
        .await
        .map(Json)
}

async fn list_cohorts(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<CohortSummary>> {
    access::require(&state, &user, &address, Resource::Cohort, Action::Read).await?;
    let limit = query.limit();
    let rows = db::cohorts::list_in_region(
        &state.db,
        &user.id,
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.to_string(), TryInto::try_into).map(Json)
}

async fn get_cohort(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<CohortId>,
) -> ApiResult<CohortDetail> {
    let relation = access::require(&state, &user, &address, Resource::Cohort, Action::Read).await?;
    let row = db::cohorts::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let ties = [row.municipality_id.clone()];
    access::check(
        &state,
        &user,
        &address,
        Resource::Cohort,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &ties,
            ..Ties::default()
        },
    )
    .await?;
    cohort_detail(&state, row).await.map(Json)
}

/// A cohort with its 8 meetings in order.
async fn cohort_detail(state: &AppState, row: CohortRow) -> Result<CohortDetail, AppError> {
    let meetings = db::cohorts::meeting_details(&db::cohorts::meetings(&state.db, &row.id).await?);
    let summary = CohortSummary::try_from(row)?;
    Ok(CohortDetail {
        id: summary.id,
        version: summary.version,
        municipality_id: summary.municipality_id,
        name: summary.name,
        location: summary.location,
        meetings,
        participants: summary.participants,
        small: summary.small,
    })
}
