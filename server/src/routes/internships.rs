//! Internships: planned within the shared window rules once the training is complete, extended
//! once by a coordinator, evaluated by the supervisor and the coach.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use chrono::NaiveDate;
use shared::{
    Violation, ViolationKind, Violations,
    api::{
        EvaluationDetail, EvaluationInput, InternshipDetail, InternshipInput, InternshipPatch,
        paths, paths::ParticipantSub,
    },
    ids::{InternshipId, OpeningId, OrganisationId, ParticipantId},
    roles::Role,
    rules::{
        internship::{self, Evaluator, PlannedInternship},
        plan::GoalStatus,
        training::attended_count,
        versions::check_version,
    },
    values::PersonName,
};

use super::{
    Change,
    cohorts::parse_status,
    date, name_of, parse_name,
    participants::{participant_for, through_organisation_or_participant},
    stale, write,
};
use crate::{
    AppError, AppState,
    access::{Action, Resource},
    auth::{ClientAddress, CurrentUser},
    db::{self, internships::InternshipRow},
    error::Path,
    error::{ApiResult, Json},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            &ParticipantSub::Internships.pattern(),
            get(list_internships).post(plan_internship),
        )
        .route(
            paths::INTERNSHIP_PATTERN,
            get(get_internship).patch(change_internship),
        )
        .route(paths::EVALUATIONS_PATTERN, post(evaluate_internship))
}

fn stored(what: &str) -> AppError {
    AppError::Internal(format!("stored {what}"))
}

fn day(text: &str) -> Result<NaiveDate, AppError> {
    date(Some(text))?.ok_or_else(|| stored("date"))
}

/// The planned (not cancelled) internships of a participant, for the overlap rule.
pub async fn planned_of(
    db: impl sqlx::SqliteExecutor<'_>,
    participant_id: &str,
) -> Result<Vec<(String, PlannedInternship)>, AppError> {
    db::internships::of(db, participant_id)
        .await?
        .into_iter()
        .map(|i| {
            Ok((
                i.id.clone(),
                PlannedInternship {
                    start: day(&i.start_date)?,
                    end: day(&i.end_date)?,
                    cancelled: i.cancelled,
                },
            ))
        })
        .collect()
}

/// Meetings attended or made up by the participant.
pub async fn meetings_attended(
    db: impl sqlx::SqliteExecutor<'_>,
    participant_id: &str,
) -> Result<u32, AppError> {
    let statuses = db::cohorts::attendance_of(db, participant_id)
        .await?
        .iter()
        .map(|(_, s)| parse_status(s))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(attended_count(statuses))
}

