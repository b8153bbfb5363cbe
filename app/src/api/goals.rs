//! The goals of an action plan and their actions: `/goals` and `/actions`.

use shared::{
    api::{ActionDetail, ActionInput, ActionPatch, GoalDetail, GoalPatch, paths},
    ids::{ActionId, GoalId},
};

use super::{ApiError, patch, post};

/// `PATCH /goals/{id}`.
pub async fn update_goal(id: &GoalId, input: &GoalPatch) -> Result<GoalDetail, ApiError> {
    patch(&paths::goal(id), input).await
}

/// `POST /goals/{id}/actions`.
pub async fn create_action(goal: &GoalId, input: &ActionInput) -> Result<ActionDetail, ApiError> {
    post(&paths::goal_actions(goal), input).await
}

/// `PATCH /actions/{id}`: ticking off sends only `done` and the version.
pub async fn update_action(id: &ActionId, input: &ActionPatch) -> Result<ActionDetail, ApiError> {
    patch(&paths::action(id), input).await
}
