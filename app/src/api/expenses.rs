//! Requests from the training budget: `/expenses`.

use shared::{
    api::{BudgetOverview, ExpenseDecisionInput, paths},
    ids::ExpenseId,
};

use super::{ApiError, post};

/// `POST /expenses/{id}/decision` (coordinator).
pub async fn decide_expense(
    id: &ExpenseId,
    input: &ExpenseDecisionInput,
) -> Result<BudgetOverview, ApiError> {
    post(&paths::expense_decision(id), input).await
}
