//! Competences and wishes on a participant's profile, and the suggestions that match people to
//! openings by the shared ranking.

use std::collections::{HashMap, HashSet};

use axum::{Router, extract::State, routing::get};
use shared::{
    api::{
        CompetencesDetail, CompetencesInput, InternOverview, OpeningSuggestion, OpeningSuggestions,
        OrganisationPeople, ParticipantSuggestion, ParticipantSuggestions, VisitOverview, paths,
    },
    ids::{OpeningId, OrganisationId, ParticipantId},
    rules::{
        company_home::evaluations_due,
        competences::{Competences, KnownSector, PostcodeArea},
        internship::week_of,
        matching::{MatchOpening, MatchProfile, RouteStage, rank_openings, rank_participants},
        training::{attended_count, training_complete},
        versions::check_version,
    },
};

use super::{Change, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, Ties, organisation_for, participant_for},
    auth::{ClientAddress, CurrentUser},
    db::{self, matching::OpenOpeningRow, participants::languages_of_stored},
    error::{ApiResult, Json, Path},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            paths::COMPETENCES_PATTERN,
            get(get_competences).put(put_competences),
        )
        .route(
            paths::PARTICIPANT_SUGGESTIONS_PATTERN,
            get(list_participant_suggestions),
        )
        .route(
            paths::OPENING_SUGGESTIONS_PATTERN,
            get(list_opening_suggestions),
        )
        .route(
            paths::ORGANISATION_PEOPLE_PATTERN,
            get(get_organisation_people),
        )
}

pub(super) async fn stored_competences(
    db: impl sqlx::SqliteExecutor<'_>,
    participant: &ParticipantId,
) -> Result<(i64, Competences), AppError> {
    match db::competences::of(db, participant).await? {
        Some(row) => Ok((row.version, row.try_into()?)),
        None => Ok((0, Competences::default())),
    }
}

async fn get_competences(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<CompetencesDetail> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Competences,
        Action::Read,
    )
    .await?;
    let (version, competences) = stored_competences(&state.db, &participant.id).await?;
    Ok(Json(CompetencesDetail {
        participant_id: participant.id,
        version,
        competences,
    }))
}

/// Saves the whole set; the first save names version 0.
async fn put_competences(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<CompetencesInput>,
) -> ApiResult<CompetencesDetail> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Competences,
        Action::Update,
    )
    .await?;
    let valid = input.validate().map_err(AppError::Validation)?;
    let version = input.version;
    write(
        &state,
        Change::new(&user, &address, "competences.update", "participant").reaching(
            &participant.id,
            Resource::Competences,
            Action::Update,
        ),
        async |tx| {
            match db::competences::of(&mut *tx, &participant.id).await? {
                None => {
                    check_version(0, version).map_err(|v| AppError::Conflict(v.into()))?;
                    db::competences::insert(&mut *tx, &participant.id, &valid).await?;
                }
                Some(row) => {
                    check_version(row.version, version)
                        .map_err(|v| AppError::Conflict(v.into()))?;
                    // The write lock is held since the version was read: it cannot differ.
                    if !db::competences::update(&mut *tx, &participant.id, version, &valid).await? {
                        return Err(AppError::Internal(
                            "competences changed inside their write".into(),
                        ));
                    }
                }
            }
            Ok(participant.id.clone())
        },
    )
    .await?;
    let (version, competences) = stored_competences(&state.db, &participant.id).await?;
    Ok(Json(CompetencesDetail {
        participant_id: participant.id,
        version,
        competences,
    }))
}

fn match_opening(row: &OpenOpeningRow) -> MatchOpening {
    MatchOpening {
        kind: row.kind,
        dutch_level: row.dutch_level,
        sector: KnownSector::recognise(&row.sector),
        hours_per_week: row.hours_per_week.and_then(|h| u32::try_from(h).ok()),
        postcode_area: Some(PostcodeArea::of(&row.postcode)),
    }
}

async fn list_participant_suggestions(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<OpeningSuggestions> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Suggestion,
        Action::Read,
    )
    .await?;
    let today = state.clock.today();
    let attended = attended_count(
        db::cohorts::attendance_of(&state.db, &participant.id)
            .await?
            .into_iter()
            .map(|(_, s)| s),
    );
    let internship_done = db::internships::planned_of(&state.db, &participant.id)
        .await?
        .iter()
        .any(|(_, i)| !i.cancelled && i.end < today);
    let (_, competences) = stored_competences(&state.db, &participant.id).await?;
    let profile = MatchProfile {
        ready_for: RouteStage::ready_for(
            training_complete(attended, &state.settings),
            internship_done,
        ),
        dutch_level: participant.dutch_level,
        languages: participant.languages()?,
        competences,
    };
    let rows =
        db::matching::open_openings_in(&state.db, &participant.municipality_id, today).await?;
    let openings: Vec<(OpeningId, MatchOpening)> = rows
        .iter()
        .map(|r| (r.id.clone(), match_opening(r)))
        .collect();
    let by_id: HashMap<&OpeningId, &OpenOpeningRow> = rows.iter().map(|r| (&r.id, r)).collect();
    let items = rank_openings(&profile, &openings)
        .into_iter()
        .filter_map(|(id, fit)| {
            by_id.get(&id).map(|r| OpeningSuggestion {
                opening_id: r.id.clone(),
                organisation_id: r.organisation_id.clone(),
                organisation_name: r.organisation_name.clone(),
                organisation_kind: r.organisation_kind,
                kind: r.kind,
                title: r.title.clone(),
                date: r.date,
                start_date: r.start_date,
                dutch_level: r.dutch_level,
                score: fit.score,
                reasons: fit.reasons,
                concerns: fit.concerns,
            })
        })
        .collect();
    Ok(Json(OpeningSuggestions { items }))
}

