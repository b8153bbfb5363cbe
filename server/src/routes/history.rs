//! The history of a record: which fields each change touched, old and new value, who and when.
//! For coordinators of the region, and coaches for their own participants' files.

use std::collections::HashMap;

use axum::{Router, extract::State, routing::get};
use shared::{
    api::{FieldChange, HistoryEntry, paths},
    ids::{InternshipId, OpeningId, OrganisationId, ParticipantId},
    roles::Role,
};

use crate::{
    AppError, AppState,
    access::{Action, Resource, organisation_for, participant_for},
    auth::{ClientAddress, CurrentUser},
    db::{self, history::HistoryRow},
    error::{ApiResult, Json, Path},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::PARTICIPANT_HISTORY_PATTERN, get(participant_history))
        .route(paths::INTERNSHIP_HISTORY_PATTERN, get(internship_history))
        .route(
            paths::ORGANISATION_HISTORY_PATTERN,
            get(organisation_history),
        )
        .route(paths::OPENING_HISTORY_PATTERN, get(opening_history))
}

pub(super) fn entries(rows: Vec<HistoryRow>) -> Result<Vec<HistoryEntry>, AppError> {
    rows.into_iter()
        .map(|row| {
            let changes: Vec<FieldChange> = serde_json::from_str::<Vec<StoredChange>>(&row.changes)
                .map_err(|_| AppError::stored("history"))?
                .into_iter()
                .map(|c| FieldChange {
                    field: c.field,
                    old: c.old,
                    new: c.new,
                    old_name: None,
                    new_name: None,
                })
                .collect();
            Ok(HistoryEntry {
                record_type: row.record_type,
                record_id: row.record_id,
                at: row.at,
                actor_id: row.actor_id,
                actor_name: row.actor_name,
                action: row.action,
                created: row.created,
                changes,
            })
        })
        .collect()
}

/// Names the records the ids of a participant's history stand for: a cohort, a municipality, a
/// coach. A person's name only for whom the reader sees: a coordinator every coach, a coach
/// themselves.
async fn name_ids(
    state: &AppState,
    user: &CurrentUser,
    entries: &mut [HistoryEntry],
) -> Result<(), AppError> {
    let mut known: HashMap<(String, String), Option<String>> = HashMap::new();
    for change in entries.iter_mut().flat_map(|e| e.changes.iter_mut()) {
        let person = match change.field.as_str() {
            "cohort_id" | "municipality_id" => false,
            "coach_id" => true,
            _ => continue,
        };
        for (id, name) in [
            (&change.old, &mut change.old_name),
            (&change.new, &mut change.new_name),
        ] {
            let Some(id) = id else { continue };
            if person && user.role != Role::Coordinator && id.as_str() != user.id.as_str() {
                continue;
            }
            let key = (change.field.clone(), id.clone());
            if !known.contains_key(&key) {
                let found = db::history::name_of(&state.db, &change.field, id).await?;
                known.insert(key.clone(), found);
            }
            name.clone_from(&known[&key]);
        }
    }
    Ok(())
}

/// One element of the stored JSON array.
#[derive(serde::Deserialize)]
struct StoredChange {
    field: String,
    old: Option<String>,
    new: Option<String>,
}

/// The participant and everything in their file: plan, internships, expenses, consents.
async fn participant_history(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<Vec<HistoryEntry>> {
    let row = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::History,
        Action::Read,
    )
    .await?;
    let mut history = entries(db::history::of_participant(&state.db, &row.id).await?)?;
    name_ids(&state, &user, &mut history).await?;
    Ok(Json(history))
}

async fn internship_history(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<InternshipId>,
) -> ApiResult<Vec<HistoryEntry>> {
    crate::access::require(&state, &user, &address, Resource::History, Action::Read).await?;
    let internship = db::internships::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    participant_for(
        &state,
        &user,
        &address,
        &internship.participant_id,
        Resource::History,
        Action::Read,
    )
    .await?;
    entries(db::history::of_record(&state.db, "internship", internship.id.as_str()).await?)
        .map(Json)
}

async fn organisation_history(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OrganisationId>,
) -> ApiResult<Vec<HistoryEntry>> {
    let row = organisation_for(
        &state,
        &user,
        &address,
        &id,
        Resource::History,
        Action::Read,
    )
    .await?;
    entries(db::history::of_record(&state.db, "organisation", row.id.as_str()).await?).map(Json)
}

async fn opening_history(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<OpeningId>,
) -> ApiResult<Vec<HistoryEntry>> {
    crate::access::require(&state, &user, &address, Resource::History, Action::Read).await?;
    let opening = db::openings::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    organisation_for(
        &state,
        &user,
        &address,
        &opening.organisation_id,
        Resource::History,
        Action::Read,
    )
    .await?;
    entries(db::history::of_record(&state.db, "opening", opening.id.as_str()).await?).map(Json)
}
