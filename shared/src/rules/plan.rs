//! The action plan: goals with target dates, actions with an owner, and who may tick what.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    roles::Role,
    values::{ActionText, Title},
    violation::{ViolationKind, Violations},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum GoalStatus {
    Open,
    Reached,
    Dropped,
}

/// Who is to carry out an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum ActionOwner {
    Participant,
    Coach,
}

/// A goal as typed in a form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct GoalInput {
    pub title: String,
    pub target_date: Option<NaiveDate>,
    pub status: Option<GoalStatus>,
}

/// A goal that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidGoal {
    pub title: Title,
    pub target_date: Option<NaiveDate>,
    pub status: GoalStatus,
}

fn check_not_past(
    violations: &mut Violations,
    field: &str,
    date: Option<NaiveDate>,
    today: NaiveDate,
) {
    if date.is_some_and(|d| d < today) {
        violations.push(field, ViolationKind::InThePast {});
    }
}

impl GoalInput {
    /// Title 3..=120 characters; a target date, when set, not in the past. A goal that is not new
    /// keeps its stored target date even when that has passed (`unchanged_target_date`).
    pub fn validate(
        &self,
        today: NaiveDate,
        unchanged_target_date: Option<NaiveDate>,
    ) -> Result<ValidGoal, Violations> {
        let mut violations = Violations::new();
        let title = violations.check("title", Title::parse(&self.title));
        if self.target_date != unchanged_target_date {
            check_not_past(&mut violations, "target_date", self.target_date, today);
        }
        match title {
            Some(title) if violations.is_empty() => Ok(ValidGoal {
                title,
                target_date: self.target_date,
                status: self.status.unwrap_or(GoalStatus::Open),
            }),
            Some(_) | None => Err(violations),
        }
    }
}

/// An action as typed in a form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ActionInput {
    pub text: String,
    pub due_date: Option<NaiveDate>,
    pub owner: Option<ActionOwner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAction {
    pub text: ActionText,
    pub due_date: Option<NaiveDate>,
    pub owner: ActionOwner,
}

impl ActionInput {
    /// Text 3..=200 characters, an owner, a due date (when set) not in the past.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidAction, Violations> {
        let mut violations = Violations::new();
        let text = violations.check("text", ActionText::parse(&self.text));
        if self.owner.is_none() {
            violations.push("owner", ViolationKind::Required {});
        }
        check_not_past(&mut violations, "due_date", self.due_date, today);
        match (text, self.owner) {
            (Some(text), Some(owner)) if violations.is_empty() => Ok(ValidAction {
                text,
                due_date: self.due_date,
                owner,
            }),
            (Some(_) | None, Some(_) | None) => Err(violations),
        }
    }
}

/// Whether `role` may tick an action of `owner` off (or undo that). A participant ticks only
/// their own actions; the coach and the coordinator any action of a participant they may edit.
pub fn may_tick(role: Role, owner: ActionOwner) -> Result<(), ViolationKind> {
    match (role, owner) {
        (Role::Participant, ActionOwner::Participant)
        | (Role::Coach | Role::Coordinator, ActionOwner::Participant | ActionOwner::Coach) => {
            Ok(())
        }
        (Role::Participant, ActionOwner::Coach)
        | (Role::CompanyContact | Role::MunicipalityViewer, _) => {
            Err(ViolationKind::NotAllowedForRole {})
        }
    }
}

/// Goals reached out of goals not dropped.
pub fn goals_reached(statuses: impl IntoIterator<Item = GoalStatus>) -> (u32, u32) {
    statuses
        .into_iter()
        .fold((0, 0), |(reached, counted), status| match status {
            GoalStatus::Reached => (reached + 1, counted + 1),
            GoalStatus::Open => (reached, counted + 1),
            GoalStatus::Dropped => (reached, counted),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn goal(title: &str, target: Option<NaiveDate>) -> GoalInput {
        GoalInput {
            title: title.into(),
            target_date: target,
            status: None,
        }
    }

    #[test]
    fn a_goal_with_a_title_and_a_target_date_today_is_accepted_as_open() {
        let valid = goal("Find an internship in care", Some(day(10)))
            .validate(day(10), None)
            .unwrap();
        assert_eq!(valid.status, GoalStatus::Open);
    }

    #[test]
    fn a_goal_with_a_target_date_yesterday_is_in_the_past() {
        let err = goal("Find an internship", Some(day(9)))
            .validate(day(10), None)
            .unwrap_err();
        assert_eq!(err.0[0].field, "target_date");
        assert_eq!(err.0[0].kind, ViolationKind::InThePast {});
    }

    #[test]
    fn a_stored_target_date_that_has_passed_may_stay_when_the_goal_is_edited() {
        let edited = GoalInput {
            status: Some(GoalStatus::Reached),
            ..goal("Find an internship", Some(day(1)))
        };
        assert!(edited.validate(day(10), Some(day(1))).is_ok());
    }

    #[test]
    fn a_goal_without_a_target_date_is_accepted() {
        assert!(goal("Learn to cycle", None).validate(day(10), None).is_ok());
    }

    #[test]
    fn a_goal_reports_every_broken_rule_at_once() {
        let err = goal("ab", Some(day(1)))
            .validate(day(10), None)
            .unwrap_err();
        let fields: Vec<&str> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["title", "target_date"]);
        assert_eq!(err.0[0].kind, ViolationKind::TooShort { min: 3 });
    }

    #[test]
    fn an_action_needs_text_of_3_to_200_characters_and_an_owner() {
        let err = ActionInput {
            text: "x".repeat(201),
            due_date: None,
            owner: None,
        }
        .validate(day(10))
        .unwrap_err();
        assert_eq!(err.0[0].kind, ViolationKind::TooLong { max: 200 });
        assert_eq!(err.0[1].field, "owner");
        assert!(
            ActionInput {
                text: "Call the school".into(),
                due_date: Some(day(10)),
                owner: Some(ActionOwner::Participant),
            }
            .validate(day(10))
            .is_ok()
        );
    }

    #[test]
    fn a_participant_ticks_only_their_own_actions() {
        assert!(may_tick(Role::Participant, ActionOwner::Participant).is_ok());
        assert_eq!(
            may_tick(Role::Participant, ActionOwner::Coach),
            Err(ViolationKind::NotAllowedForRole {})
        );
    }

    #[test]
    fn a_coach_ticks_any_action_and_a_company_contact_none() {
        assert!(may_tick(Role::Coach, ActionOwner::Participant).is_ok());
        assert!(may_tick(Role::Coach, ActionOwner::Coach).is_ok());
        assert!(may_tick(Role::CompanyContact, ActionOwner::Participant).is_err());
        assert!(may_tick(Role::MunicipalityViewer, ActionOwner::Coach).is_err());
    }

    #[test]
    fn dropped_goals_do_not_count_towards_the_goals_reached() {
        let counts = goals_reached([
            GoalStatus::Reached,
            GoalStatus::Open,
            GoalStatus::Dropped,
            GoalStatus::Reached,
        ]);
        assert_eq!(counts, (2, 3));
    }
}
