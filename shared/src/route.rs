//! The route of one participant, derived from the facts: never stored, so it cannot drift.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    rules::{
        budget::{self, ExpenseStatus},
        internship::{self, InternshipProgress},
        introduction::IntroductionStatus,
        outcome::OutcomeKind,
        plan::{self, GoalStatus},
        training::{self, AttendanceStatus, MEETINGS, MeetingNumber, Theme},
    },
    values::Money,
};

/// One meeting of the participant's cohort, as far as it is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingFact {
    pub number: MeetingNumber,
    pub date: Option<NaiveDate>,
    pub attendance: Option<AttendanceStatus>,
}

/// An internship of the participant (its end includes any extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InternshipFact {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub cancelled: bool,
}

/// Everything the route is derived from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ParticipantFile {
    /// Meetings attended for the training to count as complete (a setting).
    pub meetings_required: u32,
    pub meetings: Vec<MeetingFact>,
    pub has_coach: bool,
    pub goals: Vec<GoalStatus>,
    /// Dates of the company visits the participant is registered for.
    pub visits: Vec<NaiveDate>,
    pub internships: Vec<InternshipFact>,
    pub introductions: Vec<IntroductionStatus>,
    /// The participant's budget cap (the agreement's, or the programme's).
    pub budget_cap: Money,
    pub expenses: Vec<(ExpenseStatus, Money)>,
    pub outcome: Option<OutcomeKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Training,
    CoachAndPlan,
    CompanyVisits,
    Internship,
    Introduction,
    Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    NotStarted,
    UnderWay,
    Done,
}