async fn detail(state: &AppState, row: InternshipRow) -> Result<InternshipDetail, AppError> {
    let participant = db::participants::by_id(&state.db, &row.participant_id)
        .await?
        .ok_or_else(|| stored("participant"))?;
    let learning_goals = db::plan::goals_of(&state.db, &row.participant_id)
        .await?
        .into_iter()
        .filter(|g| parse_name::<GoalStatus>(&g.status).is_ok_and(|s| s != GoalStatus::Dropped))
        .map(|g| g.title)
        .collect();
    let evaluations = db::internships::evaluations(&state.db, &row.id)
        .await?
        .into_iter()
        .map(|e| {
            let score = |n: i64| u8::try_from(n).map_err(|_| stored("score"));
            Ok(EvaluationDetail {
                moment: parse_name(&e.moment)?,
                evaluator: parse_name(&e.evaluator)?,
                punctuality: score(e.punctuality)?,
                cooperation: score(e.cooperation)?,
                dutch_at_work: score(e.dutch_at_work)?,
                professional_skills: score(e.professional_skills)?,
                remarks: e.remarks,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let (start, end) = (day(&row.start_date)?, day(&row.end_date)?);
    Ok(InternshipDetail {
        id: InternshipId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        participant_id: ParticipantId::parse(row.participant_id).map_err(|_| stored("id"))?,
        participant_first_name: participant.first_name,
        participant_last_name: participant.last_name,
        learning_goals,
        organisation_id: OrganisationId::parse(row.organisation_id).map_err(|_| stored("id"))?,
        organisation_name: row.organisation_name,
        opening_id: row
            .opening_id
            .map(OpeningId::parse)
            .transpose()
            .map_err(|_| stored("id"))?,
        start_date: start,
        end_date: end,
        original_end_date: day(&row.original_end_date)?,
        hours_per_week: u32::try_from(row.hours_per_week).map_err(|_| stored("hours"))?,
        supervisor_name: row.supervisor_name,
        extended: row.extended,
        cancelled: row.cancelled,
        progress: internship::week_of(start, end, state.clock.today()),
        evaluations,
    })
}

async fn list_internships(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<Vec<InternshipDetail>> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        id.as_str(),
        Resource::Internship,
        Action::Read,
    )
    .await?;
    let mut out = Vec::new();
    for row in db::internships::of(&state.db, &participant.id).await? {
        out.push(detail(&state, row).await?);
    }
    Ok(Json(out))
}

/// Plans an internship: the window and hours (422), then the training and the free period (409).
async fn plan_internship(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<InternshipInput>,
) -> Result<(StatusCode, Json<InternshipDetail>), AppError> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        id.as_str(),
        Resource::Internship,
        Action::Create,
    )
    .await?;
    input
        .validate(&state.settings)
        .map_err(AppError::Validation)?;
    let (Some(organisation_id), Some(start), Some(end), Some(hours)) = (
        &input.organisation_id,
        input.start_date,
        input.end_date,
        input.hours_per_week,
    ) else {
        return Err(AppError::Validation(
            Violation::new("", ViolationKind::Required {}).into(),
        ));
    };
    let organisation = db::organisations::by_id(&state.db, organisation_id.as_str())
        .await?
        .filter(|o| o.municipality_id == participant.municipality_id)
        .ok_or_else(|| {
            AppError::Validation(
                Violation::new("organisation_id", ViolationKind::UnknownRecord {}).into(),
            )
        })?;
    if let Some(opening) = &input.opening_id {
        let ok = db::openings::by_id(&state.db, opening.as_str())
            .await?
            .is_some_and(|o| o.organisation_id == organisation.id && o.kind == "internship");
        if !ok {
            return Err(AppError::Validation(
                Violation::new("opening_id", ViolationKind::UnknownRecord {}).into(),
            ));
        }
    }
    let supervisor = PersonName::parse(&input.supervisor_name)
        .map_err(|kind| AppError::Validation(Violation::new("supervisor_name", kind).into()))?;
    let internship_id = write(
        &state,
        Change::new(&user, &address, "internship.create", "internship"),
        async |tx| {
            let existing: Vec<PlannedInternship> = planned_of(&mut *tx, &participant.id)
                .await?
                .into_iter()
                .map(|(_, p)| p)
                .collect();
            let attended = meetings_attended(&mut *tx, &participant.id).await?;
            internship::check_plan(start, end, &existing, attended, &state.settings)
                .map_err(AppError::Conflict)?;
            Ok(db::internships::insert(
                &mut *tx,
                &db::internships::NewInternship {
                    participant_id: &participant.id,
                    organisation_id: &organisation.id,
                    opening_id: input.opening_id.as_ref().map(|o| o.as_str()),
                    start_date: &start.to_string(),
                    end_date: &end.to_string(),
                    hours_per_week: i64::from(hours),
                    supervisor_name: supervisor.as_str(),
                },
            )
            .await?)
        },
    )
    .await?;
    let row = db::internships::by_id(&state.db, &internship_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(&state, row).await?)))
}

/// An internship the account may use: through the participant's file, or for the company
/// contact through their organisation.
async fn internship_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &str,
    resource: Resource,
    action: Action,
) -> Result<InternshipRow, AppError> {
    let row = db::internships::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    through_organisation_or_participant(
        state,
        user,
        address,
        &row.id,
        &row.organisation_id,
        &row.participant_id,
        resource,
        action,
    )
    .await?;
    Ok(row)
}

async fn get_internship(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<InternshipId>,
) -> ApiResult<InternshipDetail> {
    let row = internship_for(
        &state,
        &user,
        &address,
        id.as_str(),
        Resource::Internship,
        Action::Read,
    )
    .await?;
    detail(&state, row).await.map(Json)
}

