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
        ConsentDetail, ConsentInput, ConsentPurpose, IntroductionDetail, IntroductionInput,
        IntroductionPatch, SharedProfile, paths, paths::ParticipantSub,
    },
    ids::{ConsentId, IntroductionId, MunicipalityId, OpeningId, OrganisationId, ParticipantId},
    roles::Role,
    rules::{
        introduction::{IntroductionStatus, transition},
        versions::check_version,
    },
    values::{DutchLevel, LanguageCode},
};

use super::{
    Change, date, name_of, parse_name,
    participants::{participant_for, through_organisation_or_participant},
    stale, write,
};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, Ties},
    auth::{ClientAddress, CurrentUser},
    db::{self, introductions::IntroductionRow},
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

fn stored(what: &str) -> AppError {
    AppError::Internal(format!("stored {what}"))
}

/// An introduction as the account may see it: the organisation sees only the consented profile,
/// never the participant's id.
async fn detail(
    state: &AppState,
    user: &CurrentUser,
    row: IntroductionRow,
) -> Result<IntroductionDetail, AppError> {
    let for_organisation = user.role == Role::CompanyContact;
    let participant = if for_organisation {
        if db::introductions::shares_profile_with(
            &state.db,
            &row.participant_id,
            &row.organisation_id,
        )
        .await?
        {
            let p = db::participants::by_id(&state.db, &row.participant_id)
                .await?
                .ok_or_else(|| stored("participant"))?;
            Some(SharedProfile {
                first_name: p.first_name,
                languages: p
                    .languages
                    .split(',')
                    .filter(|l| !l.is_empty())
                    .map(LanguageCode::parse)
                    .collect::<Result<_, _>>()
                    .map_err(|_| stored("languages"))?,
                dutch_level: DutchLevel::parse(&p.dutch_level).map_err(|_| stored("level"))?,
            })
        } else {
            None
        }
    } else {
        None
    };
    Ok(IntroductionDetail {
        id: IntroductionId::parse(row.id).map_err(|_| stored("id"))?,
        version: row.version,
        organisation_id: OrganisationId::parse(row.organisation_id).map_err(|_| stored("id"))?,
        organisation_name: row.organisation_name,
        opening_id: row
            .opening_id
            .map(OpeningId::parse)
            .transpose()
            .map_err(|_| stored("id"))?,
        // The motivation is part of what the participant consented to share.
        motivation: if for_organisation && participant.is_none() {
            String::new()
        } else {
            row.motivation
        },
        status: parse_name(&row.status)?,
        participant,
        participant_id: if for_organisation {
            None
        } else {
            Some(ParticipantId::parse(row.participant_id).map_err(|_| stored("id"))?)
        },
    })
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
        id.as_str(),
        Resource::Introduction,
        Action::Read,
    )
    .await?;
    let mut out = Vec::new();
    for row in db::introductions::of_participant(&state.db, &participant.id).await? {
        out.push(detail(&state, &user, row).await?);
    }
    Ok(Json(out))
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
    let org = db::organisations::by_id(&state.db, id.as_str())
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
    let mut out = Vec::new();
    for row in db::introductions::of_organisation(&state.db, &org.id).await? {
        out.push(detail(&state, &user, row).await?);
    }
    Ok(Json(out))
}

/// A coach proposes the participant to an organisation; the participant must have consented to
/// share their profile with it.
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
        id.as_str(),
        Resource::Introduction,
        Action::Create,
    )
    .await?;
    let motivation = input.validate().map_err(AppError::Validation)?;
    let organisation_id = input
        .organisation_id
        .as_ref()
        .map(|o| o.as_str())
        .unwrap_or("");
    let org = db::organisations::by_id(&state.db, organisation_id)
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
            .is_some_and(|o| o.organisation_id == org.id);
        if !ok {
            return Err(AppError::Validation(
                Violation::new("opening_id", ViolationKind::UnknownRecord {}).into(),
            ));
        }
    }
    let introduction = write(
        &state,
        Change::new(&user, &address, "introduction.create", "introduction"),
        async |tx| {
            if !db::introductions::shares_profile_with(&mut *tx, &participant.id, &org.id).await? {
                return Err(AppError::Conflict(
                    Violation::new("organisation_id", ViolationKind::ConsentMissing {}).into(),
                ));
            }
            Ok(db::introductions::insert(
                &mut *tx,
                &participant.id,
                &org.id,
                input.opening_id.as_ref().map(|o| o.as_str()),
                motivation.as_str(),
            )
            .await?)
        },
    )
    .await?;
    let row = db::introductions::by_id(&state.db, &introduction)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(detail(&state, &user, row).await?)))
}

