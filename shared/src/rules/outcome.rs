//! The outcome of the route and its follow-up six months later.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{
    values::{BoundedText, LadderRung},
    violation::{ViolationKind, Violations},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum OutcomeKind {
    PaidJob,
    Education,
    Volunteering,
    /// No outcome; a reason is given.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(rename_all = "snake_case"))]
pub enum ContractKind {
    Temporary,
    Permanent,
}

/// Hours per week of a paid job.
pub const JOB_HOURS: std::ops::RangeInclusive<u32> = 1..=40;
/// Months from an outcome to its follow-up.
pub const FOLLOW_UP_MONTHS: u32 = 6;

pub type Reason = BoundedText<3, 500>;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct OutcomeInput {
    pub kind: Option<OutcomeKind>,
    pub date: Option<NaiveDate>,
    pub hours_per_week: Option<u32>,
    pub contract: Option<ContractKind>,
    pub reason: String,
    /// The participation-ladder rung at exit, 1..=6.
    pub ladder_rung: Option<i64>,
}

/// An outcome that passed every rule; the kind carries what it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidOutcome {
    PaidJob {
        date: NaiveDate,
        hours_per_week: u32,
        contract: ContractKind,
    },
    Education {
        date: NaiveDate,
    },
    Volunteering {
        date: NaiveDate,
    },
    None {
        date: NaiveDate,
        reason: Reason,
    },
}

impl OutcomeInput {
    /// A kind; a date not in the future; the ladder rung at exit; for a paid job 1..=40 hours
    /// and a contract; for no outcome a reason of 3..=500 characters.
    pub fn validate(&self, today: NaiveDate) -> Result<(ValidOutcome, LadderRung), Violations> {
        let mut v = Violations::new();
        match self.date {
            None => v.push("date", ViolationKind::Required {}),
            Some(d) if d > today => v.push("date", ViolationKind::InTheFuture {}),
            Some(_) => {}
        }
        let rung = match self.ladder_rung {
            None => {
                v.push("ladder_rung", ViolationKind::Required {});
                None
            }
            Some(n) => v.check("ladder_rung", LadderRung::new(n)),
        };
        let Some(kind) = self.kind else {
            v.push("kind", ViolationKind::Required {});
            return Err(v);
        };
        let outcome = match kind {
            OutcomeKind::PaidJob => {
                match self.hours_per_week {
                    None => v.push("hours_per_week", ViolationKind::Required {}),
                    Some(h) if !JOB_HOURS.contains(&h) => v.push(
                        "hours_per_week",
                        ViolationKind::HoursOutOfRange {
                            min: *JOB_HOURS.start(),
                            max: *JOB_HOURS.end(),
                        },
                    ),
                    Some(_) => {}
                }
                if self.contract.is_none() {
                    v.push("contract", ViolationKind::Required {});
                }
                match (self.date, self.hours_per_week, self.contract) {
                    (Some(date), Some(hours_per_week), Some(contract)) => {
                        Some(ValidOutcome::PaidJob {
                            date,
                            hours_per_week,
                            contract,
                        })
                    }
                    _ => None,
                }
            }
            OutcomeKind::Education => self.date.map(|date| ValidOutcome::Education { date }),
            OutcomeKind::Volunteering => self.date.map(|date| ValidOutcome::Volunteering { date }),
            OutcomeKind::None => {
                let reason = v.check("reason", Reason::parse(&self.reason));
                match (self.date, reason) {
                    (Some(date), Some(reason)) => Some(ValidOutcome::None { date, reason }),
                    _ => None,
                }
            }
        };
        match (outcome, rung) {
            (Some(outcome), Some(rung)) if v.is_empty() => Ok((outcome, rung)),
            _ => Err(v),
        }
    }
}