/// Extends (a coordinator, once, within the limits) or cancels an internship.
async fn change_internship(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<InternshipId>,
    Json(patch): Json<InternshipPatch>,
) -> ApiResult<InternshipDetail> {
    let row = match &patch {
        InternshipPatch::Extend { .. } => {
            internship_for(
                &state,
                &user,
                &address,
                id.as_str(),
                Resource::InternshipExtension,
                Action::Update,
            )
            .await?
        }
        InternshipPatch::Cancel { .. } => {
            internship_for(
                &state,
                &user,
                &address,
                id.as_str(),
                Resource::Internship,
                Action::Update,
            )
            .await?
        }
    };
    match patch {
        InternshipPatch::Extend { end_date, version } => {
            let (start, current_end) = (day(&row.start_date)?, day(&row.end_date)?);
            let mut violations = Violations::new();
            if let Err(v) = internship::check_extension(
                start,
                current_end,
                end_date,
                row.extended,
                &state.settings,
            ) {
                violations.0.extend(v);
            }
            if !violations.is_empty() {
                return Err(AppError::Validation(violations));
            }
            check_version(row.version, version).map_err(|v| AppError::Conflict(v.into()))?;
            write(
                &state,
                Change::new(&user, &address, "internship.extend", "internship"),
                async |tx| {
                    let others: Vec<PlannedInternship> = planned_of(&mut *tx, &row.participant_id)
                        .await?
                        .into_iter()
                        .filter(|(other, _)| *other != row.id)
                        .map(|(_, p)| p)
                        .collect();
                    internship::check_extension_overlap(current_end, end_date, &others)
                        .map_err(AppError::Conflict)?;
                    if db::internships::extend(&mut *tx, &row.id, version, &end_date.to_string())
                        .await?
                    {
                        Ok(row.id.clone())
                    } else {
                        Err(stale(tx, "internships", &row.id, version).await)
                    }
                },
            )
            .await?;
        }
        InternshipPatch::Cancel { version } => {
            check_version(row.version, version).map_err(|v| AppError::Conflict(v.into()))?;
            write(
                &state,
                Change::new(&user, &address, "internship.cancel", "internship"),
                async |tx| {
                    if db::internships::cancel(&mut *tx, &row.id, version).await? {
                        Ok(row.id.clone())
                    } else {
                        Err(stale(tx, "internships", &row.id, version).await)
                    }
                },
            )
            .await?;
        }
    }
    let row = db::internships::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail(&state, row).await.map(Json)
}

/// The supervisor (company contact) and the coach each evaluate at midterm and at the end.
async fn evaluate_internship(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<InternshipId>,
    Json(input): Json<EvaluationInput>,
) -> Result<(StatusCode, Json<InternshipDetail>), AppError> {
    let row = internship_for(
        &state,
        &user,
        &address,
        id.as_str(),
        Resource::Evaluation,
        Action::Create,
    )
    .await?;
    let evaluation = input.validate().map_err(AppError::Validation)?;
    let own = match user.role {
        Role::CompanyContact => Evaluator::Supervisor,
        Role::Coach | Role::Coordinator | Role::Participant | Role::MunicipalityViewer => {
            Evaluator::Coach
        }
    };
    if evaluation.evaluator != own {
        return Err(AppError::Validation(
            Violation::new("evaluator", ViolationKind::NotAllowedForRole {}).into(),
        ));
    }
    let scores = [
        i64::from(evaluation.punctuality.get()),
        i64::from(evaluation.cooperation.get()),
        i64::from(evaluation.dutch_at_work.get()),
        i64::from(evaluation.professional_skills.get()),
    ];
    let moment = name_of(&evaluation.moment)?;
    let evaluator = name_of(&evaluation.evaluator)?;
    write(
        &state,
        Change::new(&user, &address, "evaluation.create", "internship"),
        async |tx| {
            let stored_new = db::internships::insert_evaluation(
                &mut *tx,
                &db::internships::NewEvaluation {
                    internship_id: &row.id,
                    moment: &moment,
                    evaluator: &evaluator,
                    scores,
                    remarks: evaluation.remarks.as_str(),
                },
            )
            .await?;
            if stored_new {
                Ok(row.id.clone())
            } else {
                Err(AppError::Conflict(
                    Violation::new("moment", ViolationKind::AlreadyRegistered {}).into(),
                ))
            }
        },
    )
    .await?;
    let row = db::internships::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(&state, row).await?)))
}
