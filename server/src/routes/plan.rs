//! The action plan: goals with target dates, actions with an owner. A participant ticks off
//! only their own actions.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, patch, post},
};
use shared::{
    Violation, ViolationKind,
    api::{
        ActionDetail, ActionInput, ActionPatch, GoalDetail, GoalInput, GoalPatch, paths,
        paths::ParticipantSub,
    },
    ids::ParticipantId,
    ids::{ActionId, GoalId},
    rules::{plan::may_tick, versions::check_version},
};

use super::{Change, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, participant_for},
    auth::{ClientAddress, CurrentUser},
    db::{self, plan::GoalRow},
    error::Path,
    error::{ApiResult, Json},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            &ParticipantSub::Goals.pattern(),
            get(list_goals).post(create_goal),
        )
        .route(paths::GOAL_PATTERN, patch(update_goal))
        .route(paths::GOAL_ACTIONS_PATTERN, post(create_action))
        .route(paths::ACTION_PATTERN, patch(update_action))
}

pub(super) async fn goals_with_actions(
    state: &AppState,
    participant_id: &ParticipantId,
) -> Result<Vec<GoalDetail>, AppError> {
    let actions = db::plan::actions_of(&state.db, participant_id).await?;
    Ok(db::plan::goals_of(&state.db, participant_id)
        .await?
        .into_iter()
        .map(|g| g.with_actions(&actions))
        .collect())
}

async fn list_goals(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<Vec<GoalDetail>> {
    let participant =
        participant_for(&state, &user, &address, &id, Resource::Plan, Action::Read).await?;
    goals_with_actions(&state, &participant.id).await.map(Json)
}

async fn create_goal(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<GoalInput>,
) -> Result<(StatusCode, Json<GoalDetail>), AppError> {
    let participant =
        participant_for(&state, &user, &address, &id, Resource::Plan, Action::Create).await?;
    let valid = input
        .validate(state.clock.today(), None)
        .map_err(AppError::Validation)?;
    let goal_id = write(
        &state,
        Change::new(&user, &address, "goal.create", "goal").reaching(
            &participant.id,
            Resource::Plan,
            Action::Create,
        ),
        async |tx| {
            Ok(db::plan::insert_goal(
                &mut *tx,
                &participant.id,
                valid.title.as_str(),
                valid.target_date,
                valid.status,
            )
            .await?)
        },
    )
    .await?;
    let row = db::plan::goal(&state.db, &goal_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(row.with_actions(&[]))))
}

/// A goal and its participant, when the account may use the plan for `action`.
async fn goal_for(
    state: &AppState,
    user: &CurrentUser,
    address: &ClientAddress,
    goal_id: &GoalId,
    action: Action,
) -> Result<GoalRow, AppError> {
    // A role without the right learns nothing of the record: 403 before the lookup.
    access::require(state, user, address, Resource::Plan, action).await?;
    let goal = db::plan::goal(&state.db, goal_id)
        .await?
        .ok_or(AppError::NotFound)?;
    participant_for(
        state,
        user,
        address,
        &goal.participant_id,
        Resource::Plan,
        action,
    )
    .await?;
    Ok(goal)
}

async fn update_goal(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<GoalId>,
    Json(patch): Json<GoalPatch>,
) -> ApiResult<GoalDetail> {
    let goal = goal_for(&state, &user, &address, &id, Action::Update).await?;
    let today = state.clock.today();
    let version = patch.version;
    write(
        &state,
        Change::new(&user, &address, "goal.update", "goal").reaching(
            &goal.participant_id,
            Resource::Plan,
            Action::Update,
        ),
        async |tx| {
            let stored = db::plan::goal(&mut *tx, &goal.id)
                .await?
                .ok_or(AppError::NotFound)?;
            let (stored_version, stored_target) = (stored.version, stored.target_date);
            let merged = patch.merge_over(GoalInput::from(&stored.with_actions(&[])));
            // A target date that has passed may stay as it was.
            let valid = merged
                .validate(today, stored_target)
                .map_err(AppError::Validation)?;
            check_version(stored_version, version).map_err(|v| AppError::Conflict(v.into()))?;
            if db::plan::update_goal(
                &mut *tx,
                &goal.id,
                version,
                valid.title.as_str(),
                valid.target_date,
                valid.status,
            )
            .await?
            {
                Ok(goal.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Goals, &goal.id, version).await)
            }
        },
    )
    .await?;
    let actions = db::plan::actions_of(&state.db, &goal.participant_id).await?;
    let row = db::plan::goal(&state.db, &goal.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(row.with_actions(&actions)))
}

