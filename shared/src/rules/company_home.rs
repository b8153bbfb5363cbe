//! What an organisation's contact sees of its own people: the evaluations its supervisors owe.

use chrono::{Days, NaiveDate};

use crate::rules::internship::{EvaluationMoment, duration_days};

/// The supervisor's evaluations due on `today` for the internship `start..=end`: the midterm one
/// from the middle of the period, the final one from its last week, each until it is done.
pub fn evaluations_due(
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
    done: &[EvaluationMoment],
) -> Vec<EvaluationMoment> {
    let half = u64::try_from(duration_days(start, end).max(0) / 2).unwrap_or(0);
    let midterm_from = start.checked_add_days(Days::new(half)).unwrap_or(start);
    let final_from = end.checked_sub_days(Days::new(6)).unwrap_or(end);
    let mut due = Vec::new();
    if today >= midterm_from && !done.contains(&EvaluationMoment::Midterm) {
        due.push(EvaluationMoment::Midterm);
    }
    if today >= final_from && !done.contains(&EvaluationMoment::Final) {
        due.push(EvaluationMoment::Final);
    }
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap() + Days::new(n)
    }

    #[test]
    fn nothing_is_due_in_the_first_half_of_an_internship() {
        assert!(evaluations_due(day(0), day(55), day(20), &[]).is_empty());
    }

    #[test]
    fn the_midterm_evaluation_is_due_from_the_middle_until_it_is_done() {
        assert_eq!(
            evaluations_due(day(0), day(55), day(28), &[]),
            [EvaluationMoment::Midterm]
        );
        assert!(evaluations_due(day(0), day(55), day(28), &[EvaluationMoment::Midterm]).is_empty());
    }

    #[test]
    fn the_final_evaluation_is_due_in_the_last_week_and_after() {
        assert_eq!(
            evaluations_due(day(0), day(55), day(49), &[EvaluationMoment::Midterm]),
            [EvaluationMoment::Final]
        );
        assert_eq!(
            evaluations_due(day(0), day(55), day(70), &[]),
            [EvaluationMoment::Midterm, EvaluationMoment::Final]
        );
        assert!(
            evaluations_due(
                day(0),
                day(55),
                day(70),
                &[EvaluationMoment::Final, EvaluationMoment::Midterm]
            )
            .is_empty()
        );
    }
}
