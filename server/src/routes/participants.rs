//! Participants (reading; the intake form comes with the training screens).

use axum::{Router, extract::State, http::StatusCode, routing::get};
use shared::{
    Violation, ViolationKind, Violations,
    api::{
        Page, PageQuery, ParticipantDetail, ParticipantInput, ParticipantPatch, ParticipantSummary,
        ValidParticipant, paths,
    },
    ids::{CohortId, MunicipalityId, ParticipantId, UserId},
    roles::Role,
    rules::{coach::check_caseload, training::check_cohort_capacity, versions::check_version},
    values::{DutchLevel, Email, LadderRung, LanguageCode, Phone},
};

use super::{Change, page, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, Ties},
    auth::{ClientAddress, CurrentUser},
    db::{self, Scope, participants::NewParticipant, participants::ParticipantRow},
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

/// A participant whose file the account may use for `action` on `resource`, or 404 (403 when
/// the role may not do this at all).
pub async fn participant_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    id: &str,
    resource: Resource,
    action: Action,
) -> Result<ParticipantRow, AppError> {
    let relation = access::require(state, user, address, resource, action).await?;
    let row = db::participants::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [row.municipality_id.clone()];
    access::check(
        state,
        user,
        address,
        resource,
        &row.id,
        relation,
        &Ties {
            municipality_ids: &municipality,
            participant_id: Some(&row.id),
            coach_id: row.coach_id.as_deref(),
            ..Ties::default()
        },
    )
    .await?;
    Ok(row)
}

/// Access to a record kept in a participant's file that its organisation also reaches (an
/// internship, an introduction): a company contact through the organisation, everyone else
/// through the participant.
#[expect(
    clippy::too_many_arguments,
    reason = "the record's two ties and the access asked for"
)]
pub async fn through_organisation_or_participant(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    record_id: &str,
    organisation_id: &str,
    participant_id: &str,
    resource: Resource,
    action: Action,
) -> Result<(), AppError> {
    if user.role == Role::CompanyContact {
        let relation = access::require(state, user, address, resource, action).await?;
        access::check(
            state,
            user,
            address,
            resource,
            record_id,
            relation,
            &Ties {
                organisation_id: Some(organisation_id),
                ..Ties::default()
            },
        )
        .await
    } else {
        participant_for(state, user, address, participant_id, resource, action)
            .await
            .map(|_| ())
    }
}

fn refused(field: &str, kind: ViolationKind) -> Violations {
    Violation::new(field, kind).into()
}

