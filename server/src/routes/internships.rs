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
        AbsenceInput, EvaluationInput, InternshipDetail, InternshipInput, InternshipPatch,
        PlacementContext, paths, paths::ParticipantSub,
    },
    ids::{InternshipId, ParticipantId},
    roles::Role,
    rules::{
        internship::{self, EvaluationMoment, Evaluator, PlannedInternship},
        openings::OpeningKind,
        placement::{self, PlacementFacts},
        plan::GoalStatus,
        versions::check_version,
    },
    values::PersonName,
};
use sqlx::SqliteConnection;

use super::{Change, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, participant_for, through_organisation_or_participant},
    auth::{ClientAddress, CurrentUser},
    db::{
        self,
        internships::{EvaluationRow, InternshipRow},
        participants::ParticipantRow,
    },
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
        .route(paths::INTERNSHIP_ABSENCE_PATTERN, post(record_absence))
}

/// The coordinator or the coach records hours of absence; they come off the practice hours.
async fn record_absence(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<InternshipId>,
    Json(input): Json<AbsenceInput>,
) -> ApiResult<InternshipDetail> {
    let row = internship_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Internship,
        Action::Update,
    )
    .await?;
    let mut violations = Violations::new();
    match input.hours {
        None => violations.push("hours", ViolationKind::Required {}),
        Some(h) if !(1..=200).contains(&h) => {
            violations.push("hours", ViolationKind::OutOfRange { min: 1, max: 200 });
        }
        Some(_) => {}
    }
    if input.version.is_none() {
        violations.push("version", ViolationKind::Required {});
    }
    let (Some(hours), Some(version)) = (input.hours, input.version) else {
        return Err(AppError::Validation(violations));
    };
    if !violations.is_empty() {
        return Err(AppError::Validation(violations));
    }
    check_version(row.version, version).map_err(|v| AppError::Conflict(v.into()))?;
    write(
        &state,
        Change::new(&user, &address, "internship.absence", "internship").reaching(
            &row.participant_id,
            Resource::Internship,
            Action::Update,
        ),
        async |tx| {
            if db::internships::add_absence(&mut *tx, &row.id, version, hours).await? {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Internships, &row.id, version).await)
            }
        },
    )
    .await?;
    let row = db::internships::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail(&state, &user, row).await.map(Json)
}

/// What the internship page shows of a participant's file, loaded once for all their internships.
pub(super) struct FileFacts {
    participant: ParticipantRow,
    learning_goals: Vec<String>,
    evaluations: Vec<EvaluationRow>,
}

impl FileFacts {
    pub(super) async fn load(
        state: &AppState,
        participant_id: &ParticipantId,
    ) -> Result<Self, AppError> {
        let participant = db::participants::by_id(&state.db, participant_id)
            .await?
            .ok_or_else(|| AppError::stored("internship's participant"))?;
        let learning_goals = db::plan::goals_of(&state.db, participant_id)
            .await?
            .into_iter()
            .filter(|g| g.status != GoalStatus::Dropped)
            .map(|g| g.title)
            .collect();
        let evaluations = db::internships::evaluations_of(&state.db, participant_id).await?;
        Ok(FileFacts {
            participant,
            learning_goals,
            evaluations,
        })
    }

    /// The internship as `user` may see it: a company contact sees only the supervisor's
    /// evaluations, never the coach's.
    pub(super) fn detail(
        &self,
        user: &CurrentUser,
        row: InternshipRow,
        today: NaiveDate,
    ) -> Result<InternshipDetail, AppError> {
        let midterm_evaluated = self
            .evaluations
            .iter()
            .any(|e| e.internship_id == row.id && e.moment == EvaluationMoment::Midterm);
        let evaluations = self
            .evaluations
            .iter()
            .filter(|e| e.internship_id == row.id)
            .filter(|e| user.role != Role::CompanyContact || e.evaluator == Evaluator::Supervisor)
            .cloned()
            .map(Into::into)
            .collect();
        Ok(InternshipDetail {
            id: row.id,
            version: row.version,
            participant_id: row.participant_id,
            participant_first_name: self.participant.first_name.clone().into(),
            participant_last_name: self.participant.last_name.clone().into(),
            learning_goals: self.learning_goals.clone(),
            organisation_id: row.organisation_id,
            organisation_name: row.organisation_name,
            opening_id: row.opening_id,
            start_date: row.start_date,
            end_date: row.end_date,
            original_end_date: row.original_end_date,
            hours_per_week: u32::try_from(row.hours_per_week)
                .map_err(|_| AppError::stored("internship hours"))?,
            supervisor_name: row.supervisor_name.into(),
            extended: row.extended,
            cancelled: row.cancelled,
            progress: internship::week_of(row.start_date, row.end_date, today),
            warnings: if row.cancelled {
                Violations::new()
            } else {
                placement::placement_warnings(
                    row.kind,
                    row.start_date,
                    row.end_date,
                    midterm_evaluated,
                    today,
                )
            },
            kind: row.kind,
            municipal_consent: row.municipal_consent,
            monthly_allowance_cents: row.monthly_allowance_cents,
            absence_hours: u32::try_from(row.absence_hours)
                .map_err(|_| AppError::stored("internship absence"))?,
            evaluations,
        })
    }
}

