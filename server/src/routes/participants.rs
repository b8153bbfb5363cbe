//! Participants (reading; the intake form comes with the training screens).

use axum::{Router, extract::State, http::StatusCode, routing::get};
use shared::{
    Violation, ViolationKind, Violations,
    api::{
        Page, PageQuery, ParticipantDetail, ParticipantInput, ParticipantPatch, ParticipantSummary,
        ValidParticipant, paths,
    },
    ids::{MunicipalityId, ParticipantId},
    roles::Role,
    rules::{coach::check_caseload, training::check_cohort_capacity, versions::check_version},
};

use super::{Change, page, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, participant_for},
    auth::{ClientAddress, CurrentUser},
    db::{self, participants::ParticipantRow},
    error::Path,
    error::{ApiResult, Json, Query},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::PARTICIPANTS,
            get(list_participants).post(create_participant),
        )
        .route(
            paths::PARTICIPANT_PATTERN,
            get(get_participant).patch(update_participant),
        )
}

fn refused(field: &str, kind: ViolationKind) -> Violations {
    Violation::new(field, kind).into()
}

/// The participant's municipality must be in the account's region (422, audited).
async fn in_region(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    municipality_id: &MunicipalityId,
) -> Result<(), AppError> {
    if user.holds(municipality_id) {
        return Ok(());
    }
    Err(access::unknown_in_region(
        state,
        user,
        address,
        Resource::Municipality,
        Some(municipality_id.as_str()),
        "municipality_id",
    )
    .await)
}

/// The cohort and the coach must belong to the participant's municipality, the cohort must have
/// room and the coach must have room in their caseload (only checked when they change).
async fn check_placement(
    tx: &mut sqlx::SqliteConnection,
    state: &AppState,
    valid: &ValidParticipant,
    before: Option<&ParticipantRow>,
) -> Result<(), AppError> {
    let municipality = &valid.municipality_id;
    if let Some(cohort) = &valid.cohort_id {
        let row = db::cohorts::by_id(&mut *tx, cohort)
            .await?
            .filter(|c| &c.municipality_id == municipality)
            .ok_or_else(|| {
                AppError::Validation(refused("cohort_id", ViolationKind::UnknownRecord {}))
            })?;
        if before.and_then(|b| b.cohort_id.as_ref()) != Some(&row.id) {
            let current = db::participants::count_in_cohort(&mut *tx, &row.id).await?;
            check_cohort_capacity(
                u32::try_from(current).unwrap_or(u32::MAX),
                1,
                &state.settings,
            )
            .map_err(|kind| AppError::Conflict(refused("cohort_id", kind)))?;
        }
    }
    if let Some(coach) = &valid.coach_id {
        let is_coach_here = match db::users::by_id(&mut *tx, coach).await? {
            Some(u) if u.role == Role::Coach && !u.disabled => {
                db::users::municipalities(&mut *tx, &u.id)
                    .await?
                    .contains(municipality)
            }
            Some(_) | None => false,
        };
        if !is_coach_here {
            return Err(AppError::Validation(refused(
                "coach_id",
                ViolationKind::UnknownRecord {},
            )));
        }
        if before.and_then(|b| b.coach_id.as_ref()) != Some(coach) {
            let current = db::participants::count_of_coach(&mut *tx, coach).await?;
            check_caseload(u32::try_from(current).unwrap_or(u32::MAX), &state.settings)
                .map_err(|kind| AppError::Conflict(refused("coach_id", kind)))?;
        }
    }
    Ok(())
}

async fn create_participant(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Json(input): Json<ParticipantInput>,
) -> Result<(StatusCode, Json<ParticipantDetail>), AppError> {
    access::require(
        &state,
        &user,
        &address,
        Resource::Participant,
        Action::Create,
    )
    .await?;
    let valid = input.validate().map_err(AppError::Validation)?;
    in_region(&state, &user, &address, &valid.municipality_id).await?;
    let id = write(
        &state,
        Change::new(&user, &address, "participant.create", "participant"),
        async |tx| {
            check_placement(tx, &state, &valid, None).await?;
            Ok(db::participants::insert(&mut *tx, &valid).await?)
        },
    )
    .await?;
    let row = db::participants::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(row.try_into()?)))
}

/// Edits the profile. A coach may not move the participant to another municipality, cohort or
/// coach; that is the coordinator's.
async fn update_participant(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(patch): Json<ParticipantPatch>,
) -> ApiResult<ParticipantDetail> {
    let row = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Participant,
        Action::Update,
    )
    .await?;
    // The municipality it will be in must be the account's, checked on the stored profile inside
    // the write; that refusal is logged after the write has been rolled back.
    let mut outside_region = None;
    let version = patch.version;
    let written = write(
        &state,
        Change::new(&user, &address, "participant.update", "participant").reaching(
            &row.id,
            Resource::Participant,
            Action::Update,
        ),
        async |tx| {
            let stored = db::participants::by_id(&mut *tx, &row.id)
                .await?
                .ok_or(AppError::NotFound)?;
            let stored_version = stored.version;
            let detail = ParticipantDetail::try_from(stored.clone())?;
            let merged = patch.merge_over(ParticipantInput::from(&detail));
            let valid = merged.validate().map_err(AppError::Validation)?;
            if !user.holds(&valid.municipality_id) {
                outside_region = Some(valid.municipality_id.clone());
                return Err(AppError::Validation(refused(
                    "municipality_id",
                    ViolationKind::UnknownRecord {},
                )));
            }
            if user.role == Role::Coach {
                let mut v = Violations::new();
                if valid.municipality_id != stored.municipality_id {
                    v.push("municipality_id", ViolationKind::NotAllowedForRole {});
                }
                if valid.cohort_id != stored.cohort_id {
                    v.push("cohort_id", ViolationKind::NotAllowedForRole {});
                }
                if valid.coach_id != stored.coach_id {
                    v.push("coach_id", ViolationKind::NotAllowedForRole {});
                }
                if !v.is_empty() {
                    return Err(AppError::Validation(v));
                }
            }
            check_version(stored_version, version).map_err(|v| AppError::Conflict(v.into()))?;
            if user.role != Role::Coach {
                check_placement(tx, &state, &valid, Some(&stored)).await?;
            }
            let updated = db::participants::update(&mut *tx, &row.id, version, &valid).await?;
            if updated {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Participants, &row.id, version).await)
            }
        },
    )
    .await;
    if let Some(municipality_id) = outside_region {
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
    written?;
    let row = db::participants::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(row.try_into()?))
}

async fn list_participants(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Query(query): Query<PageQuery>,
) -> ApiResult<Page<ParticipantSummary>> {
    let relation =
        access::require(&state, &user, &address, Resource::Participant, Action::Read).await?;
    let limit = query.limit();
    let rows = db::participants::list(
        &state.db,
        user.scope(relation),
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.to_string(), |r| Ok(r.into())).map(Json)
}

async fn get_participant(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<ParticipantDetail> {
    let row = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Participant,
        Action::Read,
    )
    .await?;
    Ok(Json(row.try_into()?))
}
