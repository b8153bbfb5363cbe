//! The training budget: requests within the cap, decided only by a coordinator.
//!
//! A request counts against the cap from the moment it is made (pending), through approval, to
//! payment; a rejected request no longer counts.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::roles::Role;
use crate::values::{BoundedText, Money};
use crate::violation::{Violation, ViolationKind, Violations};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum ExpenseCategory {
    Course,
    /// An exam or the recognition of a diploma.
    Exam,
    Materials,
    Travel,
    Other,
}

impl ExpenseCategory {
    pub const ALL: [ExpenseCategory; 5] = [
        ExpenseCategory::Course,
        ExpenseCategory::Exam,
        ExpenseCategory::Materials,
        ExpenseCategory::Travel,
        ExpenseCategory::Other,
    ];

    /// The stable name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpenseCategory::Course => "course",
            ExpenseCategory::Exam => "exam",
            ExpenseCategory::Materials => "materials",
            ExpenseCategory::Travel => "travel",
            ExpenseCategory::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum ExpenseStatus {
    Pending,
    Approved,
    Rejected,
    Paid,
}

impl ExpenseStatus {
    pub const ALL: [ExpenseStatus; 4] = [
        ExpenseStatus::Pending,
        ExpenseStatus::Approved,
        ExpenseStatus::Rejected,
        ExpenseStatus::Paid,
    ];

    /// The stable name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpenseStatus::Pending => "pending",
            ExpenseStatus::Approved => "approved",
            ExpenseStatus::Rejected => "rejected",
            ExpenseStatus::Paid => "paid",
        }
    }

    /// Whether a request in this state counts against the cap.
    pub fn is_committed(self) -> bool {
        match self {
            ExpenseStatus::Pending | ExpenseStatus::Approved | ExpenseStatus::Paid => true,
            ExpenseStatus::Rejected => false,
        }
    }

    /// Whether a request in this state has been granted (approved or already paid).
    pub fn is_used(self) -> bool {
        match self {
            ExpenseStatus::Approved | ExpenseStatus::Paid => true,
            ExpenseStatus::Pending | ExpenseStatus::Rejected => false,
        }
    }
}

/// What a coordinator decides about a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExpenseDecision {
    Approve,
    Reject,
    MarkPaid,
}

impl ExpenseDecision {
    pub const ALL: [ExpenseDecision; 3] = [
        ExpenseDecision::Approve,
        ExpenseDecision::Reject,
        ExpenseDecision::MarkPaid,
    ];

    /// The stable name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpenseDecision::Approve => "approve",
            ExpenseDecision::Reject => "reject",
            ExpenseDecision::MarkPaid => "mark_paid",
        }
    }

    /// The state a request reaches by this decision.
    pub fn target(self) -> ExpenseStatus {
        match self {
            ExpenseDecision::Approve => ExpenseStatus::Approved,
            ExpenseDecision::Reject => ExpenseStatus::Rejected,
            ExpenseDecision::MarkPaid => ExpenseStatus::Paid,
        }
    }

    /// Whether this decision may be taken about a request in `status`.
    pub fn applies_to(self, status: ExpenseStatus) -> bool {
        match status {
            ExpenseStatus::Pending => match self {
                ExpenseDecision::Approve | ExpenseDecision::Reject => true,
                ExpenseDecision::MarkPaid => false,
            },
            ExpenseStatus::Approved => match self {
                ExpenseDecision::MarkPaid => true,
                ExpenseDecision::Approve | ExpenseDecision::Reject => false,
            },
            ExpenseStatus::Rejected | ExpenseStatus::Paid => false,
        }
    }
}

impl fmt::Display for ExpenseCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for ExpenseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for ExpenseDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The sum of the requests that count against the cap: pending, approved and paid.
pub fn committed(existing: &[(ExpenseStatus, Money)]) -> Money {
    existing
        .iter()
        .filter(|(status, _)| status.is_committed())
        .map(|(_, amount)| *amount)
        .sum()
}

/// The sum of the requests granted: approved and paid.
pub fn used(existing: &[(ExpenseStatus, Money)]) -> Money {
    existing
        .iter()
        .filter(|(status, _)| status.is_used())
        .map(|(_, amount)| *amount)
        .sum()
}

/// What is left to request: the cap minus what is committed, never below zero.
pub fn remaining(cap: Money, existing: &[(ExpenseStatus, Money)]) -> Money {
    cap.saturating_sub(committed(existing)).max(Money::ZERO)
}