/// The organisation accepts or declines; then the meeting and its result are recorded.
async fn answer_introduction(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<IntroductionId>,
    Json(patch): Json<IntroductionPatch>,
) -> ApiResult<IntroductionDetail> {
    let row = db::introductions::by_id(&state.db, id.as_str())
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
    let from: IntroductionStatus = parse_name(&row.status)?;
    transition(from, patch.status, user.role)
        .map_err(|kind| AppError::Validation(Violation::new("status", kind).into()))?;
    check_version(row.version, patch.version).map_err(|v| AppError::Conflict(v.into()))?;
    let status = name_of(&patch.status)?;
    write(
        &state,
        Change::new(&user, &address, "introduction.update", "introduction"),
        async |tx| {
            if db::introductions::set_status(&mut *tx, &row.id, patch.version, &status).await? {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, "introductions", &row.id, patch.version).await)
            }
        },
    )
    .await?;
    let row = db::introductions::by_id(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    detail(&state, &user, row).await.map(Json)
}

async fn consents(state: &AppState, participant_id: &str) -> Result<Vec<ConsentDetail>, AppError> {
    db::introductions::consents_of(&state.db, participant_id)
        .await?
        .into_iter()
        .map(|c| {
            Ok(ConsentDetail {
                id: ConsentId::parse(c.id).map_err(|_| stored("id"))?,
                version: c.version,
                purpose: parse_name(&c.purpose)?,
                organisation_id: c
                    .organisation_id
                    .map(OrganisationId::parse)
                    .transpose()
                    .map_err(|_| stored("id"))?,
                municipality_id: c
                    .municipality_id
                    .map(MunicipalityId::parse)
                    .transpose()
                    .map_err(|_| stored("id"))?,
                recipient_name: c.recipient_name,
                given: c.given,
                changed_on: date(Some(&c.changed_on))?.ok_or_else(|| stored("date"))?,
            })
        })
        .collect()
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
        id.as_str(),
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
        id.as_str(),
        Resource::Consent,
        Action::Update,
    )
    .await?;
    input.validate().map_err(AppError::Validation)?;
    let (organisation, municipality) = match input.purpose {
        ConsentPurpose::IntroductionProfile => {
            let id = input
                .organisation_id
                .as_ref()
                .map(|o| o.as_str())
                .unwrap_or("");
            let org = db::organisations::by_id(&state.db, id)
                .await?
                .filter(|o| o.municipality_id == participant.municipality_id)
                .ok_or_else(|| {
                    AppError::Validation(
                        Violation::new("organisation_id", ViolationKind::UnknownRecord {}).into(),
                    )
                })?;
            (Some(org.id), None)
        }
        ConsentPurpose::MunicipalityResults => {
            let id = input
                .municipality_id
                .as_ref()
                .map(|m| m.as_str())
                .unwrap_or("");
            if id != participant.municipality_id {
                return Err(AppError::Validation(
                    Violation::new("municipality_id", ViolationKind::UnknownRecord {}).into(),
                ));
            }
            (None, Some(id.to_owned()))
        }
    };
    let action = if input.given {
        "consent.give"
    } else {
        "consent.withdraw"
    };
    let purpose = name_of(&input.purpose)?;
    write(
        &state,
        Change::new(&user, &address, action, "participant"),
        async |tx| {
            db::introductions::set_consent(
                tx,
                &participant.id,
                &purpose,
                organisation.as_deref(),
                municipality.as_deref(),
                input.given,
                &state.clock.today().to_string(),
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