async fn list_opening_suggestions(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OpeningId>,
) -> ApiResult<ParticipantSuggestions> {
    let relation =
        access::require(&state, &user, &address, Resource::Suggestion, Action::Read).await?;
    let (row, municipality) = db::matching::opening(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    access::check(
        &state,
        &user,
        &address,
        Resource::Opening,
        &row.id,
        relation,
        &Ties {
            municipality_ids: std::slice::from_ref(&municipality),
            organisation_id: Some(&row.organisation_id),
            ..Ties::default()
        },
    )
    .await?;
    let today = state.clock.today();
    let opening = match_opening(&row);
    let people = db::matching::participants_in(&state.db, &municipality).await?;
    let mut statuses: HashMap<ParticipantId, Vec<_>> = HashMap::new();
    for (participant, status) in db::matching::attendance_in(&state.db, &municipality).await? {
        statuses.entry(participant).or_default().push(status);
    }
    let completed: HashSet<ParticipantId> =
        db::matching::internship_completed_in(&state.db, &municipality, today)
            .await?
            .into_iter()
            .collect();
    let mut competences: HashMap<ParticipantId, Competences> = HashMap::new();
    for c in db::competences::of_municipality(&state.db, &municipality).await? {
        competences.insert(c.participant_id.clone(), c.try_into()?);
    }
    let mut profiles = Vec::with_capacity(people.len());
    for p in &people {
        let attended = attended_count(statuses.remove(&p.id).unwrap_or_default());
        profiles.push((
            p.id.clone(),
            MatchProfile {
                ready_for: RouteStage::ready_for(
                    training_complete(attended, &state.settings),
                    completed.contains(&p.id),
                ),
                dutch_level: p.dutch_level,
                languages: languages_of_stored(&p.languages)?,
                competences: competences.remove(&p.id).unwrap_or_default(),
            },
        ));
    }
    let by_id: HashMap<&ParticipantId, _> = people.iter().map(|p| (&p.id, p)).collect();
    let items = rank_participants(&opening, &profiles)
        .into_iter()
        .filter_map(|(id, fit)| {
            by_id.get(&id).map(|p| ParticipantSuggestion {
                participant_id: p.id.clone(),
                first_name: p.first_name.to_string(),
                last_name: p.last_name.to_string(),
                dutch_level: p.dutch_level,
                score: fit.score,
                reasons: fit.reasons,
                concerns: fit.concerns,
            })
        })
        .collect();
    Ok(Json(ParticipantSuggestions { items }))
}

/// The organisation's current and upcoming interns (a first name only where the intern consented
/// to share their profile with it) and its upcoming visits with the number registered, for its
/// contact (and coordinators); no other organisation's people.
async fn get_organisation_people(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
) -> ApiResult<OrganisationPeople> {
    let organisation = organisation_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Internship,
        Action::Read,
    )
    .await?;
    let today = state.clock.today();
    let done = db::matching::supervisor_evaluations_of(&state.db, &organisation.id).await?;
    let interns = db::matching::interns_of(&state.db, &organisation.id, today)
        .await?
        .into_iter()
        .map(|i| {
            let moments: Vec<_> = done
                .iter()
                .filter(|(internship, _)| *internship == i.id)
                .map(|(_, m)| *m)
                .collect();
            InternOverview {
                progress: week_of(i.start_date, i.end_date, today),
                evaluations_due: evaluations_due(i.start_date, i.end_date, today, &moments),
                internship_id: i.id,
                first_name: i.first_name,
                start_date: i.start_date,
                end_date: i.end_date,
                supervisor_name: i.supervisor_name,
            }
        })
        .collect();
    let visits = db::matching::visits_of(&state.db, &organisation.id, today)
        .await?
        .into_iter()
        .map(|v| VisitOverview {
            opening_id: v.id,
            title: v.title,
            date: v.date,
            place: v.place,
            capacity: v.capacity.and_then(|c| u8::try_from(c).ok()),
            registered: u32::try_from(v.registered).unwrap_or(u32::MAX),
        })
        .collect();
    Ok(Json(OrganisationPeople { interns, visits }))
}