async fn create_action(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<GoalId>,
    Json(input): Json<ActionInput>,
) -> Result<(StatusCode, Json<ActionDetail>), AppError> {
    let goal = goal_for(&state, &user, &address, &id, Action::Create).await?;
    let valid = input
        .validate(state.clock.today())
        .map_err(AppError::Validation)?;
    let action_id = write(
        &state,
        Change::new(&user, &address, "action.create", "action").reaching(
            &goal.participant_id,
            Resource::Plan,
            Action::Create,
        ),
        async |tx| {
            Ok(db::plan::insert_action(
                &mut *tx,
                &goal.id,
                valid.text.as_str(),
                valid.due_date,
                valid.owner,
            )
            .await?)
        },
    )
    .await?;
    let row = db::plan::action(&state.db, &action_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

/// Ticks an action off (or back on), or edits it. Ticking is allowed to the participant for
/// their own actions; editing text, date or owner is the coach's and the coordinator's.
async fn update_action(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ActionId>,
    Json(patch): Json<ActionPatch>,
) -> ApiResult<ActionDetail> {
    let only_ticking = patch.text.is_none() && patch.due_date.is_none() && patch.owner.is_none();
    let (resource, action) = if only_ticking {
        (Resource::ActionDone, Action::Update)
    } else {
        (Resource::Plan, Action::Update)
    };
    // A role without the right learns nothing of the record: 403 before the lookup.
    access::require(&state, &user, &address, resource, action).await?;
    let row = db::plan::action(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    participant_for(
        &state,
        &user,
        &address,
        &row.participant_id,
        resource,
        action,
    )
    .await?;
    if patch.done.is_none() && only_ticking {
        return Err(AppError::Validation(
            Violation::new("done", ViolationKind::Required {}).into(),
        ));
    }
    let today = state.clock.today();
    let role = user.role;
    write(
        &state,
        Change::new(&user, &address, "action.update", "action").reaching(
            &row.participant_id,
            resource,
            action,
        ),
        async |tx| {
            let stored = db::plan::action(&mut *tx, &row.id)
                .await?
                .ok_or(AppError::NotFound)?;
            let stored_due = stored.due_date;
            let (text, due_date, owner) = if only_ticking {
                may_tick(role, stored.owner)
                    .map_err(|kind| AppError::Validation(Violation::new("done", kind).into()))?;
                (stored.text.clone(), stored_due, stored.owner)
            } else {
                let input = ActionInput {
                    text: patch.text.clone().unwrap_or_else(|| stored.text.clone()),
                    due_date: patch.due_date.unwrap_or(stored_due),
                    owner: Some(patch.owner.unwrap_or(stored.owner)),
                };
                // A due date that has passed may stay as it was.
                let unchanged_due = input.due_date == stored_due;
                let checked = ActionInput {
                    due_date: if unchanged_due { None } else { input.due_date },
                    ..input.clone()
                };
                let valid = checked.validate(today).map_err(AppError::Validation)?;
                (valid.text.as_str().to_owned(), input.due_date, valid.owner)
            };
            check_version(stored.version, patch.version)
                .map_err(|v| AppError::Conflict(v.into()))?;
            if db::plan::update_action(
                &mut *tx,
                &stored.id,
                patch.version,
                &text,
                due_date,
                owner,
                patch.done.unwrap_or(stored.done),
            )
            .await?
            {
                Ok(stored.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Actions, &stored.id, patch.version).await)
            }
        },
    )
    .await?;
    let row = db::plan::action(&state.db, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Json(row.into()))
}
