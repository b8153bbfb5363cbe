//! The translation keys of the kinds and states shown on the training, plan and route screens:
//! exhaustive matches, so a new state will not compile until it has a text.

use shared::{
    route::{NextStep, StepKind, StepStatus},
    rules::{
        contact::ContactKind,
        outcome::OutcomeKind,
        plan::{ActionOwner, GoalStatus},
        training::{AttendanceStatus, Theme},
    },
};

use crate::{components::Glyph, i18n::I18n};

/// The theme of a meeting: `theme-<key>`.
pub fn theme(theme: Theme) -> String {
    format!("theme-{}", theme.key())
}

pub fn attendance(status: AttendanceStatus) -> &'static str {
    match status {
        AttendanceStatus::Present => "attendance-present",
        AttendanceStatus::Excused => "attendance-excused",
        AttendanceStatus::Absent => "attendance-absent",
        AttendanceStatus::MadeUp => "attendance-made_up",
    }
}

pub fn attendance_glyph(status: AttendanceStatus) -> Glyph {
    match status {
        AttendanceStatus::Present => Glyph::Check,
        AttendanceStatus::Excused => Glyph::Mail,
        AttendanceStatus::Absent => Glyph::Cross,
        AttendanceStatus::MadeUp => Glyph::Redo,
    }
}

/// The JSON name of an attendance status, as a value in the form.
pub fn attendance_value(status: AttendanceStatus) -> &'static str {
    match status {
        AttendanceStatus::Present => "present",
        AttendanceStatus::Excused => "excused",
        AttendanceStatus::Absent => "absent",
        AttendanceStatus::MadeUp => "made_up",
    }
}

pub const GOAL_STATUSES: [GoalStatus; 3] =
    [GoalStatus::Open, GoalStatus::Reached, GoalStatus::Dropped];

pub fn goal_status(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Open => "goal-status-open",
        GoalStatus::Reached => "goal-status-reached",
        GoalStatus::Dropped => "goal-status-dropped",
    }
}

/// The JSON name of a goal's status, as a value in the form.
pub fn goal_status_value(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Open => "open",
        GoalStatus::Reached => "reached",
        GoalStatus::Dropped => "dropped",
    }
}

pub const OWNERS: [ActionOwner; 2] = [ActionOwner::Participant, ActionOwner::Coach];

pub fn owner(owner: ActionOwner) -> &'static str {
    match owner {
        ActionOwner::Participant => "action-owner-participant",
        ActionOwner::Coach => "action-owner-coach",
    }
}

pub fn owner_value(owner: ActionOwner) -> &'static str {
    match owner {
        ActionOwner::Participant => "participant",
        ActionOwner::Coach => "coach",
    }
}

pub const CONTACT_KINDS: [ContactKind; 3] = [
    ContactKind::Meeting,
    ContactKind::Call,
    ContactKind::Message,
];

pub fn contact_kind(kind: ContactKind) -> &'static str {
    match kind {
        ContactKind::Meeting => "contact-kind-meeting",
        ContactKind::Call => "contact-kind-call",
        ContactKind::Message => "contact-kind-message",
    }
}

pub fn contact_kind_value(kind: ContactKind) -> &'static str {
    match kind {
        ContactKind::Meeting => "meeting",
        ContactKind::Call => "call",
        ContactKind::Message => "message",
    }
}

pub fn contact_glyph(kind: ContactKind) -> Glyph {
    match kind {
        ContactKind::Meeting => Glyph::Group,
        ContactKind::Call => Glyph::Phone,
        ContactKind::Message => Glyph::Message,
    }
}

pub fn step(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Training => "step-training",
        StepKind::CoachAndPlan => "step-coach_and_plan",
        StepKind::CompanyVisits => "step-company_visits",
        StepKind::Internship => "step-internship",
        StepKind::Introduction => "step-introduction",
        StepKind::Outcome => "step-outcome",
    }
}

pub fn step_glyph(kind: StepKind) -> Glyph {
    match kind {
        StepKind::Training => Glyph::Training,
        StepKind::CoachAndPlan => Glyph::Goal,
        StepKind::CompanyVisits => Glyph::Visit,
        StepKind::Internship => Glyph::Internship,
        StepKind::Introduction => Glyph::Introduction,
        StepKind::Outcome => Glyph::Outcome,
    }
}

pub fn step_status(status: StepStatus) -> &'static str {
    match status {
        StepStatus::NotStarted => "step-status-not_started",
        StepStatus::UnderWay => "step-status-under_way",
        StepStatus::Done => "step-status-done",
    }
}

pub fn step_status_glyph(status: StepStatus) -> Glyph {
    match status {
        StepStatus::NotStarted => Glyph::Circle,
        StepStatus::UnderWay => Glyph::Clock,
        StepStatus::Done => Glyph::Check,
    }
}

/// The class of a step's state, for its colour.
pub fn step_status_class(status: StepStatus) -> &'static str {
    match status {
        StepStatus::NotStarted => "step step-not-started",
        StepStatus::UnderWay => "step step-under-way",
        StepStatus::Done => "step step-done",
    }
}

