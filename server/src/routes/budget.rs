//! The training budget: a coach requests, the sum of pending, approved and paid never passes the
//! cap, and only a coordinator decides.

use axum::{
    Router,
    extract::State,
    http::StatusCode,
    routing::{get, post},
};
use shared::{
    Violation,
    api::{BudgetOverview, ExpenseDecisionInput, ExpenseInput, paths, paths::ParticipantSub},
    ids::ExpenseId,
    ids::ParticipantId,
    rules::{
        budget::{self},
        versions::check_version,
    },
    values::Money,
};
use sqlx::SqliteExecutor;

use super::{Change, stale, write};
use crate::{
    AppError, AppState,
    access::{self, Action, Resource, participant_for},
    auth::{ClientAddress, CurrentUser},
    db::{self, participants::ParticipantRow},
    error::Path,
    error::{ApiResult, Json},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            &ParticipantSub::Expenses.pattern(),
            get(get_budget).post(request_expense),
        )
        .route(paths::EXPENSE_DECISION_PATTERN, post(decide_expense))
}

/// The participant's cap: their municipality's agreement, else the programme's.
async fn cap_of(
    db: impl SqliteExecutor<'_>,
    state: &AppState,
    participant: &ParticipantRow,
) -> Result<Money, AppError> {
    let agreement = db::municipalities::agreement_cap(db, &participant.municipality_id).await?;
    Ok(state.settings.budget_cap_for(agreement))
}

pub(super) async fn overview(
    state: &AppState,
    participant: &ParticipantRow,
) -> Result<BudgetOverview, AppError> {
    let rows = db::expenses::of(&state.db, &participant.id).await?;
    let cap = cap_of(&state.db, state, participant).await?;
    let existing = db::expenses::amounts(&rows);
    Ok(BudgetOverview {
        cap_cents: cap.cents(),
        used_cents: budget::used(&existing).cents(),
        remaining_cents: budget::remaining(cap, &existing).cents(),
        expenses: rows.into_iter().map(Into::into).collect(),
    })
}

async fn get_budget(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
) -> ApiResult<BudgetOverview> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Expense,
        Action::Read,
    )
    .await?;
    overview(&state, &participant).await.map(Json)
}

/// A request within the budget (409 `budget_exceeded` with what remains).
async fn request_expense(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ParticipantId>,
    Json(input): Json<ExpenseInput>,
) -> Result<(StatusCode, Json<BudgetOverview>), AppError> {
    let participant = participant_for(
        &state,
        &user,
        &address,
        &id,
        Resource::Expense,
        Action::Create,
    )
    .await?;
    let valid = input.validate().map_err(AppError::Validation)?;
    write(
        &state,
        Change::new(&user, &address, "expense.create", "expense").reaching(
            &participant.id,
            Resource::Expense,
            Action::Create,
        ),
        async |tx| {
            // The cap and the requests it bounds are read in the transaction that adds to them.
            let cap = cap_of(&mut *tx, &state, &participant).await?;
            let existing =
                db::expenses::amounts(&db::expenses::of(&mut *tx, &participant.id).await?);
            budget::check_request(valid.amount, &existing, cap)
                .map_err(|v: Violation| AppError::Conflict(v.into()))?;
            Ok(db::expenses::insert(
                &mut *tx,
                &participant.id,
                valid.category,
                valid.amount,
                valid.description.as_str(),
                state.clock.today(),
            )
            .await?)
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(overview(&state, &participant).await?),
    ))
}

/// Approve or reject a pending request, or mark an approved one paid.
async fn decide_expense(
    State(state): State<AppState>,
    user: CurrentUser,
    address: ClientAddress,
    Path(id): Path<ExpenseId>,
    Json(input): Json<ExpenseDecisionInput>,
) -> ApiResult<BudgetOverview> {
    // A role without the right learns nothing of the record: 403 before the lookup.
    access::require(
        &state,
        &user,
        &address,
        Resource::ExpenseDecision,
        Action::Update,
    )
    .await?;
    let row = db::expenses::by_id(&state.db, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let participant = participant_for(
        &state,
        &user,
        &address,
        &row.participant_id,
        Resource::ExpenseDecision,
        Action::Update,
    )
    .await?;
    let next = budget::decide(row.status, input.decision, user.role)
        .map_err(|kind| AppError::Validation(Violation::new("decision", kind).into()))?;
    check_version(row.version, input.version).map_err(|v| AppError::Conflict(v.into()))?;
    write(
        &state,
        Change::new(&user, &address, "expense.decide", "expense").reaching(
            &row.participant_id,
            Resource::ExpenseDecision,
            Action::Update,
        ),
        async |tx| {
            if db::expenses::set_status(&mut *tx, &row.id, input.version, next).await? {
                Ok(row.id.clone())
            } else {
                Err(stale(tx, db::Versioned::Expenses, &row.id, input.version).await)
            }
        },
    )
    .await?;
    overview(&state, &participant).await.map(Json)
}
