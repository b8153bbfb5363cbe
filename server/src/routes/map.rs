//! The MAP evidence statement of a participant, their civic-integration facts, and the programme
//! settings of a municipality's agreement.

use std::collections::BTreeMap;

use axum::{Router, extract::State, routing::get};
use chrono::NaiveDate;
use shared::{
    Violation, ViolationKind,
    api::{
        CivicIntegrationDetail, CivicIntegrationInput, MapActivity, MapActivityKind, MapEvidence,
        MapPractice, MapThemeEvidence, ProgrammeSettingsDetail, ProgrammeSettingsInput,
        meeting_length, paths,
    },
    ids::{MunicipalityId, ParticipantId},
    rules::{
        map::{self, PracticePeriod},
        training::{AttendanceStatus, Theme},
        versions::check_version,
    },
};

use sqlx::SqliteConnection;

use super::write;
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, Ties, participant_for},
    auth::{ClientAddress, CurrentUser},
    db::{self, participants::ParticipantRow},
    error::Path,
    error::{ApiResult, Json},
    routes::Change,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::PROGRAMME_SETTINGS_PATTERN,
            get(get_programme_settings).put(update_programme_settings),
        )
        .route(
            paths::CIVIC_INTEGRATION_PATTERN,
            get(get_civic_integration).put(update_civic_integration),
        )
        .route(paths::MAP_EVIDENCE_PATTERN, get(get_map_evidence))
}

fn version_required() -> AppError {
    AppError::Validation(Violation::new("version", ViolationKind::Required {}).into())
}

/// The municipality, when the account may do `action` on it.
async fn municipality_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &MunicipalityId,
    action: Action,
) -> Result<MunicipalityId, AppError> {
    let relation = access::require(state, user, address, Resource::Municipality, action).await?;
    let row = db::municipalities::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let ties = [row.id.clone()];
    access::check(
        state,
        user,
        address,
        Resource::Municipality,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &ties,
            ..Ties::default()
        },
    )
    .await?;
    Ok(row.id)
}

async fn get_programme_settings(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<MunicipalityId>,
) -> ApiResult<ProgrammeSettingsDetail> {
    let id = municipality_for(&state, &user, &address, &id, Action::Read).await?;
    Ok(Json(db::map::settings_of(&state.db, &id).await?))
}

/// The coordinator of the municipality's region changes its programme settings.
async fn update_programme_settings(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<MunicipalityId>,
    Json(input): Json<ProgrammeSettingsInput>,
) -> ApiResult<ProgrammeSettingsDetail> {
    let id = municipality_for(&state, &user, &address, &id, Action::Update).await?;
    let valid = input.validate().map_err(AppError::Validation)?;
    let version = input.version.ok_or_else(version_required)?;
    write(
        &state,
        Change::new(&user, &address, "programme_settings.update", "municipality"),
        async |tx| {
            let stored = db::map::settings_version(&mut *tx, &id).await?;
            check_version(stored, version).map_err(|v| AppError::Conflict(v.into()))?;
            if db::map::save_settings(&mut *tx, &id, version, &valid).await? {
                Ok(id.clone())
            } else {
                let stored = db::map::settings_version(&mut *tx, &id).await?;
                Err(AppError::Conflict(
                    Violation::new(
                        "version",
                        ViolationKind::StaleVersion {
                            current_version: stored,
                        },
                    )
                    .into(),
                ))
            }
        },
    )
    .await?;
    Ok(Json(db::map::settings_of(&state.db, &id).await?))
}