pub fn outcome_kind(kind: OutcomeKind) -> &'static str {
    match kind {
        OutcomeKind::PaidJob => "route-result-paid_job",
        OutcomeKind::Education => "route-result-education",
        OutcomeKind::Volunteering => "route-result-volunteering",
        OutcomeKind::None => "route-result-none",
    }
}

/// The key of the next step, without its parameters.
pub fn next_step_key(step: &NextStep) -> &'static str {
    match step {
        NextStep::Meeting { .. } => "next-step-meeting",
        NextStep::CatchUpTraining => "next-step-catch_up_training",
        NextStep::WaitForCoach => "next-step-wait_for_coach",
        NextStep::MakePlan => "next-step-make_plan",
        NextStep::CompanyVisit => "next-step-company_visit",
        NextStep::InternshipStarts { .. } => "next-step-internship_starts",
        NextStep::FindInternship => "next-step-find_internship",
        NextStep::Internship { .. } => "next-step-internship",
        NextStep::Introduction => "next-step-introduction",
        NextStep::Outcome => "next-step-outcome",
        NextStep::Done => "next-step-done",
    }
}

/// What the participant does next, in words (reactive).
pub fn next_step(i18n: I18n, step: &NextStep) -> String {
    let key = next_step_key(step);
    match step {
        NextStep::Meeting {
            number,
            date,
            theme: t,
        } => i18n.t_with(
            key,
            &[
                ("number", number.to_string()),
                ("date", i18n.date(date)),
                ("theme", i18n.t(&theme(*t))),
            ],
        ),
        NextStep::InternshipStarts { date } => i18n.t_with(key, &[("date", i18n.date(date))]),
        NextStep::Internship { week, weeks } => i18n.t_with(
            key,
            &[("week", week.to_string()), ("weeks", weeks.to_string())],
        ),
        NextStep::CatchUpTraining
        | NextStep::WaitForCoach
        | NextStep::MakePlan
        | NextStep::CompanyVisit
        | NextStep::FindInternship
        | NextStep::Introduction
        | NextStep::Outcome
        | NextStep::Done => i18n.t(key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_catalog};
    use shared::rules::training::MeetingNumber;

    fn has_everywhere(key: &str, params: &[(&str, String)]) {
        for lang in Lang::ALL {
            let text = with_catalog(lang, |c| c.try_format(key, params));
            let text = text.unwrap_or_else(|()| panic!("{}: {key}", lang.code()));
            assert!(
                !text.contains('{'),
                "{}: {key} left a placeholder",
                lang.code()
            );
        }
    }

    #[test]
    fn every_theme_status_kind_and_step_has_a_text_in_every_language() {
        let mut keys: Vec<String> = Theme::ALL.into_iter().map(theme).collect();
        keys.extend(AttendanceStatus::ALL.map(|s| attendance(s).to_owned()));
        keys.extend(GOAL_STATUSES.map(|s| goal_status(s).to_owned()));
        keys.extend(OWNERS.map(|o| owner(o).to_owned()));
        keys.extend(CONTACT_KINDS.map(|k| contact_kind(k).to_owned()));
        keys.extend(
            [
                StepKind::Training,
                StepKind::CoachAndPlan,
                StepKind::CompanyVisits,
                StepKind::Internship,
                StepKind::Introduction,
                StepKind::Outcome,
            ]
            .map(|k| step(k).to_owned()),
        );
        keys.extend(
            [
                StepStatus::NotStarted,
                StepStatus::UnderWay,
                StepStatus::Done,
            ]
            .map(|s| step_status(s).to_owned()),
        );
        keys.extend(
            [
                OutcomeKind::PaidJob,
                OutcomeKind::Education,
                OutcomeKind::Volunteering,
                OutcomeKind::None,
            ]
            .map(|k| outcome_kind(k).to_owned()),
        );
        for key in keys {
            has_everywhere(&key, &[]);
        }
    }

    #[test]
    fn every_next_step_has_a_text_whose_parameters_fill_in() {
        let number = MeetingNumber::new(3).expect("3 is a meeting");
        let date = "2026-03-01".parse().expect("a date");
        let steps = [
            NextStep::Meeting {
                number,
                date,
                theme: Theme::of(number),
            },
            NextStep::CatchUpTraining,
            NextStep::WaitForCoach,
            NextStep::MakePlan,
            NextStep::CompanyVisit,
            NextStep::InternshipStarts { date },
            NextStep::FindInternship,
            NextStep::Internship { week: 2, weeks: 8 },
            NextStep::Introduction,
            NextStep::Outcome,
            NextStep::Done,
        ];
        let params = [
            ("number", "3".to_owned()),
            ("date", "1 maart".to_owned()),
            ("theme", "x".to_owned()),
            ("week", "2".to_owned()),
            ("weeks", "8".to_owned()),
        ];
        for step in &steps {
            has_everywhere(next_step_key(step), &params);
        }
    }
}