/// Checks a new request of `amount` against the participant's other requests and the cap. A
/// request that uses up exactly what remains is accepted.
pub fn check_request(
    amount: Money,
    existing: &[(ExpenseStatus, Money)],
    cap: Money,
) -> Result<(), Violation> {
    if amount <= Money::ZERO {
        return Err(Violation::new(
            "amount_cents",
            ViolationKind::AmountNotPositive {},
        ));
    }
    let fits = committed(existing)
        .checked_add(amount)
        .is_some_and(|total| total <= cap);
    if fits {
        Ok(())
    } else {
        Err(Violation::new(
            "amount_cents",
            ViolationKind::BudgetExceeded {
                remaining_cents: remaining(cap, existing).cents(),
            },
        ))
    }
}

/// The state a request in `status` reaches by `decision` of someone in `role`. Only a coordinator
/// decides; a pending request is approved or rejected, an approved one is then paid.
pub fn decide(
    status: ExpenseStatus,
    decision: ExpenseDecision,
    role: Role,
) -> Result<ExpenseStatus, ViolationKind> {
    match role {
        Role::Coordinator => {}
        Role::Participant | Role::Coach | Role::CompanyContact | Role::MunicipalityViewer => {
            return Err(ViolationKind::NotAllowedForRole {});
        }
    }
    let to = decision.target();
    if decision.applies_to(status) {
        Ok(to)
    } else {
        Err(ViolationKind::InvalidTransition {
            from: status.as_str().to_owned(),
            to: to.as_str().to_owned(),
        })
    }
}

/// The description of an expense: 3..=500 characters.
pub type ExpenseDescription = BoundedText<3, 500>;

/// A budget request as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ExpenseInput {
    pub category: Option<ExpenseCategory>,
    pub amount_cents: Option<i64>,
    #[serde(default)]
    pub description: String,
}

/// A well-formed budget request. Whether it fits the budget is checked by [`check_request`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidExpense {
    pub category: ExpenseCategory,
    /// More than zero.
    pub amount: Money,
    pub description: ExpenseDescription,
}

