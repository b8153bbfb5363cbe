//! Warm introductions, and the consent that lets an organisation see the participant.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, patch},
};
use shared::{
    Violation, ViolationKind,
    api::{
        ConsentDetail, ConsentGiver, ConsentInput, ConsentPurpose, IntroductionDetail,
        IntroductionInput, IntroductionPatch, SharedProfile, paths, paths::ParticipantSub,
    },
    ids::{IntroductionId, OrganisationId, ParticipantId},
    roles::Role,
    rules::{
        introduction::{IntroductionStatus, transition},
        versions::check_version,
    },
};

use super::{Change, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, Ties, participant_for, through_organisation_or_participant},
    auth::{ClientAddress, CurrentUser},
    db::{
        self,
        introductions::{IntroductionRow, SharedProfileRow},
    },
    error::Path,
    error::{ApiResult, Json},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            &ParticipantSub::Introductions.pattern(),
            get(list_introductions).post(propose_introduction),
        )
        .route(paths::INTRODUCTION_PATTERN, patch(answer_introduction))
        .route(
            "/organisations/{id}/introductions",
            get(list_organisation_introductions),
        )
        .route(
            &ParticipantSub::Consents.pattern(),
            get(list_consents).post(set_consent),
        )
}

/// An introduction as the account may see it: the organisation sees only the consented profile
/// (`shared`, when the participant consented), never the participant's id.
fn detail(
    user: &CurrentUser,
    row: IntroductionRow,
    shared: Option<SharedProfile>,
    waiting_for_consent: bool,
) -> IntroductionDetail {
    let for_organisation = user.role == Role::CompanyContact;
    let participant = if for_organisation { shared } else { None };
    IntroductionDetail {
        id: row.id,
        version: row.version,
        organisation_id: row.organisation_id,
        organisation_name: row.organisation_name,
        opening_id: row.opening_id,
        // The motivation is part of what the participant consented to share.
        motivation: if for_organisation && participant.is_none() {
            String::new()
        } else {
            row.motivation
        },
        status: row.status,
        participant,
        participant_id: (!for_organisation).then_some(row.participant_id),
        waiting_for_consent,
    }
}

/// The introductions as the account may see them, with the profiles shared with their
/// organisations loaded once per organisation. An organisation never sees a proposal that waits
/// for the participant's consent; after a withdrawal it keeps seeing an introduction it already
/// answered, without the profile.
pub(super) async fn details(
    state: &AppState,
    user: &CurrentUser,
    rows: Vec<IntroductionRow>,
) -> Result<Vec<IntroductionDetail>, AppError> {
    let mut shared: Vec<SharedProfileRow> = Vec::new();
    let mut consenting: Vec<(ParticipantId, OrganisationId)> = Vec::new();
    if user.role == Role::CompanyContact {
        let mut organisations: Vec<&OrganisationId> =
            rows.iter().map(|r| &r.organisation_id).collect();
        organisations.sort();
        organisations.dedup();
        for organisation in organisations {
            for profile in db::introductions::profiles_shared_with(&state.db, organisation).await? {
                consenting.push((profile.participant_id.clone(), organisation.clone()));
                shared.push(profile);
            }
        }
    } else {
        let mut participants: Vec<&ParticipantId> =
            rows.iter().map(|r| &r.participant_id).collect();
        participants.sort();
        participants.dedup();
        for participant in participants {
            for consent in db::introductions::consents_of(&state.db, participant).await? {
                if let (true, ConsentPurpose::IntroductionProfile, Some(org)) =
                    (consent.given, consent.purpose, consent.organisation_id)
                {
                    consenting.push((participant.clone(), org));
                }
            }
        }
    }
    rows.into_iter()
        .filter_map(|row| {
            let waiting = !consenting
                .iter()
                .any(|(p, o)| *p == row.participant_id && *o == row.organisation_id);
            if waiting
                && row.status == IntroductionStatus::Proposed
                && user.role == Role::CompanyContact
            {
                return None;
            }
            let profile = shared
                .iter()
                .find(|p| p.participant_id == row.participant_id)
                .map(SharedProfileRow::profile)
                .transpose();
            Some(profile.map(|profile| detail(user, row, profile, waiting)))
        })
        .collect()
}

async fn list_introductions(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<Vec<IntroductionDetail>> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Introduction,
        Action::Read,
    )
    .await?;
    let rows = db::introductions::of_participant(&state.db, &participant.id).await?;
    details(&state, &user, rows).await.map(Json)
}

/// The introductions to an organisation, for its company contact (and coordinators).
async fn list_organisation_introductions(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
) -> ApiResult<Vec<IntroductionDetail>> {
    let relation = access::require(
        &state,
        &user,
        &address,
        Resource::Introduction,
        Action::Read,
    )
    .await?;
    let org = db::organisations::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let municipality = [org.municipality_id.clone()];
    let ties = Ties {
        municipality_ids: &municipality,
        organisation_id: Some(&org.id),
        ..Ties::default()
    };
    if !matches!(user.role, Role::CompanyContact | Role::Coordinator) {
        return Err(AppError::Forbidden);
    }
    access::check(
        &state,
        &user,
        &address,
        Resource::Introduction,
        &org.id,
        relation,
        &ties,
    )
    .await?;
    let rows = db::introductions::of_organisation(&state.db, &org.id).await?;
    details(&state, &user, rows).await.map(Json)
}

