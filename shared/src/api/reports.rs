//! `GET /reports/municipalities/{id}?from=&to=`: aggregated figures, small cells hidden; and
//! `GET /nudges`: what a coordinator or coach should look at.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    ids::{MunicipalityId, ParticipantId, UserId},
    rules::{
        budget::ExpenseCategory,
        coach::Nudge,
        reports::{Period, ReportCount},
    },
    violation::{Violation, ViolationKind, Violations},
};

/// The period of a report; each end defaults on the server (see the endpoint).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ReportQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl ReportQuery {
    /// The period asked for: `from` defaults to `default_from` (the start of the agreement, or
    /// of the year), `to` to `today`; an end before the start is refused.
    pub fn period(&self, default_from: NaiveDate, today: NaiveDate) -> Result<Period, Violations> {
        let from = self.from.unwrap_or(default_from);
        let to = self.to.unwrap_or(today);
        if to < from {
            return Err(Violation::new("to", ViolationKind::EndBeforeStart {}).into());
        }
        Ok(Period { from, to })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutcomeCounts {
    pub total: ReportCount,
    pub paid_job: ReportCount,
    pub education: ReportCount,
    pub volunteering: ReportCount,
    pub none: ReportCount,
}

/// Introductions proposed in the period, by where they stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IntroductionCounts {
    pub total: ReportCount,
    pub hired: ReportCount,
    pub enrolled: ReportCount,
    pub volunteering: ReportCount,
    pub not_chosen: ReportCount,
    pub declined: ReportCount,
    /// Proposed, accepted or met, without a result yet.
    pub open: ReportCount,
}

/// Participants whose rung went up, stayed or went down between two moments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Movement {
    pub participants: ReportCount,
    pub up: ReportCount,
    pub same: ReportCount,
    pub down: ReportCount,
}

/// Ladder movement of the participants with an outcome in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LadderMovement {
    pub intake_to_exit: Movement,
    pub exit_to_follow_up: Movement,
}

/// Granted budget (approved or paid) requested in the period, in one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetLine {
    pub category: ExpenseCategory,
    pub participants: ReportCount,
    /// The sum in euro cents; absent when fewer than 5 participants share it.
    pub amount_cents: Option<i64>,
}

/// Participants started within the agreement's own period, against the number contracted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementProgress {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub contracted: u32,
    pub started: ReportCount,
}

/// A count for one calendar month of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthCount {
    /// The first day of the month.
    pub month: NaiveDate,
    pub count: ReportCount,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MunicipalityReport {
    pub municipality_id: MunicipalityId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub started: ReportCount,
    pub in_training: ReportCount,
    pub training_completed: ReportCount,
    /// Became ready for the final interview of the civic-integration module (MAP): every theme
    /// and the practice hours covered. The education route is left out.
    pub ready_for_final_interview: ReportCount,
    /// The same, per calendar month of the period (oldest first).
    pub ready_per_month: Vec<MonthCount>,
    pub visits: ReportCount,
    pub internships_started: ReportCount,
    pub internships_completed: ReportCount,
    pub introductions: IntroductionCounts,
    pub outcomes: OutcomeCounts,
    /// From the start of the route to the outcome; absent when fewer than 5 outcomes.
    pub median_days_to_outcome: Option<i64>,
    pub ladder: LadderMovement,
    pub budget: Vec<BudgetLine>,
    pub agreement: Option<AgreementProgress>,
    /// Started in the whole programme, towards the aim of 1,500.
    pub programme_started: u32,
    pub programme_aim: u32,
    /// `programme_started` against the aim, in whole per mille (at most 1000).
    pub programme_per_mille: u32,
}

/// One thing to look at, with the record it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NudgeItem {
    #[serde(flatten)]
    pub nudge: Nudge,
    /// The participant it is about (every kind but `coach_over_caseload`).
    pub participant_id: Option<ParticipantId>,
    /// The participant's name, or the coach's first name for `coach_over_caseload`.
    pub name: String,
    /// The coach it is about, for `coach_over_caseload`.
    pub coach_id: Option<UserId>,
}