/// One internship as `user` may see it.
async fn detail(
    state: &AppState,
    user: &CurrentUser,
    row: InternshipRow,
) -> Result<InternshipDetail, AppError> {
    FileFacts::load(state, &row.participant_id)
        .await?
        .detail(user, row, state.clock.today())
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
        &id,
        Resource::Internship,
        Action::Read,
    )
    .await?;
    let facts = FileFacts::load(&state, &participant.id).await?;
    let today = state.clock.today();
    db::internships::of(&state.db, &participant.id)
        .await?
        .into_iter()
        .map(|row| facts.detail(&user, row, today))
        .collect::<Result<_, _>>()
        .map(Json)
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
        &id,
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
    let organisation = db::organisations::by_id(&state.db, organisation_id)
        .await?
        .filter(|o| o.municipality_id == participant.municipality_id)
        .ok_or_else(|| {
            AppError::Validation(
                Violation::new("organisation_id", ViolationKind::UnknownRecord {}).into(),
            )
        })?;
    if let Some(opening) = &input.opening_id {
        let ok = db::openings::by_id(&state.db, opening)
            .await?
            .is_some_and(|o| {
                o.organisation_id == organisation.id && o.kind == OpeningKind::Internship
            });
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
        Change::new(&user, &address, "internship.create", "internship").reaching(
            &participant.id,
            Resource::Internship,
            Action::Create,
        ),
        async |tx| {
            // The placement rules read the file (learning goals, earlier placements with
            // benefit) in the transaction that writes, so parallel plans add up correctly.
            let context = placement_context(&mut *tx, &participant, None).await?;
            let refused = input.check_placement(&context);
            if !refused.is_empty() {
                return Err(AppError::Validation(refused));
            }
            let existing: Vec<PlannedInternship> =
                db::internships::planned_of(&mut *tx, &participant.id)
                    .await?
                    .into_iter()
                    .map(|(_, p)| p)
                    .collect();
            let attended = db::cohorts::meetings_attended(&mut *tx, &participant.id).await?;
            internship::check_plan(start, end, &existing, attended, &state.settings)
                .map_err(AppError::Conflict)?;
            Ok(db::internships::insert(
                &mut *tx,
                &db::internships::NewInternship {
                    participant_id: &participant.id,
                    organisation_id: &organisation.id,
                    opening_id: input.opening_id.as_ref(),
                    start_date: start,
                    end_date: end,
                    hours_per_week: i64::from(hours),
                    supervisor_name: supervisor.as_str(),
                    kind: input.kind,
                    municipal_consent: input.municipal_consent,
                    monthly_allowance_cents: input.monthly_allowance_cents,
                },
            )
            .await?)
        },
    )
    .await?;
    let row = db::internships::by_id(&state.db, &internship_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(&state, &user, row).await?)))
}