pub(super) async fn civic_integration(
    state: &AppState,
    id: &ParticipantId,
) -> Result<CivicIntegrationDetail, AppError> {
    db::map::civic_integration_of(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn get_civic_integration(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<CivicIntegrationDetail> {
    let participant =
        participant_for(&state, &user, &address, &id, Resource::Route, Action::Read).await?;
    civic_integration(&state, &participant.id).await.map(Json)
}

/// The coordinator or the coach records the route, the date of birth and the remarks.
async fn update_civic_integration(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<CivicIntegrationInput>,
) -> ApiResult<CivicIntegrationDetail> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Participant,
        Action::Update,
    )
    .await?;
    let valid = input
        .validate(state.clock.today())
        .map_err(AppError::Validation)?;
    let version = input.version.ok_or_else(version_required)?;
    write(
        &state,
        Change::new(
            &user,
            &address,
            "participant.civic_integration",
            "participant",
        )
        .reaching(&participant.id, Resource::Participant, Action::Update),
        async |tx| {
            if db::map::save_civic_integration(&mut *tx, &participant.id, version, &valid).await? {
                Ok(participant.id.clone())
            } else {
                Err(super::stale(tx, db::Versioned::Participants, &participant.id, version).await)
            }
        },
    )
    .await?;
    civic_integration(&state, &participant.id).await.map(Json)
}

async fn get_map_evidence(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<MapEvidence> {
    let participant =
        participant_for(&state, &user, &address, &id, Resource::Route, Action::Read).await?;
    let mut conn = state.db.acquire().await?;
    evidence(&mut conn, &participant, state.clock.today())
        .await
        .map(Json)
}

/// The statement of `participant` on `today`: meetings attended or made up and company visits
/// per theme, practice hours of the internships (cancelled ones aside), and whether everything
/// is covered.
pub async fn evidence(
    conn: &mut SqliteConnection,
    participant: &ParticipantRow,
    today: NaiveDate,
) -> Result<MapEvidence, AppError> {
    let settings = db::map::settings_of(&mut *conn, &participant.municipality_id).await?;
    let civic = db::map::civic_integration_of(&mut *conn, &participant.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut per_theme: BTreeMap<usize, Vec<MapActivity>> = BTreeMap::new();
    let mut theme_dates: Vec<(Theme, NaiveDate)> = Vec::new();
    for meeting in db::map::attended_meetings(&mut *conn, &participant.id).await? {
        let kind = match meeting.status {
            AttendanceStatus::Present => MapActivityKind::Attended,
            AttendanceStatus::MadeUp => MapActivityKind::MadeUp,
            AttendanceStatus::Excused | AttendanceStatus::Absent => continue,
        };
        if meeting.date > today {
            continue;
        }
        let own = meeting
            .duration_minutes
            .map(|m| u32::try_from(m).map_err(|_| AppError::stored("meeting duration")))
            .transpose()?;
        let minutes = meeting_length(own, Some(settings.meeting_minutes));
        let theme = Theme::of(meeting.number);
        theme_dates.push((theme, meeting.date));
        per_theme
            .entry(meeting.number.index())
            .or_default()
            .push(MapActivity {
                kind,
                date: meeting.date,
                minutes,
                meeting_number: Some(u8::from(meeting.number)),
                organisation_name: None,
            });
    }
    for visit in db::map::visits_of(&mut *conn, &participant.id, today).await? {
        theme_dates.push((Theme::CareerOrientation, visit.date));
        per_theme.entry(0).or_default().push(MapActivity {
            kind: MapActivityKind::CompanyVisit,
            date: visit.date,
            minutes: settings.visit_minutes,
            meeting_number: None,
            organisation_name: Some(visit.organisation_name),
        });
    }
    let themes: Vec<MapThemeEvidence> = Theme::ALL
        .into_iter()
        .enumerate()
        .map(|(i, theme)| {
            let mut activities = per_theme.remove(&i).unwrap_or_default();
            activities.sort_by_key(|a| a.date);
            MapThemeEvidence {
                theme,
                minutes: activities.iter().map(|a| a.minutes).sum(),
                covered: !activities.is_empty(),
                activities,
            }
        })
        .collect();
    let mut practice = Vec::new();
    let mut periods = Vec::new();
    for row in db::internships::of(&mut *conn, &participant.id).await? {
        if row.cancelled {
            continue;
        }
        let period = PracticePeriod {
            start: row.start_date,
            end: row.end_date,
            hours_per_week: u32::try_from(row.hours_per_week)
                .map_err(|_| AppError::stored("internship hours"))?,
            absence_hours: u32::try_from(row.absence_hours)
                .map_err(|_| AppError::stored("internship absence"))?,
        };
        practice.push(MapPractice {
            internship_id: row.id,
            kind: row.kind,
            organisation_name: row.organisation_name,
            supervisor_name: row.supervisor_name.into(),
            start_date: row.start_date,
            end_date: row.end_date,
            hours_per_week: period.hours_per_week,
            absence_hours: period.absence_hours,
            minutes: map::practice_minutes(&period, today),
        });
        periods.push(period);
    }
    let practice_minutes = practice
        .iter()
        .map(|p| p.minutes)
        .fold(0, u32::saturating_add);
    let covered: Vec<Theme> = themes
        .iter()
        .filter(|t| t.covered)
        .map(|t| t.theme)
        .collect();
    let readiness = map::readiness(&covered, practice_minutes, settings.practice_hours_required);
    let ready_on = if readiness.ready {
        map::ready_on(
            &theme_dates,
            &periods,
            settings.practice_hours_required,
            today,
        )
    } else {
        None
    };
    Ok(MapEvidence {
        participant_id: participant.id.clone(),
        first_name: participant.first_name.clone().into(),
        last_name: participant.last_name.clone().into(),
        route: civic.route,
        as_of: today,
        status: map::status(civic.route, &readiness),
        themes,
        practice,
        practice_minutes,
        practice_minutes_required: settings.practice_hours_required * 60,
        missing_themes: readiness.missing_themes,
        missing_practice_minutes: readiness.missing_practice_minutes,
        ready_on,
        coach_remarks: civic.coach_remarks,
        insurance_note: settings.insurance_note,
    })
}

/// For the municipality report: the day `participant` became ready for the final interview, if
/// they are on `today` (never on the education route).
pub async fn ready_on(
    conn: &mut SqliteConnection,
    participant: &ParticipantRow,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, AppError> {
    let statement = evidence(conn, participant, today).await?;
    Ok(statement
        .ready_on
        .filter(|_| statement.status == map::MapStatus::ReadyForFinalInterview))
}