/// The cohort and the coach must belong to the participant's municipality, the cohort must have
/// room and the coach must have room in their caseload (only checked when they change).
async fn check_placement(
    tx: &mut sqlx::SqliteConnection,
    state: &AppState,
    user: &CurrentUser,
    valid: &ValidParticipant,
    before: Option<&ParticipantRow>,
) -> Result<(), AppError> {
    let municipality = valid.municipality_id.as_str();
    if !user.municipality_ids.iter().any(|m| m == municipality) {
        return Err(AppError::Validation(refused(
            "municipality_id",
            ViolationKind::UnknownRecord {},
        )));
    }
    if let Some(cohort) = &valid.cohort_id {
        let row = db::cohorts::by_id(&mut *tx, cohort.as_str())
            .await?
            .filter(|c| c.municipality_id == municipality)
            .ok_or_else(|| {
                AppError::Validation(refused("cohort_id", ViolationKind::UnknownRecord {}))
            })?;
        if before.and_then(|b| b.cohort_id.as_deref()) != Some(row.id.as_str()) {
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
        let is_coach_here = match db::users::by_id(&mut *tx, coach.as_str()).await? {
            Some(u) if u.role == Role::Coach.as_str() && !u.disabled => {
                db::users::municipalities(&mut *tx, &u.id)
                    .await?
                    .iter()
                    .any(|m| m == municipality)
            }
            Some(_) | None => false,
        };
        if !is_coach_here {
            return Err(AppError::Validation(refused(
                "coach_id",
                ViolationKind::UnknownRecord {},
            )));
        }
        if before.and_then(|b| b.coach_id.as_deref()) != Some(coach.as_str()) {
            let current = db::participants::count_of_coach(&mut *tx, coach.as_str()).await?;
            check_caseload(u32::try_from(current).unwrap_or(u32::MAX), &state.settings)
                .map_err(|kind| AppError::Conflict(refused("coach_id", kind)))?;
        }
    }
    Ok(())
}

/// The stored columns of a valid profile.
fn columns<'a>(valid: &'a ValidParticipant, languages: &'a str) -> NewParticipant<'a> {
    NewParticipant {
        first_name: valid.first_name.as_str(),
        last_name: valid.last_name.as_str(),
        email: valid.email.as_str(),
        phone: valid.phone.as_ref().map(|p| p.as_str()),
        languages,
        dutch_level: valid.dutch_level.as_str(),
        municipality_id: valid.municipality_id.as_str(),
        cohort_id: valid.cohort_id.as_ref().map(|c| c.as_str()),
        coach_id: valid.coach_id.as_ref().map(|c| c.as_str()),
        ladder_rung_at_intake: i64::from(valid.ladder_rung_at_intake),
    }
}

fn stored_languages(valid: &ValidParticipant) -> String {
    valid
        .languages
        .iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(",")
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
    let languages = stored_languages(&valid);
    let id = write(
        &state,
        Change::new(&user, &address, "participant.create", "participant"),
        async |tx| {
            check_placement(tx, &state, &user, &valid, None).await?;
            Ok(db::participants::insert(&mut *tx, &columns(&valid, &languages)).await?)
        },
    )
    .await?;
    let row = db::participants::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(row)?)))
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
        id.as_str(),
        Resource::Participant,
        Action::Update,
    )
    .await?;
    let valid = patch.profile.validate().map_err(AppError::Validation)?;
    if user.role == Role::Coach {
        let mut v = Violations::new();
        if valid.municipality_id.as_str() != row.municipality_id {
            v.push("municipality_id", ViolationKind::NotAllowedForRole {});
        }
        if valid.cohort_id.as_ref().map(|c| c.as_str()) != row.cohort_id.as_deref() {
            v.push("cohort_id", ViolationKind::NotAllowedForRole {});
        }
        if valid.coach_id.as_ref().map(|c| c.as_str()) != row.coach_id.as_deref() {
            v.push("coach_id", ViolationKind::NotAllowedForRole {});
        }
        if !v.is_empty() {
            return Err(AppError::Validation(v));
        }
    }
    check_version(row.version, patch.version).map_err(|v| AppError::Conflict(v.into()))?;
    let languages = stored_languages(&valid);
    write(
        &state,
        Change::new(&user, &address, "participant.update", "participant"),
        async |tx| {
            if user.role != Role::Coach {
                check_placement(tx, &state, &user, &valid, Some(&row)).await?;
            }
            let updated = db::participants::update(
                &mut *tx,
                &row.id,
                patch.version,
                &columns(&valid, &languages),
            )
            .await?;
            if updated {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, "participants", &row.id, patch.version).await)
            }
        },
    )
    .await?;
    let row = db::participants::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail(row).map(Json)
}

fn stored(what: &str) -> AppError {
    AppError::Internal(format!("stored participant {what}"))
}

fn summary(row: ParticipantRow) -> Result<ParticipantSummary, AppError> {
    Ok(ParticipantSummary {
        id: ParticipantId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        first_name: row.first_name,
        last_name: row.last_name,
        cohort_id: row
            .cohort_id
            .map(CohortId::parse)
            .transpose()
            .map_err(|_| stored("cohort"))?,
        coach_id: row
            .coach_id
            .map(UserId::parse)
            .transpose()
            .map_err(|_| stored("coach"))?,
    })
}

fn detail(row: ParticipantRow) -> Result<ParticipantDetail, AppError> {
    Ok(ParticipantDetail {
        id: ParticipantId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        first_name: row.first_name,
        last_name: row.last_name,
        email: Email::parse(&row.email).map_err(|_| stored("email"))?,
        phone: row
            .phone
            .as_deref()
            .map(Phone::parse)
            .transpose()
            .map_err(|_| stored("phone"))?,
        languages: row
            .languages
            .split(',')
            .filter(|l| !l.is_empty())
            .map(LanguageCode::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| stored("languages"))?,
        dutch_level: DutchLevel::parse(&row.dutch_level).map_err(|_| stored("level"))?,
        municipality_id: MunicipalityId::parse(row.municipality_id)
            .map_err(|_| stored("municipality"))?,
        cohort_id: row
            .cohort_id
            .map(CohortId::parse)
            .transpose()
            .map_err(|_| stored("cohort"))?,
        coach_id: row
            .coach_id
            .map(UserId::parse)
            .transpose()
            .map_err(|_| stored("coach"))?,
        ladder_rung_at_intake: LadderRung::new(row.ladder_rung_at_intake)
            .map_err(|_| stored("rung"))?,
    })
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
        Scope::of(&user, relation),
        query.cursor.as_deref().unwrap_or(""),
        limit,
    )
    .await?;
    page(rows, limit, |r| r.id.clone(), summary).map(Json)
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
        id.as_str(),
        Resource::Participant,
        Action::Read,
    )
    .await?;
    detail(row).map(Json)
}
