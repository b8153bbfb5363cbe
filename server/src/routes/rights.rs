//! The participant's rights: the download of everything stored about them, and erasure.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use shared::{
    api::{ErasureInput, ExportedContact, ParticipantExport, paths},
    ids::ParticipantId,
    roles::Role,
    rules::erasure::check_confirmation,
};

use super::{budget, history, internships, introductions, plan};
use crate::{
    AppError, AppState,
    access::{Action, Resource, participant_for},
    audit::{self, Entry, Outcome},
    auth::{ClientAddress, CurrentUser},
    db,
    error::{ApiResult, Json, Path},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::PARTICIPANT_EXPORT_PATTERN, get(export_participant))
        .route(paths::PARTICIPANT_ERASURE_PATTERN, post(erase_participant))
}

/// Erases a participant's personal data (a coordinator of the region, confirming with the
/// participant's full name): the fields are overwritten, the account disabled, the records kept
/// as anonymous facts. The audit log keeps the ids only.
async fn erase_participant(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<ErasureInput>,
) -> Result<StatusCode, AppError> {
    let row = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Erasure,
        Action::Disable,
    )
    .await?;
    super::write(
        &state,
        super::Change::new(&user, &address, "participant.erase", "participant").reaching(
            &row.id,
            Resource::Erasure,
            Action::Disable,
        ),
        async |tx| {
            let stored = db::participants::by_id(&mut *tx, &row.id)
                .await?
                .ok_or(AppError::NotFound)?;
            check_confirmation(
                &input.confirm_name,
                stored.first_name.as_str(),
                stored.last_name.as_str(),
            )
            .map_err(|violation| AppError::Validation(violation.into()))?;
            db::erasure::erase(tx, &stored.id).await?;
            Ok(stored.id)
        },
    )
    .await?;
    if let Err(err) = db::erasure::checkpoint(&state.db).await {
        tracing::warn!("the log was not emptied after an erasure: {err}");
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Everything stored about a participant, for the participant themself or a coordinator of the
/// region (who also gets the coaches' own notes, labelled). Written to the audit log.
async fn export_participant(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<ParticipantExport> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::DataExport,
        Action::Read,
    )
    .await?;
    let with_notes = user.role == Role::Coordinator;
    let today = state.clock.today();
    let facts = internships::FileFacts::load(&state, &participant.id).await?;
    let internship_details = db::internships::of(&state.db, &participant.id)
        .await?
        .into_iter()
        .map(|row| facts.detail(&user, row, today))
        .collect::<Result<_, _>>()?;
    let contacts = db::contacts::of(&state.db, &participant.id)
        .await?
        .into_iter()
        .map(|row| {
            let note = row.note.clone();
            let detail = super::contacts::detail(row, false)?;
            Ok(ExportedContact {
                id: detail.id,
                date: detail.date,
                kind: detail.kind,
                minutes: detail.minutes,
                summary: detail.summary,
                coach_only_note: with_notes.then_some(note),
            })
        })
        .collect::<Result<_, AppError>>()?;
    let introduction_rows = db::introductions::of_participant(&state.db, &participant.id).await?;
    let export = ParticipantExport {
        generated_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        includes_coach_notes: with_notes,
        attendance: db::history::attendance_of(&state.db, &participant.id).await?,
        plan: plan::goals_with_actions(&state, &participant.id).await?,
        contacts,
        visits: db::history::visits_of(&state.db, &participant.id).await?,
        internships: internship_details,
        introductions: introductions::details(&state, &user, introduction_rows).await?,
        consents: introductions::consents(&state, &participant.id).await?,
        consent_history: history::entries(
            db::history::consents_of(&state.db, &participant.id).await?,
        )?,
        budget: budget::overview(&state, &participant).await?,
        outcomes: db::outcomes::of(&state.db, &participant.id)
            .await?
            .into_iter()
            .map(TryInto::try_into)
            .collect::<Result<_, _>>()?,
        competences: super::matching::stored_competences(&state.db, &participant.id)
            .await?
            .1,
        civic_integration: super::map::civic_integration(&state, &participant.id).await?,
        profile: participant.clone().try_into()?,
    };
    audit::record(
        &state.db,
        Entry {
            actor: Some(&user.id),
            action: "participant.export",
            record_type: Some("participant"),
            record_id: Some(participant.id.as_str()),
            address: Some(&address.0),
            outcome: Outcome::Success,
        },
    )
    .await?;
    Ok(Json(export))
}