/// The figures of a step, to draw its progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum StepFigures {
    Training {
        attended: u32,
        total: u32,
        required: u32,
    },
    CoachAndPlan {
        has_coach: bool,
        goals_reached: u32,
        goals: u32,
    },
    CompanyVisits {
        done: u32,
        planned: u32,
    },
    Internship {
        progress: Option<InternshipProgress>,
    },
    Introduction {
        proposed: u32,
        accepted: u32,
        placed: bool,
    },
    Outcome {
        kind: Option<OutcomeKind>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RouteStep {
    pub kind: StepKind,
    pub status: StepStatus,
    pub figures: StepFigures,
}

/// What the participant sees as the next thing to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NextStep {
    /// Go to the next meeting of the training.
    Meeting {
        number: MeetingNumber,
        date: NaiveDate,
        theme: Theme,
    },
    /// The training is not complete and no further meeting is scheduled: catch up with the coach.
    CatchUpTraining,
    /// Wait for a coach to be assigned.
    WaitForCoach,
    /// Make the action plan with the coach.
    MakePlan,
    /// Visit a company.
    CompanyVisit,
    /// An internship is planned and starts on this day.
    InternshipStarts { date: NaiveDate },
    /// Find an internship with the coach.
    FindInternship,
    /// The internship is under way.
    Internship { week: u32, weeks: u32 },
    /// Be introduced to a company, school or volunteer organisation.
    Introduction,
    /// The outcome is to be recorded.
    Outcome,
    /// The route is complete.
    Done,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetFigures {
    pub cap_cents: i64,
    /// Approved and paid.
    pub used_cents: i64,
    /// Pending, approved and paid: what can no longer be requested.
    pub committed_cents: i64,
    pub remaining_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Route {
    pub steps: Vec<RouteStep>,
    pub next_step: NextStep,
    pub budget: BudgetFigures,
}

impl Route {
    pub fn step(&self, kind: StepKind) -> Option<&RouteStep> {
        self.steps.iter().find(|s| s.kind == kind)
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Derives the route on `today`.
pub fn route(file: &ParticipantFile, today: NaiveDate) -> Route {
    // Training.
    let attended = training::attended_count(file.meetings.iter().filter_map(|m| m.attendance));
    let training_done = attended >= file.meetings_required;
    let training_begun = file
        .meetings
        .iter()
        .any(|m| m.attendance.is_some() || m.date.is_some_and(|d| d <= today));
    let next_meeting = file
        .meetings
        .iter()
        .filter_map(|m| m.date.map(|d| (m.number, d)))
        .filter(|(_, d)| *d >= today)
        .min_by_key(|(_, d)| *d);

    // Coach and plan.
    let (goals_reached, goals) = plan::goals_reached(file.goals.iter().copied());
    let plan_done = goals > 0 && goals_reached == goals;

    // Company visits: done on their day.
    let visits_done = count(file.visits.iter().filter(|d| **d <= today).count());
    let visits_planned = count(file.visits.len()) - visits_done;

    // Internship: the running one, else the next planned one, else the last finished one.
    let live: Vec<&InternshipFact> = file.internships.iter().filter(|i| !i.cancelled).collect();
    let current = live
        .iter()
        .find(|i| i.start <= today && today <= i.end)
        .or_else(|| {
            live.iter()
                .filter(|i| i.start > today)
                .min_by_key(|i| i.start)
        })
        .or_else(|| live.iter().max_by_key(|i| i.end))
        .copied();
    let progress = current.map(|i| internship::week_of(i.start, i.end, today));
    let internship_done = live.iter().any(|i| i.end < today);

    // Introductions.
    let proposed = count(file.introductions.len());
    let accepted = count(
        file.introductions
            .iter()
            .filter(|s| {
                matches!(
                    s,
                    IntroductionStatus::Accepted
                        | IntroductionStatus::MeetingHeld
                        | IntroductionStatus::Hired
                        | IntroductionStatus::Enrolled
                        | IntroductionStatus::Volunteering
                        | IntroductionStatus::NotChosen
                )
            })
            .count(),
    );
    let placed = file.introductions.iter().any(|s| s.is_placement());

    let status = |done: bool, begun: bool| {
        if done {
            StepStatus::Done
        } else if begun {
            StepStatus::UnderWay
        } else {
            StepStatus::NotStarted
        }
    };
    let steps = vec![
        RouteStep {
            kind: StepKind::Training,
            status: status(training_done, training_begun),
            figures: StepFigures::Training {
                attended,
                total: u32::from(MEETINGS),
                required: file.meetings_required,
            },
        },
        RouteStep {
            kind: StepKind::CoachAndPlan,
            status: status(plan_done, file.has_coach || goals > 0),
            figures: StepFigures::CoachAndPlan {
                has_coach: file.has_coach,
                goals_reached,
                goals,
            },
        },
        RouteStep {
            kind: StepKind::CompanyVisits,
            status: status(visits_done > 0, visits_planned > 0),
            figures: StepFigures::CompanyVisits {
                done: visits_done,
                planned: visits_planned,
            },
        },
        RouteStep {
            kind: StepKind::Internship,
            status: status(internship_done, current.is_some()),
            figures: StepFigures::Internship { progress },
        },
        RouteStep {
            kind: StepKind::Introduction,
            status: status(placed, proposed > 0),
            figures: StepFigures::Introduction {
                proposed,
                accepted,
                placed,
            },
        },
        RouteStep {
            kind: StepKind::Outcome,
            status: status(file.outcome.is_some(), false),
            figures: StepFigures::Outcome { kind: file.outcome },
        },
    ];

    let next_step = if file.outcome.is_some() {
        NextStep::Done
    } else if !training_done {
        match next_meeting {
            Some((number, date)) => NextStep::Meeting {
                number,
                date,
                theme: Theme::of(number),
            },
            None => NextStep::CatchUpTraining,
        }
    } else if !file.has_coach {
        NextStep::WaitForCoach
    } else if goals == 0 {
        NextStep::MakePlan
    } else if let Some(InternshipProgress::UnderWay { week, weeks }) = progress {
        NextStep::Internship { week, weeks }
    } else if let (Some(i), Some(InternshipProgress::NotStarted { .. })) = (current, progress) {
        NextStep::InternshipStarts { date: i.start }
    } else if visits_done == 0 && visits_planned == 0 && !internship_done {
        NextStep::CompanyVisit
    } else if !internship_done {
        NextStep::FindInternship
    } else if !placed && accepted == 0 {
        NextStep::Introduction
    } else {
        NextStep::Outcome
    };

    let cap = file.budget_cap;
    Route {
        steps,
        next_step,
        budget: BudgetFigures {
            cap_cents: cap.cents(),
            used_cents: budget::used(&file.expenses).cents(),
            committed_cents: budget::committed(&file.expenses).cents(),
            remaining_cents: budget::remaining(cap, &file.expenses).cents(),
        },
    }
}

#[cfg(test)]
mod tests;