impl ExpenseInput {
    /// The category is required, the amount required and more than zero, the description
    /// 3..=500 characters. Returns all violations at once.
    pub fn validate(&self) -> Result<ValidExpense, Violations> {
        let mut violations = Violations::new();
        let category =
            violations.check("category", self.category.ok_or(ViolationKind::Required {}));
        let amount = violations.check(
            "amount_cents",
            match self.amount_cents {
                None => Err(ViolationKind::Required {}),
                Some(cents) if cents <= 0 => Err(ViolationKind::AmountNotPositive {}),
                Some(cents) => Ok(Money::from_cents(cents)),
            },
        );
        let description =
            violations.check("description", ExpenseDescription::parse(&self.description));
        // Each field is `None` exactly when it pushed a violation.
        let (Some(category), Some(amount), Some(description)) = (category, amount, description)
        else {
            return Err(violations);
        };
        Ok(ValidExpense {
            category,
            amount,
            description,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn euros(e: i64) -> Money {
        Money::from_cents(e * 100)
    }

    const CAP: Money = Money::from_cents(100_000);

    #[test]
    fn committed_counts_pending_approved_and_paid_but_not_rejected() {
        let existing = [
            (ExpenseStatus::Pending, euros(100)),
            (ExpenseStatus::Approved, euros(200)),
            (ExpenseStatus::Paid, euros(300)),
            (ExpenseStatus::Rejected, euros(400)),
        ];
        assert_eq!(committed(&existing), euros(600));
        assert_eq!(used(&existing), euros(500));
        assert_eq!(remaining(CAP, &existing), euros(400));
    }

    #[test]
    fn with_no_requests_the_whole_cap_remains() {
        assert_eq!(committed(&[]), Money::ZERO);
        assert_eq!(used(&[]), Money::ZERO);
        assert_eq!(remaining(CAP, &[]), CAP);
    }

    #[test]
    fn remaining_never_goes_below_zero() {
        // A cap lowered by an agreement after requests were approved.
        let existing = [(ExpenseStatus::Approved, euros(900))];
        assert_eq!(remaining(euros(500), &existing), Money::ZERO);
    }

    #[test]
    fn a_request_that_leaves_exactly_zero_is_accepted() {
        let existing = [
            (ExpenseStatus::Paid, Money::from_cents(40_000)),
            (ExpenseStatus::Pending, Money::from_cents(35_050)),
        ];
        assert_eq!(
            check_request(Money::from_cents(24_950), &existing, CAP),
            Ok(())
        );
    }

    #[test]
    fn a_request_one_cent_over_is_refused_with_what_remains() {
        let existing = [
            (ExpenseStatus::Paid, Money::from_cents(40_000)),
            (ExpenseStatus::Pending, Money::from_cents(35_050)),
        ];
        assert_eq!(
            check_request(Money::from_cents(24_951), &existing, CAP),
            Err(Violation::new(
                "amount_cents",
                ViolationKind::BudgetExceeded {
                    remaining_cents: 24_950
                }
            ))
        );
    }

    #[test]
    fn rejected_requests_do_not_count_against_the_cap() {
        let existing = [(ExpenseStatus::Rejected, CAP)];
        assert_eq!(check_request(CAP, &existing, CAP), Ok(()));
    }

    #[test]
    fn a_request_when_nothing_remains_reports_zero() {
        let existing = [(ExpenseStatus::Approved, CAP)];
        assert_eq!(
            check_request(Money::from_cents(1), &existing, CAP),
            Err(Violation::new(
                "amount_cents",
                ViolationKind::BudgetExceeded { remaining_cents: 0 }
            ))
        );
    }

    #[test]
    fn an_amount_of_zero_or_minus_one_cent_is_not_positive() {
        for cents in [0, -1] {
            assert_eq!(
                check_request(Money::from_cents(cents), &[], CAP),
                Err(Violation::new(
                    "amount_cents",
                    ViolationKind::AmountNotPositive {}
                )),
                "{cents}"
            );
        }
    }

    #[test]
    fn a_huge_request_is_refused_without_overflow() {
        let existing = [(ExpenseStatus::Pending, euros(1))];
        assert_eq!(
            check_request(Money::from_cents(i64::MAX), &existing, CAP),
            Err(Violation::new(
                "amount_cents",
                ViolationKind::BudgetExceeded {
                    remaining_cents: 99_900
                }
            ))
        );
    }

    #[test]
    fn a_coordinator_approves_or_rejects_a_pending_request() {
        use ExpenseDecision::{Approve, Reject};
        assert_eq!(
            decide(ExpenseStatus::Pending, Approve, Role::Coordinator),
            Ok(ExpenseStatus::Approved)
        );
        assert_eq!(
            decide(ExpenseStatus::Pending, Reject, Role::Coordinator),
            Ok(ExpenseStatus::Rejected)
        );
    }

    #[test]
    fn a_coordinator_marks_an_approved_request_paid() {
        assert_eq!(
            decide(
                ExpenseStatus::Approved,
                ExpenseDecision::MarkPaid,
                Role::Coordinator
            ),
            Ok(ExpenseStatus::Paid)
        );
    }

    #[test]
    fn every_other_decision_is_an_invalid_transition_named_by_its_states() {
        let cases = [
            (
                ExpenseStatus::Pending,
                ExpenseDecision::MarkPaid,
                "pending",
                "paid",
            ),
            (
                ExpenseStatus::Approved,
                ExpenseDecision::Approve,
                "approved",
                "approved",
            ),
            (
                ExpenseStatus::Approved,
                ExpenseDecision::Reject,
                "approved",
                "rejected",
            ),
            (
                ExpenseStatus::Rejected,
                ExpenseDecision::Approve,
                "rejected",
                "approved",
            ),
            (
                ExpenseStatus::Rejected,
                ExpenseDecision::Reject,
                "rejected",
                "rejected",
            ),
            (
                ExpenseStatus::Rejected,
                ExpenseDecision::MarkPaid,
                "rejected",
                "paid",
            ),
            (
                ExpenseStatus::Paid,
                ExpenseDecision::Approve,
                "paid",
                "approved",
            ),
            (
                ExpenseStatus::Paid,
                ExpenseDecision::Reject,
                "paid",
                "rejected",
            ),
            (
                ExpenseStatus::Paid,
                ExpenseDecision::MarkPaid,
                "paid",
                "paid",
            ),
        ];
        for (status, decision, from, to) in cases {
            assert_eq!(
                decide(status, decision, Role::Coordinator),
                Err(ViolationKind::InvalidTransition {
                    from: from.to_owned(),
                    to: to.to_owned()
                }),
                "{status} {decision}"
            );
        }
    }

    #[test]
    fn a_coordinator_has_exactly_three_allowed_decisions() {
        let allowed = ExpenseStatus::ALL
            .iter()
            .flat_map(|s| ExpenseDecision::ALL.iter().map(move |d| (*s, *d)))
            .filter(|(s, d)| decide(*s, *d, Role::Coordinator).is_ok())
            .count();
        assert_eq!(allowed, 3);
    }

    #[test]
    fn nobody_but_a_coordinator_decides() {
        for role in [
            Role::Participant,
            Role::Coach,
            Role::CompanyContact,
            Role::MunicipalityViewer,
        ] {
            for status in ExpenseStatus::ALL {
                for decision in ExpenseDecision::ALL {
                    assert_eq!(
                        decide(status, decision, role),
                        Err(ViolationKind::NotAllowedForRole {}),
                        "{role} {status} {decision}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_names_match_the_json() {
        for status in ExpenseStatus::ALL {
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                serde_json::json!(status.as_str())
            );
        }
        for category in ExpenseCategory::ALL {
            assert_eq!(
                serde_json::to_value(category).unwrap(),
                serde_json::json!(category.as_str())
            );
        }
        for decision in ExpenseDecision::ALL {
            assert_eq!(
                serde_json::to_value(decision).unwrap(),
                serde_json::json!(decision.as_str())
            );
        }
        assert_eq!(ExpenseDecision::MarkPaid.to_string(), "mark_paid");
    }

    fn expense_input() -> ExpenseInput {
        ExpenseInput {
            category: Some(ExpenseCategory::Exam),
            amount_cents: Some(12_50),
            description: " Staatsexamen NT2 ".to_owned(),
        }
    }

    #[test]
    fn a_complete_expense_is_accepted() {
        let expense = expense_input().validate().unwrap();
        assert_eq!(expense.category, ExpenseCategory::Exam);
        assert_eq!(expense.amount, Money::from_cents(12_50));
        assert_eq!(expense.description.as_str(), "Staatsexamen NT2");
    }

    #[test]
    fn an_empty_expense_form_reports_every_field() {
        let violations = ExpenseInput::default().validate().unwrap_err();
        assert_eq!(
            violations.0,
            vec![
                Violation::new("category", ViolationKind::Required {}),
                Violation::new("amount_cents", ViolationKind::Required {}),
                Violation::new("description", ViolationKind::Required {}),
            ]
        );
    }

    #[test]
    fn an_expense_of_zero_or_minus_one_cent_is_not_positive_and_one_cent_is_accepted() {
        for cents in [0, -1] {
            let input = ExpenseInput {
                amount_cents: Some(cents),
                ..expense_input()
            };
            assert_eq!(
                input.validate().unwrap_err().0,
                vec![Violation::new(
                    "amount_cents",
                    ViolationKind::AmountNotPositive {}
                )]
            );
        }
        let input = ExpenseInput {
            amount_cents: Some(1),
            ..expense_input()
        };
        assert!(input.validate().is_ok());
    }

    #[test]
    fn a_description_of_2_characters_is_too_short_and_of_501_too_long() {
        let input = |text: String| ExpenseInput {
            description: text,
            ..expense_input()
        };
        assert_eq!(
            input("ab".to_owned()).validate().unwrap_err().0,
            vec![Violation::new(
                "description",
                ViolationKind::TooShort { min: 3 }
            )]
        );
        assert!(input("abc".to_owned()).validate().is_ok());
        assert!(input("x".repeat(500)).validate().is_ok());
        assert_eq!(
            input("x".repeat(501)).validate().unwrap_err().0,
            vec![Violation::new(
                "description",
                ViolationKind::TooLong { max: 500 }
            )]
        );
    }

    #[test]
    fn an_expense_input_reads_from_json() {
        let input: ExpenseInput = serde_json::from_value(serde_json::json!({
            "category": "travel",
            "amount_cents": 1999,
            "description": "OV-kaart"
        }))
        .unwrap();
        assert_eq!(input.category, Some(ExpenseCategory::Travel));
        assert_eq!(input.validate().unwrap().amount, Money::from_cents(1999));
    }

    fn status() -> impl Strategy<Value = ExpenseStatus> {
        prop::sample::select(ExpenseStatus::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn remaining_is_never_negative(
            cap in 0i64..200_000,
            existing in prop::collection::vec((status(), 0i64..80_000), 0..8),
        ) {
            let existing: Vec<_> = existing.into_iter().map(|(s, c)| (s, Money::from_cents(c))).collect();
            prop_assert!(remaining(Money::from_cents(cap), &existing) >= Money::ZERO);
        }

        #[test]
        fn a_request_is_accepted_exactly_when_it_is_positive_and_within_what_remains(
            cap in 0i64..200_000,
            existing in prop::collection::vec((status(), 0i64..80_000), 0..8),
            amount in -1_000i64..200_000,
        ) {
            let existing: Vec<_> = existing.into_iter().map(|(s, c)| (s, Money::from_cents(c))).collect();
            let cap = Money::from_cents(cap);
            let amount = Money::from_cents(amount);
            let left = remaining(cap, &existing);
            let result = check_request(amount, &existing, cap);
            prop_assert_eq!(result.is_ok(), amount > Money::ZERO && amount <= left);
            if amount > Money::ZERO && amount > left {
                prop_assert_eq!(
                    result.unwrap_err().kind,
                    ViolationKind::BudgetExceeded { remaining_cents: left.cents() }
                );
            }
        }
    }
}