/// What the placement rules need of the participant's file and municipality; `except` leaves one
/// internship out of the total of placements with benefit (the one being extended).
async fn placement_context(
    tx: &mut SqliteConnection,
    participant: &ParticipantRow,
    except: Option<&InternshipId>,
) -> Result<PlacementContext, AppError> {
    let settings = db::map::settings_of(&mut *tx, &participant.municipality_id).await?;
    let learning_goals = db::plan::goals_of(&mut *tx, &participant.id)
        .await?
        .into_iter()
        .filter(|g| g.status != GoalStatus::Dropped)
        .count();
    let civic = db::map::civic_integration_of(&mut *tx, &participant.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let earlier_benefit_days = db::internships::of(&mut *tx, &participant.id)
        .await?
        .into_iter()
        .filter(|i| !i.cancelled && i.kind.with_benefit() && Some(&i.id) != except)
        .map(|i| internship::duration_days(i.start_date, i.end_date).max(0))
        .sum();
    Ok(PlacementContext {
        limits: settings.placement_limits(),
        learning_goals: u32::try_from(learning_goals).unwrap_or(u32::MAX),
        date_of_birth: civic.date_of_birth,
        earlier_benefit_days,
    })
}

/// An internship the account may use: through the participant's file, or for the company
/// contact through their organisation.
async fn internship_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &InternshipId,
    resource: Resource,
    action: Action,
) -> Result<InternshipRow, AppError> {
    // A role without the right learns nothing of the record: 403 before the lookup.
    access::require(state, user, address, resource, action).await?;
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
        &id,
        Resource::Internship,
        Action::Read,
    )
    .await?;
    detail(&state, &user, row).await.map(Json)
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
                &id,
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
                &id,
                Resource::Internship,
                Action::Update,
            )
            .await?
        }
    };
    match patch {
        InternshipPatch::Extend { end_date, version } => {
            let (start, current_end) = (row.start_date, row.end_date);
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
            let participant = db::participants::by_id(&state.db, &row.participant_id)
                .await?
                .ok_or_else(|| AppError::stored("internship's participant"))?;
            write(
                &state,
                Change::new(&user, &address, "internship.extend", "internship").reaching(
                    &row.participant_id,
                    Resource::InternshipExtension,
                    Action::Update,
                ),
                async |tx| {
                    let context = placement_context(&mut *tx, &participant, Some(&row.id)).await?;
                    violations.0.extend(placement::check_placement(
                        &PlacementFacts {
                            kind: row.kind,
                            start,
                            end: end_date,
                            extended: true,
                            hours_per_week: u32::try_from(row.hours_per_week).unwrap_or(u32::MAX),
                            learning_goals: context.learning_goals,
                            supervisor_named: true,
                            municipal_consent: row.municipal_consent,
                            monthly_allowance_cents: row.monthly_allowance_cents,
                            date_of_birth: context.date_of_birth,
                            earlier_benefit_days: context.earlier_benefit_days,
                        },
                        &context.limits,
                    ));
                    if !violations.is_empty() {
                        return Err(AppError::Validation(violations));
                    }
                    check_version(row.version, version)
                        .map_err(|v| AppError::Conflict(v.into()))?;
                    let others: Vec<PlannedInternship> =
                        db::internships::planned_of(&mut *tx, &row.participant_id)
                            .await?
                            .into_iter()
                            .filter(|(other, _)| *other != row.id)
                            .map(|(_, p)| p)
                            .collect();
                    internship::check_extension_overlap(current_end, end_date, &others)
                        .map_err(AppError::Conflict)?;
                    if db::internships::extend(&mut *tx, &row.id, version, end_date).await? {
                        Ok(row.id.clone())
                    } else {
                        Err(stale(tx, db::Versioned::Internships, &row.id, version).await)
                    }
                },
            )
            .await?;
        }
        InternshipPatch::Cancel { version } => {
            check_version(row.version, version).map_err(|v| AppError::Conflict(v.into()))?;
            write(
                &state,
                Change::new(&user, &address, "internship.cancel", "internship").reaching(
                    &row.participant_id,
                    Resource::Internship,
                    Action::Update,
                ),
                async |tx| {
                    if db::internships::cancel(&mut *tx, &row.id, version).await? {
                        Ok(row.id.clone())
                    } else {
                        Err(stale(tx, db::Versioned::Internships, &row.id, version).await)
                    }
                },
            )
            .await?;
        }
    }
    let row = db::internships::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail(&state, &user, row).await.map(Json)
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
        &id,
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
    write(
        &state,
        Change::new(&user, &address, "evaluation.create", "internship").reaching(
            &row.participant_id,
            Resource::Evaluation,
            Action::Create,
        ),
        async |tx| {
            let stored_new = db::internships::insert_evaluation(
                &mut *tx,
                &db::internships::NewEvaluation {
                    internship_id: &row.id,
                    moment: evaluation.moment,
                    evaluator: evaluation.evaluator,
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
    Ok((StatusCode::CREATED, Json(detail(&state, &user, row).await?)))
}