/// The day the follow-up is due: six months after the outcome (the last day of a shorter month
/// when the day does not exist there).
pub fn follow_up_due(outcome_date: NaiveDate) -> NaiveDate {
    outcome_date
        .checked_add_months(Months::new(FOLLOW_UP_MONTHS))
        .unwrap_or(NaiveDate::MAX)
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct FollowUpInput {
    pub date: Option<NaiveDate>,
    /// Whether the outcome lasted.
    pub lasted: Option<bool>,
    pub ladder_rung: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidFollowUp {
    pub date: NaiveDate,
    pub lasted: bool,
    pub ladder_rung: LadderRung,
}

impl FollowUpInput {
    /// Recorded from the due date on, never in the future, with whether it lasted and the rung.
    pub fn validate(
        &self,
        outcome_date: NaiveDate,
        today: NaiveDate,
    ) -> Result<ValidFollowUp, Violations> {
        let mut v = Violations::new();
        let due = follow_up_due(outcome_date);
        match self.date {
            None => v.push("date", ViolationKind::Required {}),
            Some(d) if d > today => v.push("date", ViolationKind::InTheFuture {}),
            Some(d) if d < due => v.push(
                "date",
                ViolationKind::FollowUpTooEarly {
                    due_date: due.to_string(),
                },
            ),
            Some(_) => {}
        }
        if self.lasted.is_none() {
            v.push("lasted", ViolationKind::Required {});
        }
        let rung = match self.ladder_rung {
            None => {
                v.push("ladder_rung", ViolationKind::Required {});
                None
            }
            Some(n) => v.check("ladder_rung", LadderRung::new(n)),
        };
        match (self.date, self.lasted, rung) {
            (Some(date), Some(lasted), Some(ladder_rung)) if v.is_empty() => Ok(ValidFollowUp {
                date,
                lasted,
                ladder_rung,
            }),
            _ => Err(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn job(hours: u32) -> OutcomeInput {
        OutcomeInput {
            kind: Some(OutcomeKind::PaidJob),
            date: Some(date(2026, 6, 1)),
            hours_per_week: Some(hours),
            contract: Some(ContractKind::Temporary),
            reason: String::new(),
            ladder_rung: Some(6),
        }
    }

    #[test]
    fn a_paid_job_of_1_and_40_hours_is_accepted_and_0_and_41_refused() {
        let today = date(2026, 6, 1);
        assert!(job(1).validate(today).is_ok());
        assert!(job(40).validate(today).is_ok());
        for hours in [0, 41] {
            let err = job(hours).validate(today).unwrap_err();
            assert_eq!(
                err.0[0].kind,
                ViolationKind::HoursOutOfRange { min: 1, max: 40 }
            );
        }
    }

    #[test]
    fn a_paid_job_needs_a_contract() {
        let input = OutcomeInput {
            contract: None,
            ..job(20)
        };
        let err = input.validate(date(2026, 6, 1)).unwrap_err();
        assert_eq!(err.0[0].field, "contract");
    }

    #[test]
    fn an_outcome_dated_tomorrow_is_in_the_future() {
        let err = job(20).validate(date(2026, 5, 31)).unwrap_err();
        assert_eq!(err.0[0].kind, ViolationKind::InTheFuture {});
    }

    #[test]
    fn no_outcome_needs_a_reason() {
        let input = OutcomeInput {
            kind: Some(OutcomeKind::None),
            date: Some(date(2026, 6, 1)),
            ladder_rung: Some(4),
            ..OutcomeInput::default()
        };
        let err = input.validate(date(2026, 6, 1)).unwrap_err();
        assert_eq!(err.0[0].field, "reason");
        let with_reason = OutcomeInput {
            reason: "Moved to another city".into(),
            ..input
        };
        assert!(with_reason.validate(date(2026, 6, 1)).is_ok());
    }

    #[test]
    fn education_needs_only_a_kind_and_a_date() {
        let input = OutcomeInput {
            kind: Some(OutcomeKind::Education),
            date: Some(date(2026, 6, 1)),
            ladder_rung: Some(4),
            ..OutcomeInput::default()
        };
        assert_eq!(
            input.validate(date(2026, 6, 1)),
            Ok((
                ValidOutcome::Education {
                    date: date(2026, 6, 1)
                },
                LadderRung::new(4).unwrap()
            ))
        );
    }

    #[test]
    fn the_rung_at_exit_is_required_and_1_to_6() {
        for (rung, code) in [
            (None, "required"),
            (Some(0), "out_of_range"),
            (Some(7), "out_of_range"),
        ] {
            let input = OutcomeInput {
                ladder_rung: rung,
                ..job(20)
            };
            let err = input.validate(date(2026, 6, 1)).unwrap_err();
            assert_eq!(err.0[0].field, "ladder_rung");
            assert_eq!(err.0[0].kind.code(), code);
        }
    }

    #[test]
    fn the_follow_up_is_due_six_months_later_clamped_to_the_month() {
        assert_eq!(follow_up_due(date(2026, 1, 15)), date(2026, 7, 15));
        assert_eq!(follow_up_due(date(2026, 8, 31)), date(2027, 2, 28));
    }

    #[test]
    fn a_follow_up_the_day_before_it_is_due_is_too_early_and_on_the_day_accepted() {
        let outcome = date(2026, 1, 15);
        let input = |d| FollowUpInput {
            date: Some(d),
            lasted: Some(true),
            ladder_rung: Some(6),
        };
        let err = input(date(2026, 7, 14))
            .validate(outcome, date(2026, 8, 1))
            .unwrap_err();
        assert_eq!(
            err.0[0].kind,
            ViolationKind::FollowUpTooEarly {
                due_date: "2026-07-15".into()
            }
        );
        assert!(
            input(date(2026, 7, 15))
                .validate(outcome, date(2026, 8, 1))
                .is_ok()
        );
    }

    #[test]
    fn a_follow_up_needs_whether_it_lasted_and_a_rung_of_1_to_6() {
        let err = FollowUpInput {
            date: Some(date(2026, 7, 15)),
            lasted: None,
            ladder_rung: Some(7),
        }
        .validate(date(2026, 1, 15), date(2026, 8, 1))
        .unwrap_err();
        let fields: Vec<&str> = err.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["lasted", "ladder_rung"]);
    }
}