/// A coach proposes the participant to an organisation. Until the participant consents to share
/// their profile with it, the proposal waits and the organisation does not see it.
async fn propose_introduction(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<IntroductionInput>,
) -> Result<(StatusCode, Json<IntroductionDetail>), AppError> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Introduction,
        Action::Create,
    )
    .await?;
    let motivation = input.validate().map_err(AppError::Validation)?;
    let org = match &input.organisation_id {
        Some(id) => db::organisations::by_id(&state.db, id).await?,
        None => None,
    }
    .filter(|o| o.municipality_id == participant.municipality_id)
    .ok_or_else(|| {
        AppError::Validation(
            Violation::new("organisation_id", ViolationKind::UnknownRecord {}).into(),
        )
    })?;
    if let Some(opening) = &input.opening_id {
        let ok = db::openings::by_id(&state.db, opening)
            .await?
            .is_some_and(|o| o.organisation_id == org.id);
        if !ok {
            return Err(AppError::Validation(
                Violation::new("opening_id", ViolationKind::UnknownRecord {}).into(),
            ));
        }
    }
    let introduction = write(
        &state,
        Change::new(&user, &address, "introduction.create", "introduction").reaching(
            &participant.id,
            Resource::Introduction,
            Action::Create,
        ),
        async |tx| {
            Ok(db::introductions::insert(
                &mut *tx,
                &participant.id,
                &org.id,
                input.opening_id.as_ref(),
                motivation.as_str(),
            )
            .await?)
        },
    )
    .await?;
    let row = db::introductions::by_id(&state.db, &introduction)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut one = details(&state, &user, vec![row]).await?;
    let created = one.pop().ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The organisation accepts or declines; then the meeting and its result are recorded.
async fn answer_introduction(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<IntroductionId>,
    Json(patch): Json<IntroductionPatch>,
) -> ApiResult<IntroductionDetail> {
    // A role without the right learns nothing of the record: 403 before the lookup.
    access::require(
        &state,
        &user,
        &address,
        Resource::Introduction,
        Action::Update,
    )
    .await?;
    let row = db::introductions::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    through_organisation_or_participant(
        &state,
        &user,
        &address,
        &row.id,
        &row.organisation_id,
        &row.participant_id,
        Resource::Introduction,
        Action::Update,
    )
    .await?;
    transition(row.status, patch.status, user.role)
        .map_err(|kind| AppError::Validation(Violation::new("status", kind).into()))?;
    check_version(row.version, patch.version).map_err(|v| AppError::Conflict(v.into()))?;
    write(
        &state,
        Change::new(&user, &address, "introduction.update", "introduction").reaching(
            &row.participant_id,
            Resource::Introduction,
            Action::Update,
        ),
        async |tx| {
            // Nothing moves while the proposal waits for the participant's consent, read in the
            // transaction that writes, so a withdrawal cannot slip in between.
            if !db::introductions::shares_profile_with(
                &mut *tx,
                &row.participant_id,
                &row.organisation_id,
            )
            .await?
            {
                return Err(AppError::Conflict(
                    Violation::new("status", ViolationKind::ConsentMissing {}).into(),
                ));
            }
            if db::introductions::set_status(&mut *tx, &row.id, patch.version, patch.status).await?
            {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Introductions, &row.id, patch.version).await)
            }
        },
    )
    .await?;
    let row = db::introductions::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut one = details(&state, &user, vec![row]).await?;
    one.pop().map(Json).ok_or(AppError::NotFound)
}

pub(super) async fn consents(
    state: &AppState,
    participant_id: &ParticipantId,
) -> Result<Vec<ConsentDetail>, AppError> {
    Ok(db::introductions::consents_of(&state.db, participant_id)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

async fn list_consents(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<Vec<ConsentDetail>> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Consent,
        Action::Read,
    )
    .await?;
    consents(&state, &participant.id).await.map(Json)
}

/// Gives or withdraws consent for one recipient and purpose.
async fn set_consent(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<ConsentInput>,
) -> Result<(StatusCode, Json<Vec<ConsentDetail>>), AppError> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Consent,
        Action::Update,
    )
    .await?;
    input.validate().map_err(AppError::Validation)?;
    let (organisation, municipality) = match input.purpose {
        ConsentPurpose::IntroductionProfile => {
            let org = match &input.organisation_id {
                Some(id) => db::organisations::by_id(&state.db, id).await?,
                None => None,
            }
            .filter(|o| o.municipality_id == participant.municipality_id)
            .ok_or_else(|| {
                AppError::Validation(
                    Violation::new("organisation_id", ViolationKind::UnknownRecord {}).into(),
                )
            })?;
            (Some(org.id), None)
        }
        ConsentPurpose::MunicipalityResults => {
            if input.municipality_id.as_ref() != Some(&participant.municipality_id) {
                return Err(AppError::Validation(
                    Violation::new("municipality_id", ViolationKind::UnknownRecord {}).into(),
                ));
            }
            (None, Some(participant.municipality_id.clone()))
        }
    };
    let action = if input.given {
        "consent.give"
    } else {
        "consent.withdraw"
    };
    write(
        &state,
        Change::new(&user, &address, action, "participant").reaching(
            &participant.id,
            Resource::Consent,
            Action::Update,
        ),
        async |tx| {
            db::introductions::set_consent(
                tx,
                &participant.id,
                input.purpose,
                organisation.as_ref(),
                municipality.as_ref(),
                input.given,
                state.clock.today(),
            )
            .await?;
            let given_by = if user.role == Role::Coach {
                ConsentGiver::Coach
            } else {
                ConsentGiver::Participant
            };
            db::introductions::set_consent_giver(
                &mut *tx,
                &participant.id,
                input.purpose,
                organisation.as_ref(),
                municipality.as_ref(),
                given_by,
            )
            .await?;
            Ok(participant.id.clone())
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(consents(&state, &participant.id).await?),
    ))
}
