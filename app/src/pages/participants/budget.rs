use leptos::{ev::SubmitEvent, prelude::*};
use shared::{
    Violation,
    api::{BudgetOverview, ErrorKind, ExpenseDecisionInput, ExpenseDetail, ExpenseInput},
    ids::ParticipantId,
    roles::Role,
    rules::budget::{self, ExpenseCategory, ExpenseDecision, ExpenseStatus},
    values::Money,
};

use crate::{
    api,
    components::{
        FieldCheck, Form, FormAlert, Loaded, ParticipantFrame, SelectField, TextAreaField,
        TextField, api_resource, id_param, missing, role, set_page_title, text,
    },
    i18n::use_i18n,
    pages::{
        NotFoundPage,
        companies::keys::{expense_category, expense_decision, expense_status},
    },
};

/// `/participants/{id}/budget`: the training budget as a bar, the requests with the
/// coordinator's decisions, and the form of a new request.
#[component]
pub fn ParticipantBudgetPage() -> impl IntoView {
    set_page_title(text("budget-title"));
    let id = id_param::<ParticipantId>();
    move || match id.get() {
        Some(id) => view! { <Budget id=id /> }.into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

#[component]
fn Budget(id: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let overview = {
        let id = id.clone();
        api_resource(move || {
            let id = id.clone();
            async move { api::participants::budget(&id).await }
        })
    };
    let requests = matches!(role(), Some(Role::Coach | Role::Coordinator));
    let missing = missing(overview);
    let known = Signal::derive(move || overview.get().and_then(Result::ok));
    let changed = Callback::new(move |()| overview.refetch());
    let requested = RwSignal::new(false);
    move || {
        if missing.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let id = id.clone();
        view! {
            <ParticipantFrame id=id.clone() title="budget-title">
                <p role="status" class="status-line">
                    {move || requested.get().then(|| i18n.t("expense-requested"))}
                </p>
                <Loaded resource=overview part=true children=move |o| {
                    view! {
                        <BudgetBar overview=o.clone() />
                        <section class="card" aria-labelledby="expenses-title">
                            <h2 id="expenses-title">{text("expenses-title")}</h2>
                            <Expenses expenses=o.expenses changed=changed />
                        </section>
                    }
                } />
                {requests
                    .then(|| {
                        view! {
                            <RequestForm
                                participant=id.clone()
                                known=known
                                done=Callback::new(move |()| {
                                    requested.set(true);
                                    overview.refetch();
                                })
                                refresh=changed
                            />
                        }
                    })}
            </ParticipantFrame>
        }
        .into_any()
    }
}

/// The budget used of the cap, as a bar and in words.
#[component]
pub fn BudgetBar(overview: BudgetOverview) -> impl IntoView {
    let i18n = use_i18n();
    let BudgetOverview {
        cap_cents,
        used_cents,
        remaining_cents,
        ..
    } = overview;
    let pending = (cap_cents - remaining_cents - used_cents).max(0);
    view! {
        <section class="card budget" aria-labelledby="budget-bar-title">
            <h2 id="budget-bar-title">{text("budget-bar-title")}</h2>
            <meter
                id="budget-meter"
                min="0"
                max=cap_cents.max(1).to_string()
                value=used_cents.to_string()
                aria-labelledby="budget-bar-title"
                aria-describedby="budget-used"
            >
                {move || i18n.euros(used_cents)}
            </meter>
            <p id="budget-used" class="budget-used">
                {move || {
                    i18n.t_with(
                        "budget-used",
                        &[("used", i18n.euros(used_cents)), ("cap", i18n.euros(cap_cents))],
                    )
                }}
            </p>
            <p class="meta">
                {move || {
                    i18n.t_with("budget-remaining", &[("remaining", i18n.euros(remaining_cents))])
                }}
                {(pending > 0)
                    .then(|| {
                        view! {
                            " "
                            {move || {
                                i18n.t_with("budget-pending", &[("pending", i18n.euros(pending))])
                            }}
                        }
                    })}
            </p>
        </section>
    }
}

#[component]
fn Expenses(expenses: Vec<ExpenseDetail>, changed: Callback<()>) -> impl IntoView {
    if expenses.is_empty() {
        return view! { <p>{text("expenses-none")}</p> }.into_any();
    }
    view! {
        <ul class="item-list">
            {expenses
                .into_iter()
                .map(|e| view! { <Expense expense=e changed=changed /> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// One request, with the decisions the coordinator may take on it.
#[component]
fn Expense(expense: ExpenseDetail, changed: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("expense-decision", &[]);
    let shown = form.shown(Vec::new);
    let (category, status, amount) = (expense.category, expense.status, expense.amount_cents);
    let requested_on = expense.requested_on;
    let decisions: Vec<ExpenseDecision> = match role() {
        Some(role) => ExpenseDecision::ALL
            .into_iter()
            .filter(|d| budget::decide(status, *d, role).is_ok())
            .collect(),
        None => Vec::new(),
    };
    let description = expense.description.clone();
    let buttons = (!decisions.is_empty()).then(|| {
        let id = expense.id.clone();
        let version = expense.version;
        view! {
            <div class="actions">
                {decisions
                    .into_iter()
                    .map(|decision| {
                        let id = id.clone();
                        let description = description.clone();
                        view! {
                            <button
                                type="button"
                                class="button button-small"
                                class:button-secondary=decision == ExpenseDecision::Reject
                                aria-disabled=move || form.busy().then_some("true")
                                on:click=move |_| {
                                    let id = id.clone();
                                    form.submit(
                                        Vec::new(),
                                        move || async move {
                                            let input = ExpenseDecisionInput { decision, version };
                                            api::expenses::decide_expense(&id, &input).await
                                        },
                                        move |_| changed.run(()),
                                    );
                                }
                            >
                                {text(expense_decision(decision))}
                                <span class="visually-hidden">": " {description}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <FormAlert form=form shown=shown errors_id="expense-decision-errors" on_reload=Some(changed) />
        }
    });
    view! {
        <li class="expense">
            <h3>
                {move || i18n.euros(amount)} " · " {text(expense_category(category))}
            </h3>
            <p>{expense.description}</p>
            <p class="meta">
                <span
                    class="badge badge-status"
                    class:badge-ok=matches!(status, ExpenseStatus::Approved | ExpenseStatus::Paid)
                >
                    {text(expense_status(status))}
                </span>
                " · "
                {move || i18n.t_with("expense-requested-on", &[("date", i18n.date(&requested_on))])}
            </p>
            {buttons}
        </li>
    }
}

const FIELDS: &[(&str, &str)] = &[
    ("category", "expense-category"),
    ("amount_cents", "expense-amount"),
    ("description", "expense-description"),
];

/// A coach or coordinator requests an expense: `ExpenseInput::validate` and, against the
/// requests shown, `rules::budget::check_request` as the user types and on sending. The server
/// checks the cap again (409 `budget_exceeded` with what remains).
#[component]
fn RequestForm(
    participant: ParticipantId,
    known: Signal<Option<BudgetOverview>>,
    done: Callback<()>,
    /// Loads the budget again, after a refusal by the server.
    refresh: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = Form::new("expense-form", FIELDS);
    let category = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let input = move || ExpenseInput {
        category: ExpenseCategory::ALL
            .into_iter()
            .find(|c| category.with(|v| v == c.as_str())),
        amount_cents: Money::parse(&amount.get()).ok().map(Money::cents),
        description: description.get(),
    };
    let live = move || {
        let typed = input();
        let mut found: Vec<Violation> = match typed.validate() {
            Ok(valid) => known
                .get()
                .and_then(|o| {
                    let existing: Vec<_> = o
                        .expenses
                        .iter()
                        .map(|e| (e.status, Money::from_cents(e.amount_cents)))
                        .collect();
                    budget::check_request(valid.amount, &existing, Money::from_cents(o.cap_cents))
                        .err()
                })
                .into_iter()
                .collect(),
            Err(v) => v.0,
        };
        // A typed amount that is not an amount at all says so, rather than "required".
        if let Err(kind) = Money::parse(&amount.get())
            && !amount.with(|a| a.trim().is_empty())
        {
            found.retain(|v| v.field != "amount_cents");
            found.push(Violation::new("amount_cents", kind));
        }
        found
    };
    let shown = form.shown(live);
    let check =
        move |field: &'static str, errors: &'static str| FieldCheck::new(shown, field, errors);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let participant = participant.clone();
        let input = input();
        form.submit(
            live(),
            move || async move {
                let answer = api::participants::request_expense(&participant, &input).await;
                // Someone else's request came first: show the budget as it is now.
                if answer
                    .as_ref()
                    .is_err_and(|e| e.kind() == Some(ErrorKind::Conflict))
                {
                    refresh.run(());
                }
                answer
            },
            move |_| {
                for value in [category, amount, description] {
                    value.set(String::new());
                }
                done.run(());
            },
        );
    };
    let categories = Signal::derive(move || {
        ExpenseCategory::ALL
            .into_iter()
            .map(|c| (c.as_str().to_owned(), i18n.t(expense_category(c))))
            .collect::<Vec<_>>()
    });
    let t = move |key: &'static str| Signal::derive(move || i18n.t(key));
    view! {
        <section class="card" aria-labelledby="expense-form-title">
            <h2 id="expense-form-title">{text("expense-form-title")}</h2>
            <form
                id="expense-form"
                class="form"
                novalidate
                on:submit=on_submit
                on:input=move |ev| form.changed(&ev)
                aria-busy=move || form.busy().then_some("true")
            >
                <FormAlert form=form shown=shown errors_id="expense-errors" />
                <SelectField
                    id="expense-category"
                    label=t("expense-category")
                    value=category
                    check=check("category", "expense-category-errors")
                    options=categories
                    empty=t("form-choose")
                />
                <TextField
                    id="expense-amount"
                    label=t("expense-amount")
                    value=amount
                    check=check("amount_cents", "expense-amount-errors").with_hint("expense-amount-hint")
                    hint=t("expense-amount-hint")
                    inputmode="decimal"
                    dir="ltr"
                />
                <TextAreaField
                    id="expense-description"
                    label=t("expense-description")
                    value=description
                    check=check("description", "expense-description-errors")
                    rows=3
                />
                <button type="submit" class="button">
                    {move || if form.busy() { i18n.t("form-saving") } else { i18n.t("expense-submit") }}
                </button>
            </form>
        </section>
    }
}
