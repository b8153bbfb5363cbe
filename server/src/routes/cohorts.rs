//! Cohorts and their 8 meetings (reading; scheduling comes with the training screens).

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, put},
};
use shared::{
    Violation, ViolationKind, Violations,
    api::{
        AttendanceInput, AttendanceRow, CohortDetail, CohortInput, CohortSummary, MeetingDetail,
        Page, PageQuery, ScheduleMeetingInput, paths,
    },
    ids::{CohortId, MunicipalityId, ParticipantId},
    rules::{
        training::{self, AttendanceStatus, MeetingNumber, Theme, cohort_is_small},
        versions::check_version,
    },
};

use super::{Change, date, page, write};
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

/// The snake_case name of an attendance status, as stored.
fn status_name(status: AttendanceStatus) -> &'static str {
    match status {
        AttendanceStatus::Present => "present",
        AttendanceStatus::Excused => "excused",
        AttendanceStatus::Absent => "absent",
        AttendanceStatus::MadeUp => "made_up",
    }
}

pub fn parse_status(text: &str) -> Result<AttendanceStatus, AppError> {
    AttendanceStatus::ALL
        .into_iter()
        .find(|s| status_name(*s) == text)
        .ok_or_else(|| stored("attendance status"))
}

/// A cohort the account may use for `action`, or 404.
async fn visible_cohort(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &str,
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
    if !user
        .municipality_ids
        .iter()
        .any(|m| m == municipality_id.as_str())
    {
        return Err(AppError::Validation(
            Violation::new("municipality_id", ViolationKind::UnknownRecord {}).into(),
        ));
    }
    let id = write(
        &state,
        Change::new(&user, &address, "cohort.create", "cohort"),
        async |tx| {
            Ok(db::cohorts::insert(
                &mut *tx,
                municipality_id.as_str(),
                name.as_str(),
                location.as_str(),
            )
            .await?)
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

/// The stored dates of the 8 meetings.
fn schedule_of(meetings: &[db::cohorts::MeetingRow]) -> Result<training::Schedule, AppError> {
    let mut schedule: training::Schedule = [None; 8];
    for meeting in meetings {
        let index = usize::try_from(meeting.number - 1).map_err(|_| stored("meeting number"))?;
        if let Some(slot) = schedule.get_mut(index) {
            *slot = date(Some(&meeting.date))?;
        }
    }
    Ok(schedule)
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
        id.as_str(),
        Resource::Cohort,
        Action::Update,
    )
    .await?;
    let number = meeting_number(n)?;
    let (date, time, place) = input.validate().map_err(AppError::Validation)?;
    let version = input.version.unwrap_or(0);
    let start_time = time.format("%H:%M").to_string();
    write(
        &state,
        Change::new(&user, &address, "meeting.schedule", "cohort"),
        async |tx| {
            let scheduled = db::cohorts::meetings(&mut *tx, &row.id).await?;
            training::check_meeting_date(number, date, &schedule_of(&scheduled)?, &state.settings)
                .map_err(AppError::Validation)?;
            let stored_version = scheduled
                .iter()
                .find(|m| m.number == i64::from(number.get()))
                .map_or(0, |m| m.version);
            check_version(stored_version, version).map_err(|v| AppError::Conflict(v.into()))?;
            let written = db::cohorts::schedule_meeting(
                &mut *tx,
                &row.id,
                i64::from(number.get()),
                version,
                &date.to_string(),
                &start_time,
                place.as_str(),
            )
            .await?;
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

async fn attendance_rows(
    state: &AppState,
    cohort_id: &str,
    number: MeetingNumber,
) -> Result<Vec<AttendanceRow>, AppError> {
    db::cohorts::attendance(&state.db, cohort_id, i64::from(number.get()))
        .await?
        .into_iter()
        .map(|r| {
            Ok(AttendanceRow {
                participant_id: ParticipantId::parse(r.participant_id)
                    .map_err(|_| stored("participant id"))?,
                first_name: r.first_name,
                last_name: r.last_name,
                status: r.status.as_deref().map(parse_status).transpose()?,
            })
        })
        .collect()
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
        id.as_str(),
        Resource::Attendance,
        Action::Read,
    )
    .await?;
    let number = meeting_number(n)?;
    attendance_rows(&state, &row.id, number).await.map(Json)
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
        id.as_str(),
        Resource::Attendance,
        Action::Update,
    )
    .await?;
    let number = meeting_number(n)?;
    input.validate().map_err(AppError::Validation)?;
    let today = state.clock.today();
    let lines: Vec<(String, String)> = input
        .0
        .iter()
        .map(|l| {
            (
                l.participant_id.as_str().to_owned(),
                status_name(l.status).to_owned(),
            )
        })
        .collect();
    write(
        &state,
        Change::new(&user, &address, "attendance.record", "cohort"),
        async |tx| {
            let schedule = schedule_of(&db::cohorts::meetings(&mut *tx, &row.id).await?)?;
            let meeting_date = schedule[number.index()];
            if let Err(kind) = training::check_attendance(meeting_date, today, true) {
                return Err(AppError::Validation(Violation::new("", kind).into()));
            }
            let members: Vec<String> =
                db::cohorts::attendance(&mut *tx, &row.id, i64::from(number.get()))
                    .await?
                    .into_iter()
                    .map(|r| r.participant_id)
                    .collect();
            let mut violations = Violations::new();
            for (i, line) in input.0.iter().enumerate() {
                let in_cohort = members.iter().any(|m| m == line.participant_id.as_str());
                if let Err(kind) = training::check_attendance(meeting_date, today, in_cohort) {
                    violations.push(format!("lines.{i}.participant_id"), kind);
                }
            }
            if !violations.is_empty() {
                return Err(AppError::Validation(violations));
            }
            db::cohorts::save_attendance(tx, &row.id, i64::from(number.get()), &lines).await?;
            Ok(row.id.clone())
        },
    )
    .await?;
    attendance_rows(&state, &row.id, number).await.map(Json)
}

fn stored(what: &str) -> AppError {
    AppError::Internal(format!("stored cohort {what}"))
}

fn summary(row: CohortRow) -> Result<CohortSummary, AppError> {
    let participants = u32::try_from(row.participants).map_err(|_| stored("count"))?;
    Ok(CohortSummary {
        id: CohortId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        municipality_id: MunicipalityId::parse(row.municipality_id)
            .map_err(|_| stored("municipality"))?,
        name: row.name,
        location: row.location,
        participants,
        small: cohort_is_small(participants),
    })
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
    page(rows, limit, |r| r.id.clone(), summary).map(Json)
}

async fn get_cohort(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<CohortId>,
) -> ApiResult<CohortDetail> {
    let relation = access::require(&state, &user, &address, Resource::Cohort, Action::Read).await?;
    let row = db::cohorts::by_id(&state.db, id.as_str())
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
    let scheduled = db::cohorts::meetings(&state.db, &row.id).await?;
    let meetings = MeetingNumber::all()
        .map(|number| {
            let stored_meeting = scheduled
                .iter()
                .find(|m| m.number == i64::from(number.get()));
            Ok(MeetingDetail {
                number,
                theme: Theme::of(number),
                date: date(stored_meeting.map(|m| m.date.as_str()))?,
                start_time: stored_meeting.map(|m| m.start_time.clone()),
                place: stored_meeting.map(|m| m.place.clone()),
                version: stored_meeting.map_or(0, |m| m.version),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let summary = summary(row)?;
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
